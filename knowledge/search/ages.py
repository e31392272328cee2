"""The ages a product is for, as the catalog gives them, and whether a child's age is one of them.

WHY: "gift for my 7 year old" listed remote-control cars marked "Ages 14+" (testers, s9-en): the kids audience let
every toy through, whatever its age range. The catalog states the range in an attribute (``age_range``: "8+",
"6-12", "0+") and often in the title ("…, Ages 14+", "Ages 2-5"); a product that states none may suit any age and
stays.
"""

from __future__ import annotations

import re

from knowledge.search.documents import ProductDoc, attribute_values

__all__ = ["age_range", "suits_age"]

_KEYS = ("age_range", "ages", "age", "recommended_age", "min_age")
# "8+", "6-12", "6 – 12 years", "ages 14+", "3 years and up", "14岁以上", "3-6岁"
_RANGE = re.compile(r"(?P<low>\d{1,2})\s*(?:(?P<plus>\+|\s*(?:years?|yrs?)?\s*(?:and|&)\s*(?:up|over|older)|岁以上)|"
                    r"\s*(?:-|–|to)\s*(?P<high>\d{1,2}))", re.IGNORECASE)
_TITLE = re.compile(r"\bages?\s+(?P<range>\d{1,2}\s*(?:\+|(?:-|–|to)\s*\d{1,2}))", re.IGNORECASE)


def _read(text: str) -> tuple[int, int | None] | None:
    m = _RANGE.search(text)
    if m is None:
        return None
    low = int(m.group("low"))
    return (low, None) if m.group("plus") else (low, int(m.group("high")))


def age_range(doc: ProductDoc) -> tuple[int, int | None] | None:
    """(youngest, oldest or None for "and up") from the attribute, else from the title; None when not stated."""
    for key in _KEYS:
        for value in attribute_values(doc.attributes.get(key)):
            found = _read(value)
            if found is not None:
                return found
    title = _TITLE.search(doc.title)
    return _read(title.group("range")) if title else None


def suits_age(doc: ProductDoc, age: int) -> bool:
    """Whether a child of ``age`` years is inside the product's stated range (no range stated: it may suit)."""
    stated = age_range(doc)
    if stated is None:
        return True
    low, high = stated
    return low <= age and (high is None or age <= high)
