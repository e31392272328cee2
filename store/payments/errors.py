"""Typed payment errors and the reasons a payment is refused (each reason has its own reply)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from store.errors import ErrorCode, StoreError

__all__ = ["RefusalReason", "PaymentRefused", "RefundNotAllowed"]


class RefusalReason(StrEnum):
    BAD_PAYLOAD = "bad_payload"  # not ours, or the signature does not match
    UNKNOWN_ORDER = "unknown_order"
    WRONG_USER = "wrong_user"
    AMOUNT_MISMATCH = "amount_mismatch"
    CURRENCY_MISMATCH = "currency_mismatch"
    WRONG_METHOD = "wrong_method"
    NOT_PAYABLE = "not_payable"  # cancelled, already paid, shipped...
    EXPIRED = "expired"
    STOCK_RELEASED = "stock_released"
    DELIVERY_NOT_CHOSEN = "delivery_not_chosen"


@dataclass
class PaymentRefused(StoreError):
    reason: RefusalReason
    order_number: str | None
    detail: str = ""
    code: ErrorCode = ErrorCode.PAYMENT_MISMATCH

    def __str__(self) -> str:
        where = f" for order {self.order_number}" if self.order_number else ""
        return f"payment refused{where}: {self.reason.value}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class RefundNotAllowed(StoreError):
    order_number: str
    reason: str
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return f"cannot refund order {self.order_number}: {self.reason}"
