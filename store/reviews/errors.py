"""Typed review errors."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["NotABuyer"]


@dataclass
class NotABuyer(StoreError):
    """Only shoppers who received the product may review it (no paid-for or competitor reviews)."""

    product_id: int
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return "only shoppers who received this product can review it"
