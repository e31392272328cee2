"""Quantity changes said relative to the cart line ("数量+1", "再减一个", "one more", "two less").

WHY: update_cart only knew a quantity to set: "数量+1" (no number entity the cart could set) asked "您要几件？"
with one line in the cart, and "再减一个" on a line of 1 read "一个" as the quantity to set, answering "数量已改为
1" and changing nothing. A relative change is applied to the line's current quantity instead; taking a line down
to 0 asks before removing it (a misread "minus" must not empty a cart line).
"""

from __future__ import annotations

import re

__all__ = ["relative_change"]

_CN = {"一": 1, "两": 2, "二": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "an": 1}
_N = r"(\d{1,2}|[一两二俩三四五六七八九十])"
_W = r"(\d{1,2}|one|two|three|four|five|an?)"
_UNIT = r"\s*(?:个|件|条|只|份|盒|台|瓶|双|套|本|包|袋|杯)?"
_UP = (
    re.compile(r"(?<![A-Za-z0-9+])\+\s*" + _N),
    re.compile(r"(?:再|多)?(?:加|增加|添|多来|多要|多)" + _N + _UNIT + r"(?!\s*[到至])"),
    re.compile(r"\b(?:plus|increase(?:d)? (?:it )?by|bump (?:it )?(?:up )?by)\s+" + _W + r"\b", re.I),
    re.compile(r"\b" + _W + r"\s+more\b", re.I),
)
_DOWN = (
    re.compile(r"(?<![A-Za-z0-9-])[-−]\s*" + _N),
    re.compile(r"(?:再)?(?:减少|减|少要|少来|少)" + _N + _UNIT + r"(?!\s*[到至])"),
    re.compile(r"\b(?:minus|decrease(?:d)? (?:it )?by|reduce(?:d)? (?:it )?by|lower (?:it )?by)\s+" + _W + r"\b", re.I),
    re.compile(r"\b" + _W + r"\s+(?:less|fewer)\b", re.I),
)


def _number(word: str) -> int:
    if word.isdigit():
        return int(word)
    return _CN.get(word) or _EN.get(word.casefold(), 1)


def relative_change(text: str) -> int | None:
    """The change asked for (+n / -n), or None when the message sets a quantity or says none."""
    for patterns, sign in ((_DOWN, -1), (_UP, 1)):
        for pattern in patterns:
            m = pattern.search(text)
            if m is not None:
                n = _number(m.group(1))
                return sign * n if n > 0 else None
    return None
