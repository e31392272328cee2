"""The price a shopper would pay *now*: a running flash sale's price instead of the list price.

WHY: "noise cancelling headphones under 100" must find the headphones on a flash sale at $79.99 (list
$129.99). The index's documents hold list prices (``VariantDoc.price_minor``, re-read on product events),
but a flash sale starts and ends by the clock, with no product event, and sells out through claims. So the
sales are kept beside the documents as time windows and evaluated at search time: a sale that starts or
ends between two refreshes is right to the second, and ``ProductSearch`` re-reads the windows every
``REFRESH_SECONDS`` (a sold-out or newly created sale is seen within that time).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.models import SearchHit

__all__ = ["SaleWindow", "SalePrices", "REFRESH_SECONDS", "to_hit"]

# How old the sale windows may get before a search re-reads them from the store.
REFRESH_SECONDS = 30.0


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SaleWindow:
    """A flash-sale price for one SKU between ``starts_at`` (inclusive) and ``ends_at`` (exclusive)."""

    sku: str
    price_minor: int
    currency: str
    starts_at: datetime
    ends_at: datetime

    def running(self, now: datetime) -> bool:
        return _aware(self.starts_at) <= now < _aware(self.ends_at)


class SalePrices:
    """Flash-sale windows by SKU; ``price_now`` is the lowest of the list price and the running sales."""

    def __init__(self, windows: Iterable[SaleWindow] = ()) -> None:
        self._by_sku: dict[str, list[SaleWindow]] = {}
        for window in windows:
            self._by_sku.setdefault(window.sku.lower(), []).append(window)

    def __bool__(self) -> bool:
        return bool(self._by_sku)

    def price_now(self, variant: VariantDoc, now: datetime | None = None) -> int:
        windows = self._by_sku.get(variant.sku.lower())
        if not windows:
            return variant.price_minor
        moment = _aware(now) if now is not None else datetime.now(UTC)
        prices = [w.price_minor for w in windows if w.currency == variant.currency and w.running(moment)]
        return min([variant.price_minor, *prices])

    def cheapest_now(self, doc: ProductDoc, now: datetime | None = None) -> int | None:
        """The lowest price now among the in-stock active variants (all active ones when none is in stock), as
        ``ProductDoc.cheapest`` chooses the variant a result line shows: what "cheapest first" orders by."""
        active = doc.active_variants
        if not active:
            return None
        in_stock = [v for v in active if v.stock > 0] or list(active)
        return min(self.price_now(v, now) for v in in_stock)


def to_hit(doc: ProductDoc, score: float, cosine: float | None = None, bm25: float | None = None,
           sale_prices: SalePrices | None = None) -> SearchHit:
    """A result line: the cheapest active variant (in stock preferred) at the price the shopper would pay
    now (a running flash sale's, when ``sale_prices`` has one)."""
    prices = sale_prices or SalePrices()
    active = doc.active_variants
    cheapest = min(active, key=lambda v: (v.stock <= 0, prices.price_now(v))) if active else None
    return SearchHit(
        product_id=doc.product_id, external_id=doc.external_id, sku=cheapest.sku if cheapest else None,
        title=doc.title, title_zh=doc.title_zh, brand=doc.brand, category_path=doc.category_path,
        price_minor=prices.price_now(cheapest) if cheapest else None,
        currency=cheapest.currency if cheapest else None,
        in_stock=doc.in_stock, rating_tenths=doc.rating_tenths, sales_count=doc.sales_count,
        image_url=doc.image_url, score=score, cosine=cosine, bm25=bm25,
    )
