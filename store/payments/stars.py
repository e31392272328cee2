"""Telegram Stars (XTR) for digital goods.

Same flow as card payments, with two differences: the currency is XTR (whole stars) and there is no
payment provider, so Telegram's ``telegram_payment_charge_id`` is the unique charge id (the provider id is
empty for Stars). ``refund_stars`` records a refund after the transport called ``refundStarPayment`` with
that charge id; Stars refunds are always the full amount.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from store.errors import NotFound
from store.models.orders import Order, PaymentMethodKind
from store.models.payments import Payment
from store.orders.views import OrderView
from store.payments.base import InvoiceSpec, PaymentResult
from store.payments.capture import capture_payment
from store.payments.refunds import RefundView, apply_refund
from store.payments.telegram import TelegramPayments
from store.uow import UnitOfWork

__all__ = ["StarsPayments", "refund_stars"]


class StarsPayments(TelegramPayments):
    method = PaymentMethodKind.STARS

    def refusal(self, order: OrderView) -> str | None:
        if order.currency != "XTR":
            return "Stars pay only for orders priced in XTR"
        return super().refusal(order)

    def build_invoice(self, order: OrderView) -> InvoiceSpec:
        spec = super().build_invoice(order)
        assert spec.is_stars and not spec.need_shipping_address
        return spec

    async def record_successful_payment(self, uow: UnitOfWork, payload: str, total_amount: int, currency: str,
                                        provider_charge_id: str, telegram_charge_id: str | None, user_id: int,
                                        *, now: datetime) -> PaymentResult:
        key = provider_charge_id or telegram_charge_id or ""
        return await capture_payment(uow, secret=self._secret, method=self.method, payload=payload,
                                     total_amount=total_amount, currency=currency, charge_key=key,
                                     telegram_charge_id=telegram_charge_id, user_id=user_id, now=now)


async def refund_stars(uow: UnitOfWork, telegram_charge_id: str, *, actor: str, reason: str,
                       now: datetime) -> RefundView:
    """Record the full refund of a Stars payment (idempotent on the charge id)."""
    payment = (
        await uow.session.execute(
            select(Payment).where(Payment.method == PaymentMethodKind.STARS,
                                  (Payment.telegram_charge_id == telegram_charge_id)
                                  | (Payment.provider_charge_id == telegram_charge_id))
        )
    ).scalar_one_or_none()
    if payment is None:
        raise NotFound("stars payment", telegram_charge_id)
    order = await uow.session.get(Order, payment.order_id)
    assert order is not None
    return await apply_refund(uow, order, amount=None, actor=actor, reason=reason, now=now,
                              provider_refund_id=f"stars:{telegram_charge_id}")
