"""Typed shipping errors."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["NotShipped", "UnknownCarrier"]


@dataclass
class NotShipped(StoreError):
    order_number: str
    code: ErrorCode = ErrorCode.NOT_FOUND

    def __str__(self) -> str:
        return f"order {self.order_number} has not been shipped"


@dataclass
class UnknownCarrier(StoreError):
    name: str
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return f"no carrier called {self.name!r} is configured"
