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


def _value_map(values: dict[str, str] | Iterable[str]) -> dict[str, str]:
    if isinstance(values, dict):
        return {k.strip().casefold(): v for k, v in values.items() if k.strip()}
    return {str(v).strip().casefold(): str(v).strip() for v in values if str(v).strip()}


@dataclass(frozen=True)
class CatalogVocabulary:
    """Names from the live catalogue. ``categories`` maps any surface name (English or Chinese) to the
    canonical category name or slug the store uses; ``brands`` likewise (casefolded keys). ``colors`` and
    ``sizes`` map the variants' attribute values ("Sage", "US 9") the same way: the NLU recognises them in
    messages and gives colour and size entities the catalogue's own spelling, so the dialogue can match
    them against variant attributes (a Chinese colour word maps there too when the lexicon knows it)."""

    brands: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    product_words: frozenset[str] = frozenset()
    colors: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        brands: Iterable[str] = (),
        categories: dict[str, str] | Iterable[str] = (),
        product_words: Iterable[str] = (),
        colors: dict[str, str] | Iterable[str] = (),
        sizes: dict[str, str] | Iterable[str] = (),
    ) -> CatalogVocabulary:
        brand_map = {b.strip().casefold(): b.strip() for b in brands if b.strip()}
        return cls(
            brands=brand_map,
            categories=_value_map(categories),
            product_words=_norm(product_words),
            colors=_value_map(colors),
            sizes=_value_map(sizes),
        )

    def merged(self, other: CatalogVocabulary) -> CatalogVocabulary:
        return CatalogVocabulary(
            brands={**other.brands, **self.brands},
            categories={**other.categories, **self.categories},
            product_words=self.product_words | other.product_words,
            colors={**other.colors, **self.colors},
            sizes={**other.sizes, **self.sizes},
        )

    @property
    def is_empty(self) -> bool:
        return not (self.brands or self.categories or self.product_words or self.colors or self.sizes)


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
