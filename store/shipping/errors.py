"""Typed shipping errors."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["NotShipped", "UnknownCarrier", "ShippingNotServed"]


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


@dataclass
class ShippingNotServed(StoreError):
    """The shipping option chosen cannot deliver to the order's address (``store.shipping.zones``)."""

    option: str
    country: str  # "" when the order has no address
    code: ErrorCode = ErrorCode.SHIPPING_NOT_SERVED

    def __str__(self) -> str:
        where = f"addresses in {self.country}" if self.country else "orders without an address"
        return f"{self.option} shipping does not serve {where}"
