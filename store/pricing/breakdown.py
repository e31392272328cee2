"""The priced result checkout and the cart show: lines, every adjustment with its reason, and hints.

Each adjustment and hint carries its reason as data (``store.pricing.reasons``): a typed code and typed
parameters the dialogue words in the shopper's language. ``explanation`` is the same reason in English for
logs and exports; nothing parses it.

Invariant (tested with hypothesis): ``total == subtotal + sum(adjustments) + shipping`` and ``total >= 0``.
``subtotal`` is at list prices, so every saving (flash sales included) appears as an explained adjustment.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.money import Money
from store.pricing.reasons import AdjustmentKind, AdjustmentReason, PriceHint

__all__ = ["PricedLine", "Adjustment", "PriceBreakdown"]


@dataclass(frozen=True)
class PricedLine:
    """``quantity`` units of one variant at ``unit_price``; a variant with some units at a flash-sale price and
    the rest at list price appears as two lines (the flash one has ``flash_sale_id``)."""

    variant_id: int
    sku: str
    title: str
    quantity: int
    unit_price: Money
    list_unit_price: Money
    line_total: Money
    flash_sale_id: int | None


@dataclass(frozen=True)
class Adjustment:
    kind: AdjustmentKind
    label: str  # the shop's own name for it (sale title, offer name, "Coupon CODE"), as recorded
    amount: Money  # negative = discount
    explanation: str  # ``reason`` in English (logs, exports); never parsed
    reference: str | None  # coupon code, offer id or flash sale id
    # None only for an adjustment read back from an order stored before reasons were recorded.
    reason: AdjustmentReason | None = None


@dataclass(frozen=True)
class PriceBreakdown:
    currency: str
    lines: tuple[PricedLine, ...]
    subtotal: Money
    adjustments: tuple[Adjustment, ...]
    shipping: Money
    total: Money
    hints: tuple[PriceHint, ...]

    @property
    def discount(self) -> Money:
        """All discounts together, as a positive amount."""
        return Money(-sum(a.amount.amount for a in self.adjustments if a.amount.amount < 0), self.currency)

    def adjustment(self, kind: AdjustmentKind | str) -> Adjustment | None:
        return next((a for a in self.adjustments if a.kind == kind), None)
