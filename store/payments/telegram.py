"""Telegram Payments (card payments through a provider) for physical goods, in the order's currency.

The flow: ``build_invoice`` -> the transport sends it -> Telegram asks ``validate_pre_checkout`` (we must
answer within 10 seconds, so it is a signature check plus one primary-key read, no locks, and writes only
when refusing) -> Telegram charges -> ``record_successful_payment`` applies it once (``capture``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from store.models.orders import Order, OrderStatus, PaymentMethodKind
from store.orders.clock import as_utc
from store.orders.views import OrderView
from store.payments.attempts import record_refusal
from store.payments.base import InvoiceSpec, LabeledPrice, PaymentResult, PreCheckoutResult
from store.payments.capture import capture_payment, order_refusal
from store.payments.errors import PaymentRefused, RefusalReason
from store.payments.payload import sign_payload, verify_payload
from store.uow import UnitOfWork

__all__ = ["TelegramPayments", "REFUSAL_MESSAGES", "invoice_prices"]

REFUSAL_MESSAGES: dict[RefusalReason, str] = {
    RefusalReason.BAD_PAYLOAD: "This invoice is not valid. Please ask for a new one.",
    RefusalReason.UNKNOWN_ORDER: "We could not find this order.",
    RefusalReason.WRONG_USER: "This invoice belongs to another customer.",
    RefusalReason.AMOUNT_MISMATCH: "The amount changed. Please ask for a new invoice.",
    RefusalReason.CURRENCY_MISMATCH: "The currency changed. Please ask for a new invoice.",
    RefusalReason.WRONG_METHOD: "This order is paid another way.",
    RefusalReason.NOT_PAYABLE: "This order can no longer be paid (it was paid or cancelled).",
    RefusalReason.EXPIRED: "This order expired and its items were released. Please order again.",
    RefusalReason.STOCK_RELEASED: "The items of this order are no longer reserved. Please order again.",
    RefusalReason.DELIVERY_NOT_CHOSEN: "Please choose delivery for this order first.",
}


def invoice_prices(order: OrderView) -> tuple[LabeledPrice, ...]:
    """Lines, discount, shipping and the gift card part as Telegram shows them; they sum exactly to what is
    left to pay (the total less the gift card)."""
    prices = [LabeledPrice(f"{line.title} x{line.quantity}"[:64], line.line_total.amount) for line in order.lines]
    lines_total = sum(p.amount for p in prices)
    discount = order.total.amount - order.shipping.amount - lines_total
    if discount:
        prices.append(LabeledPrice("Discount", discount))
    if order.shipping.amount:
        prices.append(LabeledPrice(f"Shipping ({order.shipping_option})", order.shipping.amount))
    if order.gift_card is not None:
        prices.append(LabeledPrice(f"Gift card {order.gift_card.masked}", -order.gift_card.amount.amount))
    return tuple(prices)


class TelegramPayments:
    """Card payments via Telegram for physical goods. ``secret`` signs invoice payloads."""

    method = PaymentMethodKind.TELEGRAM

    def __init__(self, secret: bytes) -> None:
        if not secret:
            raise ValueError("TelegramPayments needs a payload secret")
        self._secret = secret

    @property
    def kind(self) -> PaymentMethodKind:
        return self.method

    def refusal(self, order: OrderView) -> str | None:
        if order.payment_method is not self.method:
            return f"the order is paid by {order.payment_method}"
        if order.status is not OrderStatus.PENDING_PAYMENT:
            return f"the order is {order.status.value}"
        return None

    def build_invoice(self, order: OrderView) -> InvoiceSpec:
        why = self.refusal(order)
        if why is not None:
            raise PaymentRefused(RefusalReason.NOT_PAYABLE, order.number, why)
        items = ", ".join(f"{line.title} x{line.quantity}" for line in order.lines)
        return InvoiceSpec(
            title=f"Order {order.number}"[:32],
            description=items[:255] or f"Order {order.number}",
            payload=sign_payload(self._secret, order.id, order.amount_due.amount, order.currency),
            currency=order.currency,
            prices=invoice_prices(order),
            total=order.amount_due,
            need_shipping_address=False,
            is_stars=order.currency == "XTR",
        )

    async def validate_pre_checkout(self, uow: UnitOfWork, payload: str, total_amount: int, currency: str,
                                    user_id: int, *, now: datetime) -> PreCheckoutResult:
        """Answer a pre-checkout query: signature, amount, currency, user, state, expiry, stock held."""
        claims = verify_payload(self._secret, payload)
        order: Order | None = None
        if claims is None:
            reason: RefusalReason | None = RefusalReason.BAD_PAYLOAD
        else:
            order = (
                await uow.session.execute(select(Order).where(Order.id == claims.order_id))
            ).scalar_one_or_none()
            reason = order_refusal(order, method=self.method, amount=total_amount, currency=currency,
                                   user_id=user_id, claimed_amount=claims.amount,
                                   claimed_currency=claims.currency)
            if reason is None and order is not None and order.expires_at is not None and (
                as_utc(order.expires_at) <= as_utc(now)
            ):
                reason = RefusalReason.EXPIRED
        if reason is None:
            await uow.rollback()  # read-only: end the transaction at once
            return PreCheckoutResult(True)
        await record_refusal(uow.session, stage="pre_checkout", reason=reason,
                             order_id=claims.order_id if claims else None, order_exists=order is not None,
                             user_id=user_id, amount=total_amount, currency=currency, provider_charge_id=None,
                             now=now)
        await uow.commit()
        return PreCheckoutResult(False, REFUSAL_MESSAGES[reason], reason)

    async def record_successful_payment(self, uow: UnitOfWork, payload: str, total_amount: int, currency: str,
                                        provider_charge_id: str, telegram_charge_id: str | None, user_id: int,
                                        *, now: datetime) -> PaymentResult:
        """Apply the payment once; a repeat (same provider charge id) returns the first result."""
        return await capture_payment(uow, secret=self._secret, method=self.method, payload=payload,
                                     total_amount=total_amount, currency=currency,
                                     charge_key=provider_charge_id, telegram_charge_id=telegram_charge_id,
                                     user_id=user_id, now=now)
