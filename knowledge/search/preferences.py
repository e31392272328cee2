"""What the shopper *said* they want besides the product itself: colour, size, brand, category.

Why preferences and not filters: a colour, size or brand stated in free text ("红色连衣裙", "mens shirt xxl",
"nike running shoes") describes the product the shopper has in mind. As a hard filter over a loose
candidate set it loses the product type ("red mug" -> a red lipstick, a red bike pump) and turns a near
miss (a burgundy dress) into nothing. So the engine first decides which products are *the kind asked
for* (knowledge/search/relevance.py), then orders them by how many stated preferences they meet:

    misses = colour (0 exact, 0.5 a close shade, 1 other) + size (0/1) + brand (0/1) + category (0/1)
             + audience (0 marked for it, 1 unmarked or unisex)

and keeps relevance order (or the requested sort) among equals. Products that meet none still show,
after the ones that do, and ``SearchResults.unmet`` tells the dialogue to say so ("no exact red; closest
colours first"). Explicit filters (CLI flags, buttons: ``SearchFilters``) stay hard constraints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.search.audience import product_audiences
from knowledge.search.colours import ColourMatch, canonical_colour, colour_match
from knowledge.search.documents import ProductDoc
from knowledge.text.stemming import light_stem

__all__ = ["Preferences", "PreferenceReport", "brand_matches", "size_matches", "category_matches"]

_NON_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


def _norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower().replace("'", "")).split())


def brand_matches(doc: ProductDoc, wanted: str) -> bool:
    """Same brand, or a sub-brand of it ("Philips" covers "Philips Hue"); ``wanted`` may name several brands
    separated by "|" ("sony or bose headphones": either)."""
    if not doc.brand:
        return False
    if "|" in wanted:
        return any(brand_matches(doc, one) for one in wanted.split("|") if one.strip())
    have, want = _norm(doc.brand), _norm(wanted)
    if not want:
        return False
    return have == want or have.startswith(want + " ") or have.replace(" ", "") == want.replace(" ", "")


def size_matches(doc: ProductDoc, wanted: str) -> bool:
    """A size equal to the one asked for, or ending with it ("US 8" for "8", "Size 3" for "3")."""
    want = _norm(wanted)
    if not want:
        return False
    for size in doc.sizes:
        have = _norm(size)
        if have == want or have.endswith(" " + want):
            return True
    return False


def category_matches(doc: ProductDoc, wanted: str) -> bool:
    """A level of the category path that starts with the words asked for, singular or plural ("womens"
    matches "Women's Fashion", "dress" matches "Home > ... > Dresses")."""
    want = _stems(wanted)
    if not want or not doc.category_path:
        return False
    for level in doc.category_path.split(">"):
        have = _stems(level)
        if have[:len(want)] == want:
            return True
    return False


def _stems(text: str) -> list[str]:
    return [light_stem(w) for w in _norm(text).split()]


@dataclass(frozen=True)
class Preferences:
    colour: str | None = None
    size: str | None = None
    brand: str | None = None
    category: str | None = None
    # "women", "men", "kids" (knowledge/search/audience.py): the products marked for it first. (Products
    # marked only for another audience are left out by the matching filter, ``SearchFilters.audience``.)
    audience: str | None = None

    @property
    def active(self) -> bool:
        return any((self.colour, self.size, self.brand, self.category, self.audience))

    def misses(self, doc: ProductDoc) -> float:
        """0 when the product meets every stated preference; see the module docstring for the weights."""
        total = 0.0
        if self.colour:
            match = colour_match(self.colour, doc.colours)
            total += 0.0 if match is ColourMatch.EXACT else 0.5 if match is ColourMatch.CLOSE else 1.0
        if self.size and not size_matches(doc, self.size):
            total += 1.0
        if self.brand and not brand_matches(doc, self.brand):
            total += 1.0
        if self.category and not category_matches(doc, self.category):
            total += 1.0
        if self.audience and self.audience not in product_audiences(doc):
            total += 1.0
        return total

    def report(self, docs: list[ProductDoc], shown: int | None = None) -> PreferenceReport:
        """Which stated preferences no product of ``docs`` meets exactly, and the close shades among the
        first ``shown`` of them (all by default)."""
        unmet: list[str] = []
        close: dict[str, None] = {}
        # (any() stops at the first exact colour, which the preference order puts first.)
        if self.colour and not any(colour_match(self.colour, d.colours) is ColourMatch.EXACT for d in docs):
            unmet.append("colour")
            wanted = canonical_colour(self.colour)
            for doc in docs[:shown]:
                if colour_match(wanted, doc.colours) is ColourMatch.CLOSE:
                    for name in sorted(doc.colours):
                        if colour_match(wanted, frozenset({name})) is ColourMatch.CLOSE and name.isascii():
                            close.setdefault(name, None)
        size_met = sum(1 for d in docs if size_matches(d, self.size)) if self.size else 0
        if self.size and not size_met and any(d.sizes for d in docs):
            # Only worth saying when the products shown come in sizes at all (a tent has none).
            unmet.append("size")
        if self.brand and not any(brand_matches(d, self.brand) for d in docs):
            unmet.append("brand")
        return PreferenceReport(tuple(unmet), tuple(close), size_met)


@dataclass(frozen=True)
class PreferenceReport:
    unmet: tuple[str, ...] = ()
    close_colours: tuple[str, ...] = ()
    # How many of the products come in the size asked for (they are ordered first): the dialogue says so,
    # or "hoodie size M" looked as if the size had been ignored.
    size_met: int = 0
