"""A brand named in a query: does the shop carry it, and does any result come from it?

WHY: a brand is a preference (preferences.py): its products come first, the other brands after. When none of
the results is that brand, the shopper saw other brands with no word about it ("Nike running shoes 男款": On,
Saucony, Adidas -- Nike only has a women's shoe; "华为手机有吗": four other phones, no "we don't carry Huawei").
So the engine says which of two cases it is, and the dialogue says it before the cards:

* ``missing``: no product in the catalog is of that brand ("华为" -> "huawei");
* ``none_fit``: the shop carries the brand, but none of its products is among the results (they are of
  another kind, or for another audience, or over the budget);
* ``first``: some results are the brand's and other brands follow them ("共 25 件" for "everlane亚麻衬衫" read as
  if all were Everlane's): how many are the brand's. (Showing only the brand's products scored lower on the
  dev sets: other brands' products of the kind are good answers too.)

Not said when the brand names what the results are *for*: "苹果15手机壳" / "apple iphone 15 case" ask for cases
made by others for Apple's phone; a result naming one of the brand's model lines (its iPhone) shows that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from knowledge.search.documents import ProductDoc
from knowledge.search.model_numbers import model_lines
from knowledge.search.preferences import brand_matches

__all__ = ["BrandNote", "brand_note", "catalog_brands", "carries"]

_NON_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_WORD = re.compile(r"[0-9a-z]+")


def _norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower().replace("'", "")).split())


def catalog_brands(docs: Iterable[ProductDoc]) -> frozenset[str]:
    """The catalog's brands, normalised as ``brand_matches`` compares them."""
    return frozenset(_norm(d.brand) for d in docs if d.brand)


def carries(brands: frozenset[str], wanted: str) -> bool:
    """Whether a brand (or a sub-brand: "Philips" for "Philips Hue") is in ``brands``."""
    want = _norm(wanted)
    if not want:
        return False
    squashed = want.replace(" ", "")
    return any(have == want or have.startswith(want + " ") or have.replace(" ", "") == squashed for have in brands)


@dataclass(frozen=True)
class BrandNote:
    # The brand as asked (the shop has nothing of it at all).
    missing: str | None = None
    # The catalog's spelling of a carried brand none of whose products is among the results.
    none_fit: str | None = None
    # A carried brand with some results and other brands after them: its spelling and how many are its.
    first: tuple[str, int] | None = None


def _names_a_line(doc: ProductDoc, lines: frozenset[str]) -> bool:
    words = set(_WORD.findall(" ".join([doc.title, *(str(v) for v in doc.attributes.values()
                                                     if isinstance(v, str))]).lower()))
    return bool(words & lines)


def brand_note(wanted: str | None, brands: frozenset[str], catalog: Callable[[], Iterable[ProductDoc]],
               results: Sequence[ProductDoc], shown: int) -> BrandNote:
    """What to say about the brand asked for, given the ordered results (their first ``shown`` are on screen);
    ``catalog`` lists every product (called only when the brand has no result)."""
    if not wanted or not results:
        return BrandNote()
    if not carries(brands, wanted):
        return BrandNote(missing=wanted)
    own_results = [d for d in results if brand_matches(d, wanted)]
    if own_results:
        # "everlane亚麻衬衫": its products come first (the preference order); say how many, when others follow.
        if len(own_results) == len(results):
            return BrandNote()
        return BrandNote(first=(own_results[0].brand or wanted, len(own_results)))
    own = [d for d in catalog() if brand_matches(d, wanted)]
    lines = model_lines(own)
    if lines and any(_names_a_line(d, lines) for d in results[:max(shown, 1)]):
        return BrandNote()  # cases *for* the brand's phone, not by the brand
    spelling = next((d.brand for d in own if d.brand), wanted)
    return BrandNote(none_fit=spelling)
