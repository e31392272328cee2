"""Apply a successful payment to its order exactly once.

Three layers make a repeated or concurrent delivery of the same charge harmless: (1) a lookup by the
provider charge id returns the first result; (2) the order moves ``pending_payment -> paid`` with a
conditional UPDATE, so of two concurrent deliveries one waits on the row and then matches nothing; (3)
``payments.provider_charge_id`` is UNIQUE, so even a path that slipped past both cannot insert twice.
A payment that does not match its order is refused and recorded in ``payment_attempts``, never applied.
The order's digital items are issued in the same transaction, so the same charge delivers them once.
An order a gift card pays in part is invoiced for the rest (``total - gift_card``); when that rest is paid, the
card part becomes its own ``payments`` row in the same transaction (``store.giftcards.orders``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from store.digital.service import issue_digital_items
from store.giftcards.orders import capture_card_part
from store.models.orders import Order, OrderEventType, OrderStatus, PaymentMethodKind
from store.models.payments import Payment
from store.money import Money
from store.orders import events
from store.orders.errors import IllegalTransition
from store.orders.service import notice, transition
from store.orders.views import format_order_number
from store.payments.attempts import record_refusal
from store.payments.base import PaymentResult, PaymentStatus
from store.payments.errors import RefusalReason
from store.payments.payload import verify_payload
from store.uow import UnitOfWork

__all__ = ["capture_payment", "existing_result", "order_refusal"]


async def existing_result(uow: UnitOfWork, provider_charge_id: str) -> PaymentResult | None:
    payment = (
        await uow.session.execute(select(Payment).where(Payment.provider_charge_id == provider_charge_id))
    ).scalar_one_or_none()
    if payment is None:
        return None
    return PaymentResult(PaymentStatus.DUPLICATE, payment.order_id, format_order_number(payment.order_id),
                         payment.id, Money(payment.amount_minor, payment.currency))


def order_refusal(order: Order | None, *, method: PaymentMethodKind, amount: int, currency: str,
                  user_id: int, claimed_amount: int, claimed_currency: str) -> RefusalReason | None:
    """Why this order cannot take this payment (None = it can). Pure: no queries."""
    if order is None:
        return RefusalReason.UNKNOWN_ORDER
    if order.user_id != user_id:
        return RefusalReason.WRONG_USER
    if currency != claimed_currency or currency != order.currency:
        return RefusalReason.CURRENCY_MISMATCH
    if amount != claimed_amount or amount != order.total_minor - order.gift_card_minor:
        return RefusalReason.AMOUNT_MISMATCH
    if order.payment_method is None:
        return RefusalReason.DELIVERY_NOT_CHOSEN
    if order.payment_method is not method:
        return RefusalReason.WRONG_METHOD
    if order.status is not OrderStatus.PENDING_PAYMENT:
        return RefusalReason.NOT_PAYABLE
    if not order.stock_held:
        return RefusalReason.STOCK_RELEASED
    return None


async def capture_payment(
    uow: UnitOfWork,
    *,
    secret: bytes,
    method: PaymentMethodKind,
    payload: str,
    total_amount: int,
    currency: str,
    charge_key: str,
    telegram_charge_id: str | None,
    user_id: int,
    now: datetime,
) -> PaymentResult:
    """Record a successful payment (see the module docstring). ``charge_key`` is the unique charge id."""
    if not charge_key:
        raise ValueError("a successful payment needs a charge id")
    first = await existing_result(uow, charge_key)
    if first is not None:
        return first
    session = uow.session
    claims = verify_payload(secret, payload)
    order = None if claims is None else await session.get(Order, claims.order_id)
    reason = RefusalReason.BAD_PAYLOAD if claims is None else order_refusal(
        order, method=method, amount=total_amount, currency=currency, user_id=user_id,
        claimed_amount=claims.amount, claimed_currency=claims.currency)
    if reason is None and order is not None:
        order_id = order.id
        try:
            await transition(session, order, OrderStatus.PAID, events.user_actor(user_id), now,
                             reason=f"{method.value} payment", paid_at=now)
            payment = Payment(order_id=order.id, user_id=user_id, method=method, amount_minor=total_amount,
                              currency=currency, provider_charge_id=charge_key,
                              telegram_charge_id=telegram_charge_id, created_at=now)
            session.add(payment)
            await session.flush()
        except (IllegalTransition, IntegrityError):
            # A concurrent delivery of this charge won (or another charge paid the order first).
            await uow.rollback()
            first = await existing_result(uow, charge_key)
            if first is not None:
                return first
            order = await session.get(Order, order_id, populate_existing=True)
            reason = RefusalReason.NOT_PAYABLE
        else:
            amount = Money(total_amount, currency)
            session.add(events.payment_captured(order.id, events.user_actor(user_id), now, payment_id=payment.id,
                                                amount=amount, method=method.value,
                                                provider_charge_id=charge_key))
            await capture_card_part(session, order, events.user_actor(user_id), now)
            # Digital lines are delivered with the payment, in this transaction: codes issued, e-book files
            # named (store.digital); an all-digital order is then complete.
            await issue_digital_items(session, order, now)
            if order.is_digital:
                await transition(session, order, OrderStatus.DELIVERED, events.SYSTEM, now,
                                 reason="digital delivery")
            await session.flush()
            notice(uow, order, OrderEventType.PAYMENT_CAPTURED)
            await uow.commit()
            return PaymentResult(PaymentStatus.CAPTURED, order.id, format_order_number(order.id), payment.id,
                                 amount)
    assert reason is not None
    if reason is RefusalReason.NOT_PAYABLE:
        # WHY: a concurrent delivery of this same charge may have committed between the check at the top and the
        # order read (PostgreSQL, read committed): the order is PAID by this very charge, a duplicate, not a
        # payment to refund (12 racing deliveries recorded 9 refusals "needing a manual refund").
        first = await existing_result(uow, charge_key)
        if first is not None:
            return first
    await record_refusal(session, stage="successful_payment", reason=reason,
                         order_id=claims.order_id if claims is not None else None,
                         order_exists=order is not None, user_id=user_id, amount=total_amount,
                         currency=currency, provider_charge_id=charge_key, now=now,
                         details={"telegram_charge_id": telegram_charge_id, "method": method.value,
                                  "needs_manual_refund": True})
    await uow.commit()
    return PaymentResult(PaymentStatus.REFUSED, order.id if order is not None else None,
                         format_order_number(order.id) if order is not None else None, None, None, reason)
