"""Typed checkout errors (stock shortages are ``store.errors.InsufficientStock``)."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["CartEmpty", "PaymentMethodNotAllowed", "FlashSaleUnavailable"]


@dataclass
class CartEmpty(StoreError):
    user_id: int
    code: ErrorCode = ErrorCode.CART_EMPTY

    def __str__(self) -> str:
        return "the cart is empty"


@dataclass
class PaymentMethodNotAllowed(StoreError):
    """``method`` cannot pay for the order; for cash on delivery abroad, ``country`` is the delivery country
    and ``home`` the shop's home country (``ShippingZones.collects_cash``), so the dialogue can say where cash
    is taken."""

    method: str
    reason: str
    country: str = ""
    home: str = ""
    code: ErrorCode = ErrorCode.PAYMENT_METHOD_NOT_ALLOWED

    def __str__(self) -> str:
        return f"{self.method} cannot pay for this order: {self.reason}"


@dataclass
class FlashSaleUnavailable(StoreError):
    """A cart line priced at a flash-sale price whose units ran out (or the shopper's limit) at checkout."""

    flash_sale_id: int
    sku: str
    reason: str  # a store.stock.ClaimRefusal value
    code: ErrorCode = ErrorCode.FLASH_SALE_UNAVAILABLE

    def __str__(self) -> str:
        return f"flash sale {self.flash_sale_id} for {self.sku}: {self.reason}"
