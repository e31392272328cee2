"""Gift cards on orders: take the card part at checkout, record it as a payment when the order is paid, give it
back when an unpaid order is cancelled or expires.

WHY the balance is taken at checkout, not at payment: like stock, the card part is *reserved* with the order
(the shopper saw "-$25.00" and the invoice is for the rest), so two orders can never both count on the same
balance. ``orders.gift_card_held`` says the amount still belongs to the order; it flips once, with a
conditional UPDATE, when the amount goes back, so a cancel racing an expiry returns it once. When the order
is paid, the card part becomes a ``payments`` row of its own kind (``gift_card:<order id>``, UNIQUE), so an
order's payments add up to its total and a refund knows what went where (``store.payments.refunds``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from store.giftcards.cards import give_back, masked, take_balance
from store.giftcards.service import GiftCardUse, quote_gift_card
from store.models.digital import GiftCardEntryKind
from store.models.orders import Order, PaymentMethodKind
from store.models.payments import Payment
from store.money import Money
from store.orders import events

__all__ = ["spend_on_order", "capture_card_part", "return_card_part", "card_charge_id", "card_snapshot"]


def card_charge_id(order_id: int) -> str:
    return f"gift_card:{order_id}"


def card_snapshot(use_code: str, amount: Money, balance_after: Money) -> dict[str, Any]:
    """What the order keeps for its receipts (in ``orders.pricing["gift_card"]``): never the full code."""
    return {"masked": masked(use_code), "amount": {"amount": amount.amount, "currency": amount.currency},
            "balance_after": {"amount": balance_after.amount, "currency": balance_after.currency}}


async def spend_on_order(session: AsyncSession, order: Order, code: str, variant_ids: Sequence[int], actor: str,
                         now: datetime) -> GiftCardUse:
    """Take what the card pays of the order's total, inside checkout's transaction (strict: GiftCardError)."""
    use = await quote_gift_card(session, code, Money(order.total_minor, order.currency), variant_ids)
    if use.applied.amount <= 0:
        return use  # a free order: nothing to take
    after = await take_balance(session, use.card.id, use.applied, order_id=order.id, actor=actor, now=now)
    order.gift_card_code, order.gift_card_item_id = use.code, use.card.id
    order.gift_card_minor, order.gift_card_held = use.applied.amount, True
    order.pricing = {**(order.pricing or {}), "gift_card": card_snapshot(use.code, use.applied, after)}
    session.add(events.gift_card_spent(order.id, actor, now, card=masked(use.code), amount=use.applied,
                                       balance_after=after))
    return GiftCardUse(use.card, use.total, use.applied)


async def capture_card_part(session: AsyncSession, order: Order, actor: str, now: datetime) -> Payment | None:
    """The card part as a payment, in the transaction that marks the order paid (None without a card part)."""
    if not order.gift_card_minor:
        return None
    amount = Money(order.gift_card_minor, order.currency)
    payment = Payment(order_id=order.id, user_id=order.user_id, method=PaymentMethodKind.GIFT_CARD,
                      amount_minor=amount.amount, currency=amount.currency,
                      provider_charge_id=card_charge_id(order.id), telegram_charge_id=None, created_at=now)
    session.add(payment)
    await session.flush()
    session.add(events.payment_captured(order.id, actor, now, payment_id=payment.id, amount=amount,
                                        method=PaymentMethodKind.GIFT_CARD.value,
                                        provider_charge_id=card_charge_id(order.id)))
    return payment


async def return_card_part(session: AsyncSession, order: Order, actor: str, now: datetime, *, reason: str,
                           amount: Money | None = None) -> Money | None:
    """Give an unpaid order's card part back (all of it, or ``amount`` of it when its total went down).

    Returns what went back (None if nothing: no card, already returned, or already paid -- a paid order's
    card part goes back through its refund).
    """
    if not order.gift_card_minor or order.gift_card_item_id is None:
        return None
    captured = await session.scalar(select(Payment.id).where(Payment.provider_charge_id == card_charge_id(order.id)))
    if captured is not None:
        return None
    whole = amount is None or amount.amount >= order.gift_card_minor
    back = Money(order.gift_card_minor, order.currency) if whole else amount
    assert back is not None
    values: dict[str, Any] = {"gift_card_held": False} if whole else {
        "gift_card_minor": Order.gift_card_minor - back.amount}
    flipped = (await session.execute(
        update(Order).where(Order.id == order.id, Order.gift_card_held.is_(True),
                            Order.gift_card_minor >= back.amount)
        .values(**values).returning(Order.gift_card_minor)
        .execution_options(synchronize_session=False))).scalar_one_or_none()
    if flipped is None:
        return None
    if whole:
        set_committed_value(order, "gift_card_held", False)
    else:
        set_committed_value(order, "gift_card_minor", int(flipped))
    after = await give_back(session, order.gift_card_item_id, back, GiftCardEntryKind.RETURNED, order_id=order.id,
                            actor=actor, now=now, reason=reason)
    session.add(events.gift_card_returned(order.id, actor, now, card=masked(order.gift_card_code or ""),
                                          amount=back, balance_after=after, reason=reason))
    return back
