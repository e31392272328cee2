"""The payment interface shared by every method, and the neutral data it exchanges with transports.

Nothing here imports Telegram: ``InvoiceSpec`` is what a transport turns into ``sendInvoice``, and the
results are what it turns into ``answerPreCheckoutQuery`` and chat replies.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from store.models.orders import PaymentMethodKind
from store.money import Money
from store.orders.views import OrderView
from store.payments.errors import RefusalReason

__all__ = [
    "PaymentMethod", "LabeledPrice", "InvoiceSpec", "PreCheckoutResult", "PaymentStatus", "PaymentResult",
]


class PaymentMethod(Protocol):
    """One way to pay for an order. ``refusal`` says why it cannot pay this order (None = it can)."""

    @property
    def kind(self) -> PaymentMethodKind: ...

    def refusal(self, order: OrderView) -> str | None: ...


@dataclass(frozen=True)
class LabeledPrice:
    label: str
    amount: int  # minor units; negative for discounts


@dataclass(frozen=True)
class InvoiceSpec:
    title: str
    description: str
    payload: str  # <= 128 bytes, signed (store.payments.payload)
    currency: str
    prices: tuple[LabeledPrice, ...]
    total: Money
    need_shipping_address: bool = False  # the address was taken in chat at checkout
    is_stars: bool = False  # XTR: the transport sends an empty provider token


@dataclass(frozen=True)
class PreCheckoutResult:
    ok: bool
    error_message: str | None = None  # shown by Telegram to the shopper when ok is False
    reason: RefusalReason | None = None


class PaymentStatus(StrEnum):
    CAPTURED = "captured"
    DUPLICATE = "duplicate"  # the same charge delivered again: nothing new was applied
    REFUSED = "refused"


@dataclass(frozen=True)
class PaymentResult:
    status: PaymentStatus
    order_id: int | None
    order_number: str | None
    payment_id: int | None
    amount: Money | None
    reason: RefusalReason | None = None

    @property
    def applied(self) -> bool:
        """True when the order is paid by this charge (first delivery or a repeat of it)."""
        return self.status is not PaymentStatus.REFUSED
