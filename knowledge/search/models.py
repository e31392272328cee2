"""The search boundary: what the dialogue asks (``SearchQuery``) and gets back (``SearchResults``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.search.filters import Relaxation, SearchFilters
from knowledge.search.preferences import Preferences
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
    # Stated colour/size/brand/category: they order the relevant products, they do not filter them
    # (knowledge/search/preferences.py). ``filters`` are the hard constraints.
    prefer: Preferences = field(default_factory=Preferences)
    # The words that name the product ("dress" in "红色连衣裙" -> "连衣裙"): the relevance cut measures
    # keyword coverage on them. None = the whole text.
    product_text: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
        if self.offset < 0:
            raise ValueError("offset must not be negative")
        if len(self.text) > 1000 or len(self.product_text or "") > 1000:
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
    """``hits`` answer the query as asked: only products of the kind asked for (the relevance cut), that
    pass the filters, the ones meeting the stated preferences first. ``unmet`` names the preferences
    ("colour", "size", "brand") that no hit meets exactly; ``close_colours`` the close shades shown instead.
    When hits are empty, ``alternatives`` hold the nearest products found by loosening the filters
    (``relaxed`` says which) or by meaning alone, and ``ask_staff`` tells the dialogue to offer a human.
    ``missing_model`` names a model asked for that the shop does not carry (the hits are the closest)."""

    query: SearchQuery
    hits: tuple[SearchHit, ...]
    total: int
    alternatives: tuple[SearchHit, ...] = ()
    relaxed: tuple[Relaxation, ...] = ()
    ask_staff: bool = False
    unmet: tuple[str, ...] = ()
    close_colours: tuple[str, ...] = ()
    # A model the query names that the shop does not have ("iphone 16", as written): the hits are the
    # closest products, and the dialogue says so first (knowledge/search/model_numbers.py).
    missing_model: str | None = None
    # A brand asked for that the shop does not carry ("华为"), or the catalog's spelling of a carried brand none
    # of whose products is among the hits ("Nike" for men's running shoes): the dialogue says so first
    # (knowledge/search/brand_asked.py).
    missing_brand: str | None = None
    brand_none_fit: str | None = None
    # (brand, n): the first n hits are the brand asked for, other brands follow.
    brand_first: tuple[str, int] | None = None
    # Several brands asked for, some with results: each other one, and whether the shop carries it at all.
    brands_unmatched: tuple[tuple[str, bool], ...] = ()
    # The kind of product asked for when the shop has none of it ("yoga block"): the hits are only the closest
    # products, and the dialogue says so first (knowledge/search/kind_absent.py).
    missing_kind: str | None = None
    # (kind, n): only the first n hits of the page are the kind asked for, close products follow (kind_first.py).
    kind_first: tuple[str, int] | None = None
    # How many results come in the size the query prefers (``query.prefer.size``); they come first.
    size_met: int = 0

    @property
    def zero_results(self) -> bool:
        return not self.hits
