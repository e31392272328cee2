"""Typed order errors; each carries what a reply needs to explain it (in any language)."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["IllegalTransition", "OrderNotEditable"]


@dataclass
class IllegalTransition(StoreError):
    """The order cannot move from its current state to the one asked for (or someone moved it first)."""

    order_number: str
    from_state: str
    to_state: str
    code: ErrorCode = ErrorCode.ILLEGAL_TRANSITION

    def __str__(self) -> str:
        return f"order {self.order_number} cannot go from {self.from_state} to {self.to_state}"


@dataclass
class OrderNotEditable(StoreError):
    """Delivery details can only be chosen while the order waits for payment and has none yet."""

    order_number: str
    status: str
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return f"order {self.order_number} is {self.status}; its delivery can no longer be changed"
