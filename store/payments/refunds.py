"""Recording refunds against an order's payments (the money movement itself is the provider's/staff's).

A refund can never exceed what was paid: each ``payments.refunded_minor`` grows with a conditional UPDATE
(``refunded_minor + :a <= amount_minor``). A provider refund id is UNIQUE, so recording the same provider
refund twice returns the first record. The order moves to ``refunded`` on its first refund; a refund that
leaves nothing paid voids the order's digital items (``store.digital``), so a refunded gift card is void.

An order paid partly by a gift card has two payments. A refund goes to the provider's payment first (the
shopper's own money comes back first), then to the card: the card part is put back on the card's balance
(``gift_card_entries`` row ``refunded``), never paid out. ``amount=None`` refunds everything left of both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.digital.service import void_digital_items
from store.giftcards.cards import give_back, masked
from store.models.digital import GiftCardEntryKind
from store.models.orders import Order, OrderEventType, OrderStatus, PaymentMethodKind
from store.models.payments import Payment, Refund
from store.money import Money
from store.orders import events
from store.orders.service import notice, transition
from store.orders.views import format_order_number
from store.payments.errors import RefundNotAllowed
from store.uow import UnitOfWork

__all__ = ["RefundView", "apply_refund", "REFUNDABLE"]

REFUNDABLE = frozenset({OrderStatus.CANCELLED, OrderStatus.RETURNED, OrderStatus.RETURN_REQUESTED,
                        OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.REFUNDED})


@dataclass(frozen=True)
class RefundView:
    id: int
    order_id: int
    order_number: str
    amount: Money  # everything this refund gave back, the gift card part included
    payment_id: int | None
    provider_refund_id: str | None
    duplicate: bool = False
    to_gift_card: Money | None = None  # the part put back on the gift card's balance


def _view(refund: Refund, *, duplicate: bool = False, amount: Money | None = None,
          to_gift_card: Money | None = None) -> RefundView:
    return RefundView(refund.id, refund.order_id, format_order_number(refund.order_id),
                      amount or Money(refund.amount_minor, refund.currency), refund.payment_id,
                      refund.provider_refund_id, duplicate, to_gift_card)


async def _count(session: AsyncSession, payment: Payment, value: int) -> bool:
    counted = (await session.execute(
        update(Payment)
        .where(Payment.id == payment.id, Payment.refunded_minor + value <= Payment.amount_minor)
        .values(refunded_minor=Payment.refunded_minor + value)
        .returning(Payment.id)
        .execution_options(synchronize_session=False))).scalar_one_or_none()
    return counted is not None


async def apply_refund(uow: UnitOfWork, order: Order, *, amount: Money | None, actor: str, reason: str,
                       now: datetime, provider_refund_id: str | None = None) -> RefundView:
    """Record a refund of ``amount`` (None = everything not yet refunded) and commit."""
    session = uow.session
    number = format_order_number(order.id)
    if provider_refund_id is not None:
        first = (
            await session.execute(select(Refund).where(Refund.provider_refund_id == provider_refund_id))
        ).scalar_one_or_none()
        if first is not None:
            return _view(first, duplicate=True)
    status = OrderStatus(order.status)
    if status not in REFUNDABLE:
        raise RefundNotAllowed(number, f"the order is {status.value}")
    payments = list((await session.execute(
        select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)
        .execution_options(populate_existing=True))).scalars())
    # The provider's money first, the gift card last.
    payments.sort(key=lambda p: (p.method is PaymentMethodKind.GIFT_CARD, p.id))
    if not payments:
        raise RefundNotAllowed(number, "nothing was paid for it")
    currency = payments[0].currency
    left = sum(p.amount_minor - p.refunded_minor for p in payments)
    value = amount.amount if amount is not None else left
    if amount is not None and amount.currency != currency:
        raise RefundNotAllowed(number, f"the payment was in {currency}")
    if value <= 0:
        raise RefundNotAllowed(number, "the amount must be positive" if amount else "it is fully refunded")
    if value > left:
        raise RefundNotAllowed(number, f"only {Money(left, currency).format()} is left to refund")
    if status is OrderStatus.RETURN_REQUESTED:
        raise RefundNotAllowed(number, "approve or reject the return first")
    refunds: list[Refund] = []
    to_card = 0
    remaining = value
    for payment in payments:
        part = min(remaining, payment.amount_minor - payment.refunded_minor)
        if part <= 0:
            continue
        if not await _count(session, payment, part):
            raise RefundNotAllowed(number, "a refund was recorded at the same time; try again")
        card = payment.method is PaymentMethodKind.GIFT_CARD
        refund = Refund(order_id=order.id, payment_id=payment.id, amount_minor=part, currency=payment.currency,
                        reason=reason, provider_refund_id=None if refunds else provider_refund_id,
                        actor=actor, created_at=now)
        session.add(refund)
        refunds.append(refund)
        remaining -= part
        if card and order.gift_card_item_id is not None:
            back = Money(part, payment.currency)
            after = await give_back(session, order.gift_card_item_id, back, GiftCardEntryKind.REFUNDED,
                                    order_id=order.id, actor=actor, now=now, reason=reason or "refund")
            session.add(events.gift_card_returned(order.id, actor, now, card=masked(order.gift_card_code or ""),
                                                  amount=back, balance_after=after, reason="refunded"))
            to_card += part
        if remaining == 0:
            break
    await session.flush()
    if status is not OrderStatus.REFUNDED:
        await transition(session, order, OrderStatus.REFUNDED, actor, now, reason=reason)
    for refund in refunds:
        session.add(events.refunded(order.id, actor, now, refund_id=refund.id,
                                    amount=Money(refund.amount_minor, refund.currency), reason=reason))
    if value == left:  # fully refunded: its gift-card codes stop counting, its files are no longer offered
        await void_digital_items(session, order.id, actor, now, reason=f"refunded: {reason}" if reason else "refunded")
    await session.flush()
    view = _view(refunds[0], amount=Money(value, currency), to_gift_card=Money(to_card, currency) if to_card else None)
    notice(uow, order, OrderEventType.REFUNDED)
    await uow.commit()
    return view
