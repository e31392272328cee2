"""Pricing: flash-sale prices, full-reduction offers and coupons stacked by one documented rule.

The rule itself is in ``rules.py`` (pure, property-tested) and docs/pricing.md; ``engine.py`` is the entry
point for the cart and checkout; ``admin.py`` creates promotions.
"""

from __future__ import annotations

from store.pricing.breakdown import Adjustment, PriceBreakdown, PricedLine
from store.pricing.engine import apply_coupon, price_cart, price_lines, record_coupon_use, remove_coupon

__all__ = [
    "Adjustment", "PricedLine", "PriceBreakdown", "apply_coupon", "price_cart", "price_lines",
    "record_coupon_use", "remove_coupon",
]
