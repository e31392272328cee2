"""Result orders: relevance (default), best sellers, price up/down, rating, and personal.

Non-relevance orders re-sort only the *relevant* candidates (those the fusion kept), never the whole
catalog: "cheapest first" for "red mug" must list cheap red mugs, not the cheapest product in the shop.

``personal`` multiplies the relevance score by a boost for the categories and brands in the shopper's
history (weights from the dialogue's ``ShopperProfile``). A new shopper has an empty profile, every boost
is 1.0 and the order equals relevance -- neutral by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from knowledge.search.documents import ProductDoc

__all__ = ["SortOrder", "ShopperProfile", "sort_candidates", "PERSONAL_MAX_BOOST"]

# A shopper's strongest affinity lifts a result's relevance by at most 50 %: enough to reorder near ties,
# not enough to push an irrelevant favourite-brand item above a clearly better match.
PERSONAL_MAX_BOOST = 0.5

T = TypeVar("T")
# The price of a product a price order uses (minor units; None = unpriced).
PriceOf = Callable[[ProductDoc], "int | None"]


class SortOrder(StrEnum):
    RELEVANCE = "relevance"
    SALES = "sales"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    RATING = "rating"
    PERSONAL = "personal"


@dataclass(frozen=True)
class ShopperProfile:
    """What the dialogue knows about a shopper's taste: weights >= 0 (e.g. counts of purchases/views)
    per category path and per brand. Categories match by path prefix, so "Home" covers "Home > Kitchen"."""

    category_weights: Mapping[str, float] = field(default_factory=dict)
    brand_weights: Mapping[str, float] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(w > 0 for w in self.category_weights.values()) and not any(
            w > 0 for w in self.brand_weights.values())

    def boost(self, doc: ProductDoc) -> float:
        """1.0 (neutral) up to 1 + PERSONAL_MAX_BOOST, relative to the shopper's strongest affinity."""
        if self.is_empty:
            return 1.0
        top = max([*self.category_weights.values(), *self.brand_weights.values(), 0.0])
        cat = 0.0
        path = (doc.category_path or "").lower()
        for key, weight in self.category_weights.items():
            k = key.lower()
            if path == k or path.startswith(k + " > "):
                cat = max(cat, weight)
        brand = 0.0
        if doc.brand:
            b = doc.brand.lower()
            brand = max((w for k, w in self.brand_weights.items() if k.lower() == b), default=0.0)
        affinity = min(1.0, (cat + brand) / top) if top > 0 else 0.0
        return 1.0 + PERSONAL_MAX_BOOST * affinity


def _list_price(doc: ProductDoc) -> int | None:
    cheapest = doc.cheapest
    return cheapest.price_minor if cheapest is not None else None


def _price_key(doc: ProductDoc, sign: int, price_of: PriceOf) -> tuple[bool, int]:
    """Unpriced products (no active variant) sort last in both directions."""
    price = price_of(doc)
    return (price is None, sign * price if price is not None else 0)


def _ordered(items: list[tuple[ProductDoc, float]], order: SortOrder, profile: ShopperProfile | None,
             price_of: PriceOf) -> list[tuple[ProductDoc, float]]:
    if order is SortOrder.RELEVANCE:
        return items
    if order is SortOrder.SALES:
        return sorted(items, key=lambda c: -c[0].sales_count)
    if order is SortOrder.PRICE_ASC:
        return sorted(items, key=lambda c: _price_key(c[0], 1, price_of))
    if order is SortOrder.PRICE_DESC:
        return sorted(items, key=lambda c: _price_key(c[0], -1, price_of))
    if order is SortOrder.RATING:
        return sorted(items, key=lambda c: -(c[0].rating_tenths or -1))
    boosted = [(doc, score * (profile.boost(doc) if profile else 1.0)) for doc, score in items]
    return sorted(boosted, key=lambda c: -c[1])


def sort_candidates(candidates: Sequence[tuple[ProductDoc, float]], order: SortOrder,
                    profile: ShopperProfile | None = None,
                    misses: Mapping[int, float] | None = None,
                    price_of: PriceOf | None = None) -> list[tuple[ProductDoc, float]]:
    """Re-order (doc, relevance) pairs; ties keep relevance order (sorts are stable).

    ``misses`` (product id -> how many stated preferences it misses, knowledge/search/preferences.py)
    groups the products first: "cheapest red dress" lists the red dresses cheapest first, then the
    close shades, then the other dresses. ``price_of`` is the price a price order uses (the price the
    shopper would pay now, knowledge/search/sale_prices.py); the cheapest variant's list price by default."""
    items = _ordered(list(candidates), order, profile, price_of or _list_price)
    if misses:
        items.sort(key=lambda c: misses.get(c[0].product_id, 0.0))
    return items
