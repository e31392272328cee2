"""Order history: one constructor per event kind, each returning a new ``OrderEvent`` row to add.

Rows are only ever inserted (append-only), so the timeline a shopper or staff member sees is exactly what
happened, in order. ``OrderChanged`` is different: it is the after-commit notice (``uow.emit``) that tells
the dialogue layer to message someone; it carries ids, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from store.models.orders import OrderEvent, OrderEventType, OrderStatus
from store.money import Money

__all__ = [
    "SYSTEM", "user_actor", "staff_actor", "OrderChanged",
    "placed", "claimed", "delivery_chosen", "stock_reserved", "stock_released", "coupon_used",
    "payment_captured", "payment_refused", "status_changed", "expired", "cancelled", "shipped",
    "tracking_updated", "return_requested", "return_approved", "return_rejected", "restocked", "refunded",
    "digital_delivered", "digital_voided", "gift_card_spent", "gift_card_returned", "note",
]

SYSTEM = "system"


def user_actor(user_id: int) -> str:
    return f"user:{user_id}"


def staff_actor(staff_id: int) -> str:
    return f"staff:{staff_id}"


@dataclass(frozen=True)
class OrderChanged:
    """Published after commit: something happened to an order that someone may need to hear about."""

    order_id: int
    number: str
    user_id: int
    kind: OrderEventType
    status: OrderStatus


def _money(m: Money) -> dict[str, Any]:
    return {"amount": m.amount, "currency": m.currency}


def _event(order_id: int, kind: OrderEventType, actor: str, now: datetime, **params: Any) -> OrderEvent:
    return OrderEvent(order_id=order_id, type=kind, actor=actor, created_at=now, params=params)


def placed(order_id: int, actor: str, now: datetime, *, total: Money, lines: int,
           coupon: str | None) -> OrderEvent:
    return _event(order_id, OrderEventType.PLACED, actor, now, total=_money(total), lines=lines, coupon=coupon)


def claimed(order_id: int, actor: str, now: datetime, *, flash_sale_id: int, quantity: int) -> OrderEvent:
    return _event(order_id, OrderEventType.CLAIMED, actor, now, flash_sale_id=flash_sale_id, quantity=quantity)


def delivery_chosen(order_id: int, actor: str, now: datetime, *, shipping_option: str,
                    payment_method: str, shipping: Money) -> OrderEvent:
    return _event(order_id, OrderEventType.DELIVERY_CHOSEN, actor, now, shipping_option=shipping_option,
                  payment_method=payment_method, shipping=_money(shipping))


def stock_reserved(order_id: int, now: datetime, *, items: Sequence[tuple[str, int]]) -> OrderEvent:
    return _event(order_id, OrderEventType.STOCK_RESERVED, SYSTEM, now, items=[list(i) for i in items])


def stock_released(order_id: int, actor: str, now: datetime, *, items: Sequence[tuple[str, int]],
                   reason: str) -> OrderEvent:
    return _event(order_id, OrderEventType.STOCK_RELEASED, actor, now, items=[list(i) for i in items],
                  reason=reason)


def coupon_used(order_id: int, actor: str, now: datetime, *, code: str) -> OrderEvent:
    return _event(order_id, OrderEventType.COUPON_USED, actor, now, code=code)


def payment_captured(order_id: int, actor: str, now: datetime, *, payment_id: int, amount: Money,
                     method: str, provider_charge_id: str) -> OrderEvent:
    return _event(order_id, OrderEventType.PAYMENT_CAPTURED, actor, now, payment_id=payment_id,
                  amount=_money(amount), method=method, provider_charge_id=provider_charge_id)


def payment_refused(order_id: int, actor: str, now: datetime, *, stage: str, reason: str) -> OrderEvent:
    return _event(order_id, OrderEventType.PAYMENT_REFUSED, actor, now, stage=stage, reason=reason)


def status_changed(order_id: int, actor: str, now: datetime, *, from_status: OrderStatus,
                   to_status: OrderStatus, reason: str = "") -> OrderEvent:
    return _event(order_id, OrderEventType.STATUS_CHANGED, actor, now, from_status=from_status.value,
                  to_status=to_status.value, reason=reason)


def expired(order_id: int, now: datetime, *, minutes: int | None) -> OrderEvent:
    return _event(order_id, OrderEventType.EXPIRED, SYSTEM, now, after_minutes=minutes)


def cancelled(order_id: int, actor: str, now: datetime, *, reason: str) -> OrderEvent:
    return _event(order_id, OrderEventType.CANCELLED, actor, now, reason=reason)


def shipped(order_id: int, actor: str, now: datetime, *, carrier: str, tracking_number: str) -> OrderEvent:
    return _event(order_id, OrderEventType.SHIPPED, actor, now, carrier=carrier, tracking_number=tracking_number)


def tracking_updated(order_id: int, actor: str, now: datetime, *, status: str, description: str) -> OrderEvent:
    return _event(order_id, OrderEventType.TRACKING_UPDATED, actor, now, status=status, description=description)


def return_requested(order_id: int, actor: str, now: datetime, *, return_id: int, reason: str,
                     photos: int) -> OrderEvent:
    return _event(order_id, OrderEventType.RETURN_REQUESTED, actor, now, return_id=return_id, reason=reason,
                  photos=photos)


def return_approved(order_id: int, actor: str, now: datetime, *, return_id: int, note: str) -> OrderEvent:
    return _event(order_id, OrderEventType.RETURN_APPROVED, actor, now, return_id=return_id, note=note)


def return_rejected(order_id: int, actor: str, now: datetime, *, return_id: int, note: str) -> OrderEvent:
    return _event(order_id, OrderEventType.RETURN_REJECTED, actor, now, return_id=return_id, note=note)


def restocked(order_id: int, actor: str, now: datetime, *, items: Sequence[tuple[str, int]]) -> OrderEvent:
    return _event(order_id, OrderEventType.RESTOCKED, actor, now, items=[list(i) for i in items])


def refunded(order_id: int, actor: str, now: datetime, *, refund_id: int, amount: Money,
             reason: str) -> OrderEvent:
    return _event(order_id, OrderEventType.REFUNDED, actor, now, refund_id=refund_id, amount=_money(amount),
                  reason=reason)


def digital_delivered(order_id: int, now: datetime, *, items: Sequence[tuple[str, str]]) -> OrderEvent:
    """``items``: (sku, kind) per unit issued (codes themselves stay out of the history)."""
    return _event(order_id, OrderEventType.DIGITAL_DELIVERED, SYSTEM, now, items=[list(i) for i in items])


def digital_voided(order_id: int, actor: str, now: datetime, *, count: int, reason: str) -> OrderEvent:
    return _event(order_id, OrderEventType.DIGITAL_VOIDED, actor, now, count=count, reason=reason)


def gift_card_spent(order_id: int, actor: str, now: datetime, *, card: str, amount: Money,
                    balance_after: Money) -> OrderEvent:
    """``card`` is the masked code ("GC-…-USV9"): the full code is a bearer secret and stays out of history."""
    return _event(order_id, OrderEventType.GIFT_CARD_SPENT, actor, now, card=card, amount=_money(amount),
                  balance_after=_money(balance_after))


def gift_card_returned(order_id: int, actor: str, now: datetime, *, card: str, amount: Money,
                       balance_after: Money, reason: str) -> OrderEvent:
    return _event(order_id, OrderEventType.GIFT_CARD_RETURNED, actor, now, card=card, amount=_money(amount),
                  balance_after=_money(balance_after), reason=reason)


def note(order_id: int, actor: str, now: datetime, *, text: str) -> OrderEvent:
    return _event(order_id, OrderEventType.NOTE, actor, now, text=text)
