"""Typed store errors: each carries the data a reply needs, so the dialogue can explain it in any language."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "StoreError", "ErrorCode", "NotFound", "ValidationFailed", "DatabaseNotMigrated", "InsufficientStock",
    "CartQuantityInvalid", "CartCurrencyMismatch",
]


class ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    VALIDATION = "validation"
    INSUFFICIENT_STOCK = "insufficient_stock"
    ILLEGAL_TRANSITION = "illegal_transition"
    COUPON_INVALID = "coupon_invalid"
    PAYMENT_MISMATCH = "payment_mismatch"
    CART_EMPTY = "cart_empty"
    NOT_MIGRATED = "not_migrated"
    FLASH_SALE_UNAVAILABLE = "flash_sale_unavailable"
    PAYMENT_METHOD_NOT_ALLOWED = "payment_method_not_allowed"
    SHIPPING_NOT_SERVED = "shipping_not_served"


class StoreError(Exception):
    code: ErrorCode = ErrorCode.VALIDATION


@dataclass
class NotFound(StoreError):
    kind: str
    key: str
    code: ErrorCode = ErrorCode.NOT_FOUND

    def __str__(self) -> str:
        return f"{self.kind} {self.key!r} not found"


@dataclass
class ValidationFailed(StoreError):
    message: str
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return self.message


@dataclass
class DatabaseNotMigrated(StoreError):
    current: str | None
    head: str
    code: ErrorCode = ErrorCode.NOT_MIGRATED

    def __str__(self) -> str:
        where = f"is at migration {self.current}" if self.current else "has not been migrated (no shopbot tables)"
        return (
            f"The database {where}, but this shopbot needs migration {self.head}. "
            "Run `shopbot db upgrade` first."
        )


@dataclass
class InsufficientStock(StoreError):
    """Raised by ``store.stock`` when a line cannot be reserved; nothing else in that transaction is kept."""

    sku: str
    requested: int
    available: int
    code: ErrorCode = ErrorCode.INSUFFICIENT_STOCK

    def __str__(self) -> str:
        return f"only {self.available} left of {self.sku} (asked for {self.requested})"


@dataclass
class PendingQuestionClosed(StoreError):
    """A community/staff answer arrived for a question that was already answered or dismissed."""

    pending_id: int
    status: str
    code: ErrorCode = ErrorCode.ILLEGAL_TRANSITION

    def __str__(self) -> str:
        return f"pending question {self.pending_id} is already {self.status}"


@dataclass
class CartQuantityInvalid(StoreError):
    """A cart quantity outside 1..maximum (0 is allowed only by set_quantity, where it removes the line)."""

    sku: str
    quantity: int
    maximum: int
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return f"quantity for {self.sku} must be from 1 to {self.maximum}, got {self.quantity}"


@dataclass
class CartCurrencyMismatch(StoreError):
    """One cart (and one payment) holds one currency: Stars-priced digital goods cannot mix with USD goods."""

    sku: str
    cart_currency: str
    item_currency: str
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return (f"{self.sku} is priced in {self.item_currency} but your cart is in {self.cart_currency}; "
                "check out or clear the cart first")
