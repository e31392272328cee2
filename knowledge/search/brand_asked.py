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

Several brands ("sony or bose headphones", brands joined by "|"): the results of any of them come first, and
``unmatched`` names each asked brand with nothing among the results -- not carried, or carried with nothing
that fits -- so the shopper is told which one ("We don't carry Beats."), not left to notice it is missing. A
word the shop has never heard of, joined to a known brand by "or"/"and" ("sony or beats"), is a brand it does
not carry (``coordinated_brands``).

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
from knowledge.text.stopwords import STOPWORDS

__all__ = ["BrandNote", "brand_note", "catalog_brands", "carries", "coordinated_brands"]

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
    # Several brands asked for and some of them have results: the others, each with whether the shop carries it.
    unmatched: tuple[tuple[str, bool], ...] = ()


# Words that may stand beside a brand after "or" without being one ("sony or something cheaper").
_NOT_BRANDS = frozenset({"other", "others", "another", "any", "some", "something", "anything", "else", "whatever",
                         "similar", "cheaper", "cheap", "better", "best", "good", "both", "either", "neither",
                         "more", "less", "same"})
_JOINED = r"\s+(?:or|and|vs\.?|versus)\s+|\s*/\s*"


def coordinated_brands(text: str, brands: Sequence[str], known_word: Callable[[str], bool]) -> list[str]:
    """Words joined to an asked brand by "or"/"and"/"/" that no product uses ("sony or beats headphones" ->
    beats): a brand the shop does not carry (the NLU only knows the catalog's brands)."""
    out: list[str] = []
    lowered = text.lower()
    for brand in brands:
        name = re.escape(brand.strip().lower())
        for pattern in (rf"\b([a-z][a-z'-]{{2,}})(?:{_JOINED})(?:{name})\b",
                        rf"\b(?:{name})(?:{_JOINED})([a-z][a-z'-]{{2,}})\b"):
            for m in re.finditer(pattern, lowered):
                word = m.group(1)
                if word in _NOT_BRANDS or word in STOPWORDS or known_word(word) or \
                        any(word == b.strip().lower() for b in brands) or word in out:
                    continue
                out.append(word)
    return out


def _names_a_line(doc: ProductDoc, lines: frozenset[str]) -> bool:
    words = set(_WORD.findall(" ".join([doc.title, *(str(v) for v in doc.attributes.values()
                                                     if isinstance(v, str))]).lower()))
    return bool(words & lines)


def brand_note(wanted: str | None, brands: frozenset[str], catalog: Callable[[], Iterable[ProductDoc]],
               results: Sequence[ProductDoc], shown: int, uncarried: Sequence[str] = ()) -> BrandNote:
    """What to say about the brand(s) asked for ("|"-separated), given the ordered results (their first
    ``shown`` are on screen); ``catalog`` lists every product (called only when a brand has no result);
    ``uncarried``: more brands asked for that no product has (``coordinated_brands``)."""
    if not wanted or not results:
        return BrandNote()
    asked = [w for w in wanted.split("|") if w.strip()]
    if len(asked) > 1 or uncarried:
        return _several(asked, list(uncarried), brands, catalog, results)
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


def _spelling(wanted: str, catalog: Callable[[], Iterable[ProductDoc]]) -> str:
    return next((d.brand for d in catalog() if d.brand and brand_matches(d, wanted)), wanted)


def _several(asked: list[str], uncarried: list[str], brands: frozenset[str],
             catalog: Callable[[], Iterable[ProductDoc]], results: Sequence[ProductDoc]) -> BrandNote:
    """Several brands: which have results (first, with how many), and which have none and why."""
    present: list[str] = []
    unmatched: list[tuple[str, bool]] = []
    for wanted in asked:
        if not carries(brands, wanted):
            unmatched.append((wanted, False))
            continue
        own = next((d for d in results if brand_matches(d, wanted)), None)
        if own is not None:
            present.append(own.brand or wanted)
        else:
            unmatched.append((_spelling(wanted, catalog), True))
    unmatched += [(word, False) for word in uncarried]
    if not present:
        missing = [name for name, carried in unmatched if not carried]
        nofit = [name for name, carried in unmatched if carried]
        return BrandNote(missing=" / ".join(missing) or None, none_fit=" / ".join(nofit) or None)
    count = sum(1 for d in results if brand_matches(d, "|".join(asked)))
    first = (" / ".join(present), count) if count < len(results) else None
    return BrandNote(first=first, unmatched=tuple(unmatched))
