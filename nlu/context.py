"""What the dialogue core tells the NLU about the world at parse time.

WHY: the NLU must not import the store, yet brands, categories and the list the shopper is looking at live
there. The core builds these small value objects from the store and passes them in with each message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["CatalogVocabulary", "DialogueContext"]


def _norm(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in words if w and w.strip())


@dataclass(frozen=True)
class CatalogVocabulary:
    """Names from the live catalogue. ``categories`` maps any surface name (English or Chinese) to the
    canonical category name or slug the store uses; ``brands`` likewise (casefolded keys)."""

    brands: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    product_words: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        brands: Iterable[str] = (),
        categories: dict[str, str] | Iterable[str] = (),
        product_words: Iterable[str] = (),
    ) -> CatalogVocabulary:
        brand_map = {b.strip().casefold(): b.strip() for b in brands if b.strip()}
        if isinstance(categories, dict):
            cat_map = {k.strip().casefold(): v for k, v in categories.items() if k.strip()}
        else:
            cat_map = {c.strip().casefold(): c.strip() for c in categories if c.strip()}
        return cls(brands=brand_map, categories=cat_map, product_words=_norm(product_words))

    def merged(self, other: CatalogVocabulary) -> CatalogVocabulary:
        return CatalogVocabulary(
            brands={**other.brands, **self.brands},
            categories={**other.categories, **self.categories},
            product_words=self.product_words | other.product_words,
        )

    @property
    def is_empty(self) -> bool:
        return not (self.brands or self.categories or self.product_words)


@dataclass(frozen=True)
class DialogueContext:
    """The conversation state references resolve against: ``last_results`` are the ids/SKUs of the list last
    shown, in display order; ``focus`` is the product being discussed; ``last_order`` the latest order id;
    ``currency`` the shop's currency, guessed for bare amounts ("under 50")."""

    last_results: tuple[str, ...] = ()
    focus: str | None = None
    last_order: str | None = None
    catalog: CatalogVocabulary | None = None
    language: str | None = None
    currency: str | None = None
