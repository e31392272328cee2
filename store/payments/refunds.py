"""Recording refunds against an order's payment (the money movement itself is the provider's/staff's).

A refund can never exceed what was paid: ``payments.refunded_minor`` grows with a conditional UPDATE
(``refunded_minor + :a <= amount_minor``). A provider refund id is UNIQUE, so recording the same provider
refund twice returns the first record. The order moves to ``refunded`` on its first refund; a refund that
leaves nothing paid voids the order's digital items (``store.digital``), so a refunded gift card is void.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from store.digital.service import void_digital_items
from store.models.orders import Order, OrderEventType, OrderStatus
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
    amount: Money
    payment_id: int | None
    provider_refund_id: str | None
    duplicate: bool = False


def _view(refund: Refund, *, duplicate: bool = False) -> RefundView:
    return RefundView(refund.id, refund.order_id, format_order_number(refund.order_id),
                      Money(refund.amount_minor, refund.currency), refund.payment_id, refund.provider_refund_id,
                      duplicate)


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
    payment = (
        await session.execute(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id).limit(1))
    ).scalar_one_or_none()
    if payment is None:
        raise RefundNotAllowed(number, "nothing was paid for it")
    left = payment.amount_minor - payment.refunded_minor
    value = amount.amount if amount is not None else left
    if amount is not None and amount.currency != payment.currency:
        raise RefundNotAllowed(number, f"the payment was in {payment.currency}")
    if value <= 0:
        raise RefundNotAllowed(number, "the amount must be positive" if amount else "it is fully refunded")
    counted = (
        await session.execute(
            update(Payment)
            .where(Payment.id == payment.id, Payment.refunded_minor + value <= Payment.amount_minor)
            .values(refunded_minor=Payment.refunded_minor + value)
            .returning(Payment.id)
            .execution_options(synchronize_session=False)
        )
    ).scalar_one_or_none()
    if counted is None:
        raise RefundNotAllowed(number, f"only {Money(left, payment.currency).format()} is left to refund")
    refund = Refund(order_id=order.id, payment_id=payment.id, amount_minor=value, currency=payment.currency,
                    reason=reason, provider_refund_id=provider_refund_id, actor=actor, created_at=now)
    session.add(refund)
    await session.flush()
    if status is not OrderStatus.REFUNDED:
        if status is OrderStatus.RETURN_REQUESTED:
            raise RefundNotAllowed(number, "approve or reject the return first")
        await transition(session, order, OrderStatus.REFUNDED, actor, now, reason=reason)
    session.add(events.refunded(order.id, actor, now, refund_id=refund.id, amount=Money(value, payment.currency),
                                reason=reason))
    if value == left:  # fully refunded: its gift-card codes stop counting, its files are no longer offered
        await void_digital_items(session, order.id, actor, now, reason=f"refunded: {reason}" if reason else "refunded")
    await session.flush()
    view = _view(refund)
    notice(uow, order, OrderEventType.REFUNDED)
    await uow.commit()
    return view
