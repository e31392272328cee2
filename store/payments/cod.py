"""Cash on delivery: no payment up front; the courier (or the pickup counter) collects the total.

A COD order skips ``paid``: it waits in ``pending_payment`` without an expiry until staff pack it
(``pending_payment -> packed`` is allowed for COD only), ships, and ``record_cod_payment`` records the
cash when it is handed over, moving ``shipped`` (or a packed pickup order) to ``delivered``. The charge id
``cod:<order id>`` is unique, so recording the same collection twice is a no-op. With a gift card paying part
of the order, the courier collects the rest and the card part is recorded with the cash.
"""

from __future__ import annotations

from datetime import datetime

from store.giftcards.orders import capture_card_part
from store.models.orders import OrderEventType, OrderStatus, PaymentMethodKind, ShippingOption
from store.models.payments import Payment
from store.money import Money
from store.orders import events
from store.orders.service import notice, transition
from store.orders.views import OrderView, format_order_number, load_order
from store.payments.attempts import record_refusal
from store.payments.base import PaymentResult, PaymentStatus
from store.payments.capture import existing_result
from store.payments.errors import RefusalReason
from store.uow import UnitOfWork

__all__ = ["CashOnDelivery", "record_cod_payment"]

_COLLECTABLE = frozenset({OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.PACKED})


class CashOnDelivery:
    @property
    def kind(self) -> PaymentMethodKind:
        return PaymentMethodKind.CASH_ON_DELIVERY

    def refusal(self, order: OrderView) -> str | None:
        if order.is_digital:
            return "digital goods are not delivered by a courier"
        if order.currency == "XTR":
            return "Stars cannot be paid in cash"
        return None


async def record_cod_payment(uow: UnitOfWork, order_id: int | str, collected: Money, actor: str, *,
                             now: datetime) -> PaymentResult:
    """Record cash collected on delivery; a wrong amount is refused and recorded, never applied."""
    session = uow.session
    order = await load_order(session, order_id)
    key = f"cod:{order.id}"
    first = await existing_result(uow, key)
    if first is not None:
        return first
    number = format_order_number(order.id)
    status = OrderStatus(order.status)
    reason: RefusalReason | None = None
    if order.payment_method is not PaymentMethodKind.CASH_ON_DELIVERY:
        reason = RefusalReason.WRONG_METHOD
    elif collected.currency != order.currency:
        reason = RefusalReason.CURRENCY_MISMATCH
    elif collected.amount != order.total_minor - order.gift_card_minor:
        reason = RefusalReason.AMOUNT_MISMATCH
    elif status not in _COLLECTABLE or (
        status is OrderStatus.PACKED and order.shipping_option is not ShippingOption.PICKUP
    ):
        reason = RefusalReason.NOT_PAYABLE
    if reason is not None:
        await record_refusal(session, stage="cod", reason=reason, order_id=order.id, order_exists=True,
                             user_id=order.user_id, amount=collected.amount, currency=collected.currency,
                             provider_charge_id=None, now=now, details={"actor": actor})
        await uow.commit()
        return PaymentResult(PaymentStatus.REFUSED, order.id, number, None, None, reason)
    payment = Payment(order_id=order.id, user_id=order.user_id, method=PaymentMethodKind.CASH_ON_DELIVERY,
                      amount_minor=collected.amount, currency=collected.currency, provider_charge_id=key,
                      telegram_charge_id=None, created_at=now)
    session.add(payment)
    await session.flush()
    session.add(events.payment_captured(order.id, actor, now, payment_id=payment.id, amount=collected,
                                        method=PaymentMethodKind.CASH_ON_DELIVERY.value, provider_charge_id=key))
    await capture_card_part(session, order, actor, now)
    if status is not OrderStatus.DELIVERED:
        await transition(session, order, OrderStatus.DELIVERED, actor, now, reason="cash collected",
                         paid_at=now)
    await session.flush()
    notice(uow, order, OrderEventType.PAYMENT_CAPTURED)
    await uow.commit()
    return PaymentResult(PaymentStatus.CAPTURED, order.id, number, payment.id, collected)
