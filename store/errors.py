"""Typed store errors: each carries the data a reply needs, so the dialogue can explain it in any language."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["StoreError", "ErrorCode", "NotFound", "ValidationFailed", "DatabaseNotMigrated"]


class ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    VALIDATION = "validation"
    INSUFFICIENT_STOCK = "insufficient_stock"
    ILLEGAL_TRANSITION = "illegal_transition"
    COUPON_INVALID = "coupon_invalid"
    PAYMENT_MISMATCH = "payment_mismatch"
    CART_EMPTY = "cart_empty"
    NOT_MIGRATED = "not_migrated"


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
        where = self.current or "an empty database"
        return (
            f"The database is at {where}, but this shopbot needs migration {self.head}. "
            "Run `shopbot db upgrade` first."
        )
