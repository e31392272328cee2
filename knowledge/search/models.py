"""The search boundary: what the dialogue asks (``SearchQuery``) and gets back (``SearchResults``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.search.filters import Relaxation, SearchFilters
from knowledge.search.sorting import ShopperProfile, SortOrder

__all__ = ["SearchQuery", "SearchHit", "SearchResults", "MAX_LIMIT"]

MAX_LIMIT = 100


@dataclass(frozen=True)
class SearchQuery:
    text: str
    limit: int = 10
    offset: int = 0
    filters: SearchFilters = field(default_factory=SearchFilters)
    sort: SortOrder = SortOrder.RELEVANCE
    profile: ShopperProfile | None = None
    # Who asked (Telegram user id), recorded with zero-result queries for the shop owner.
    user_id: int | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
        if self.offset < 0:
            raise ValueError("offset must not be negative")
        if len(self.text) > 1000:
            raise ValueError("query text is longer than 1000 characters")


@dataclass(frozen=True)
class SearchHit:
    product_id: int
    external_id: str
    sku: str | None
    title: str
    title_zh: str | None
    brand: str | None
    category_path: str | None
    price_minor: int | None
    currency: str | None
    in_stock: bool
    rating_tenths: int | None
    sales_count: int
    image_url: str | None
    score: float
    cosine: float | None = None
    bm25: float | None = None


@dataclass(frozen=True)
class SearchResults:
    """``hits`` answer the query as asked. When they are empty, ``alternatives`` hold the nearest products
    found by loosening the filters (``relaxed`` says which) or by meaning alone, and ``ask_staff`` tells
    the dialogue to offer a human."""

    query: SearchQuery
    hits: tuple[SearchHit, ...]
    total: int
    alternatives: tuple[SearchHit, ...] = ()
    relaxed: tuple[Relaxation, ...] = ()
    ask_staff: bool = False

    @property
    def zero_results(self) -> bool:
        return not self.hits
