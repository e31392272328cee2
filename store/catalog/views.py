"""Read models the rest of the bot sees: frozen dataclasses, never ORM objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from store.money import Money

__all__ = ["VariantView", "ProductView", "CategoryView"]


@dataclass(frozen=True)
class VariantView:
    id: int
    sku: str
    price: Money
    stock: int
    attributes: Mapping[str, Any]
    is_active: bool
    product_id: int
    product_external_id: str
    product_title: str
    image_url: str | None
    is_digital: bool
    product_title_zh: str | None = None  # for a cart line shown in Chinese, without reading the product again

    @property
    def in_stock(self) -> bool:
        return self.is_active and self.stock > 0

    def label(self) -> str:
        """Variant attributes as a short text, e.g. "color: Red, size: M"."""
        return ", ".join(f"{k}: {v}" for k, v in self.attributes.items())


@dataclass(frozen=True)
class ProductView:
    id: int
    external_id: str
    title: str
    title_zh: str | None
    description: str
    brand: str | None
    category_path: str | None
    attributes: Mapping[str, Any]
    image_url: str | None
    rating_tenths: int | None
    sales_count: int
    is_digital: bool
    is_active: bool
    variants: tuple[VariantView, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """The path split into names, root first: ("Home", "Kitchen", "Mugs")."""
        return tuple(self.category_path.split(" > ")) if self.category_path else ()

    @property
    def rating(self) -> Decimal | None:
        return None if self.rating_tenths is None else Decimal(self.rating_tenths) / 10

    @property
    def min_price(self) -> Money | None:
        prices = [v.price for v in self.variants if v.is_active]
        return min(prices, key=lambda m: m.amount) if prices else None

    @property
    def total_stock(self) -> int:
        return sum(v.stock for v in self.variants if v.is_active)


@dataclass(frozen=True)
class CategoryView:
    id: int
    name: str
    path: str
    parent_id: int | None
    name_zh: str | None
    product_count: int
