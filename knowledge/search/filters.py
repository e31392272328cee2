"""Search filters: the constraints a shopper states ("red", "under $50", "in stock", "Nike", "mugs").

Filters are hard constraints applied after retrieval; ``relaxations()`` lists the ways to loosen them,
most specific first, for the zero-results path (a colour is given up before a price cap, a price cap
before the category).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from knowledge.search.ages import suits_age
from knowledge.search.audience import fits
from knowledge.search.documents import ProductDoc, VariantDoc

__all__ = ["SearchFilters", "Relaxation", "matches", "PriceNow"]


class Relaxation(StrEnum):
    COLOUR = "colour"
    SIZE = "size"
    IN_STOCK = "in_stock"
    PRICE = "price"
    AGE = "age"
    AUDIENCE = "audience"
    BRAND = "brand"
    CATEGORY = "category"


@dataclass(frozen=True)
class SearchFilters:
    """Prices are integer minor units in ``currency`` (products priced in another currency do not match
    a price filter). ``category`` matches a path prefix ("Home > Kitchen") or any single level ("Mugs"),
    case-insensitively. ``audience`` ("women", "men", "kids") leaves out products marked only for another
    audience; unmarked and unisex products pass (knowledge/search/audience.py). ``brand`` may name several,
    separated by "|" ("Nike|ASICS"): a product of any of them matches. ``age`` (a child's, in years) leaves out
    products whose stated age range excludes it (knowledge/search/ages.py)."""

    category: str | None = None
    min_price_minor: int | None = None
    max_price_minor: int | None = None
    currency: str | None = None
    colour: str | None = None
    size: str | None = None
    brand: str | None = None
    in_stock_only: bool = False
    audience: str | None = None
    age: int | None = None
    # Departments left out ("|" between several), and a merchandising tag every product must have: "a birthday
    # gift for my girlfriend" is the catalogue's gifts ("gift" tag), gift cards aside (knowledge/search/persona.py).
    not_category: str | None = None
    tag: str | None = None

    def __post_init__(self) -> None:
        for name in ("min_price_minor", "max_price_minor"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
        if (self.min_price_minor is not None and self.max_price_minor is not None
                and self.min_price_minor > self.max_price_minor):
            raise ValueError("min price is above max price")

    @property
    def active(self) -> bool:
        return self != SearchFilters(currency=self.currency)

    def relaxations(self) -> list[tuple[Relaxation, SearchFilters]]:
        """Progressively looser filter sets (each step keeps the earlier relaxations)."""
        steps: list[tuple[Relaxation, SearchFilters]] = []
        current = self
        for kind, change in (
            (Relaxation.COLOUR, {"colour": None}),
            (Relaxation.SIZE, {"size": None}),
            (Relaxation.IN_STOCK, {"in_stock_only": False}),
            (Relaxation.PRICE, {"min_price_minor": None, "max_price_minor": None}),
            # After the price: women's shoes over the budget answer "women's shoes under $50" better than
            # men's shoes under it.
            (Relaxation.AGE, {"age": None}),  # a toy for an older child before an adult's product
            (Relaxation.AUDIENCE, {"audience": None}),
            (Relaxation.BRAND, {"brand": None}),
            (Relaxation.CATEGORY, {"category": None}),
        ):
            loosened = replace(current, **change)
            if loosened != current:
                steps.append((kind, loosened))
                current = loosened
        return steps


def _category_matches(path: str | None, wanted: str) -> bool:
    if not path:
        return False
    path_l = path.lower()
    wanted_l = " > ".join(p.strip() for p in wanted.lower().split(">"))
    if path_l == wanted_l or path_l.startswith(wanted_l + " > "):
        return True
    return wanted_l in (level.strip() for level in path_l.split(">"))


# The price a shopper would pay now for a variant (a running flash sale's, knowledge/search/sale_prices.py).
PriceNow = Callable[[VariantDoc], int]


def _list_price(variant: VariantDoc) -> int:
    return variant.price_minor


def _price_matches(doc: ProductDoc, f: SearchFilters, price_now: PriceNow) -> bool:
    for variant in doc.active_variants:
        if f.currency is not None and variant.currency != f.currency:
            continue
        price = price_now(variant)
        if f.min_price_minor is not None and price < f.min_price_minor:
            continue
        if f.max_price_minor is not None and price > f.max_price_minor:
            continue
        if f.in_stock_only and variant.stock <= 0:
            continue
        return True
    return False


def matches(doc: ProductDoc, f: SearchFilters, price_now: PriceNow | None = None) -> bool:
    """Whether a product satisfies every filter (some single active variant must satisfy price+stock).

    A price range is checked against ``price_now`` -- the price the shopper would pay now, a running flash
    sale's where there is one -- and against the list price when it is not given."""
    if not doc.is_active or not doc.active_variants:
        return False
    if f.category and not _category_matches(doc.category_path, f.category):
        return False
    if f.not_category and any(_category_matches(doc.category_path, c) for c in f.not_category.split("|")):
        return False
    if f.tag and f.tag not in doc.tags:
        return False
    if f.brand and (doc.brand or "").strip().lower() not in {b.strip().lower() for b in f.brand.split("|")}:
        return False  # "Nike|ASICS": either ("anything from nike or asics")
    if f.colour and f.colour.strip().lower() not in doc.colours:
        return False
    if f.size and f.size.strip().lower() not in doc.sizes:
        return False
    if f.audience and not fits(doc, f.audience):
        return False
    if f.age is not None and not suits_age(doc, f.age):
        return False
    if f.min_price_minor is not None or f.max_price_minor is not None or f.in_stock_only:
        return _price_matches(doc, f, price_now or _list_price)
    return True
