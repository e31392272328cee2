"""A brand's product of the other kind a two-kind word names: "斯坦利水壶" is Stanley's water bottle.

WHY: 水壶 is both a kettle and a water bottle (knowledge/text/synonyms.py). The catalog's 水壶 are electric
kettles, so they set the relevance cut and a Stanley bottle, which shares no word with the query, fell below
it: the shopper read "Stanley 没有符合您要求的商品" over two kettles. With a brand named, a product of that brand
that *is* one of the word's kinds (its title or category names one of the other names' heads) is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.search.documents import ProductDoc
from knowledge.search.heads import head_match, query_heads
from knowledge.search.preferences import brand_matches

__all__ = ["brand_kind"]


def brand_kind(brand: str | None, names: Sequence[str]) -> Callable[[ProductDoc], bool] | None:
    """Keeps a product of ``brand`` that is of a kind ``names`` (the query's other names) name; None when
    there is no brand or no name."""
    if not brand or not names:
        return None
    heads = frozenset(h for name in names for h in query_heads(name))
    if not heads:
        return None
    return lambda doc: brand_matches(doc, brand) and head_match(heads, doc.title, doc.category_path,
                                                                 doc.title_zh) > 0
