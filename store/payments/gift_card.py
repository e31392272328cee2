"""An order the gift card pays in full: no invoice, no provider; the card part is the whole payment.

Called inside the transaction that took the balance (checkout, or a delivery change that lowered the total),
so the order is ``paid`` in the same commit as the card was charged. The payment's charge id
``gift_card:<order id>`` is UNIQUE: the same order cannot be paid by its card twice, and the order moves
``pending_payment -> paid`` with the usual conditional transition. Digital lines are delivered here too, as
with any other captured payment (``store.payments.capture``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from store.digital.service import issue_digital_items
from store.giftcards.orders import capture_card_part
from store.models.orders import Order, OrderStatus, PaymentMethodKind
from store.models.payments import Payment
from store.orders import events
from store.orders.service import transition

__all__ = ["settle_by_gift_card"]


async def settle_by_gift_card(session: AsyncSession, order: Order, actor: str, now: datetime) -> Payment:
    """Mark ``order`` paid by its gift card (which must cover the whole total) and record the payment."""
    if not order.gift_card_minor or order.gift_card_minor != order.total_minor:
        raise ValueError("only an order its gift card covers in full is settled by it")
    order.payment_method = PaymentMethodKind.GIFT_CARD
    order.expires_at = None
    await session.flush()
    await transition(session, order, OrderStatus.PAID, actor, now, reason="paid by gift card", paid_at=now)
    payment = await capture_card_part(session, order, actor, now)
    assert payment is not None
    await issue_digital_items(session, order, now)
    if order.is_digital:
        await transition(session, order, OrderStatus.DELIVERED, events.SYSTEM, now, reason="digital delivery")
    await session.flush()
    return payment
