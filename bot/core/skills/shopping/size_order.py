"""Sizes in the order a shopper reads them: XS < S < M < L < XL, US 6 < US 6.5 < US 10, 0-3 Months < 6-12 Months.

WHY: a product's sizes came out in the order its variants were stored ("Sizes: US 6, US 7, US 9, US 10, US 11,
US 8" for a shoe whose US 8 is a second colour's), and "a bigger size" needs to know which sizes are bigger.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["size_key", "size_of"]

_LETTERS = ("xxxs", "xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "xxxxl")
_ALIASES = {"2xs": "xxs", "3xs": "xxxs", "2xl": "xxl", "3xl": "xxxl", "4xl": "xxxxl", "small": "s", "medium": "m",
            "large": "l", "x-large": "xl", "xx-large": "xxl", "extra large": "xl", "extra small": "xs"}
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)")


def size_key(value: str) -> tuple[int, float, str]:
    """Letter sizes first by their order, then sizes with a number by that number (the first one: "6-12 Months"
    is 6), then the rest by name; two sizes of one product compare as the shopper expects."""
    word = value.strip().casefold()
    word = _ALIASES.get(word, word)
    if word in _LETTERS:
        return (0, float(_LETTERS.index(word)), word)
    number = _NUMBER.search(word)
    if number is not None:
        return (1, float(number.group(1)), word)
    return (2, 0.0, word)


def size_of(attributes: Mapping[str, object]) -> str | None:
    """The size option of a variant (or a cart line's options), whatever the key's case; None without one."""
    for key, value in attributes.items():
        if key.casefold() == "size" and str(value).strip():
            return str(value)
    return None
