"""The shapes of bot/core/skills/shopping/aspects.py: an ``Aspect`` (what a shopper asks about a product and where
its listing says it) and a ``Figure`` (a value read for it), with the pattern helpers the aspect table is built from.

WHY apart: the table itself is long; its types and helpers are what other modules (attribute_aspects.py) share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Aspect", "Figure", "rx", "measure"]


@dataclass(frozen=True)
class Aspect:
    """``kind``: "number" (attributes with a figure), "flag" (yes/no attributes), "text" (only the description
    says), or "price" / "rating" / "sales" (what every card shows). ``most``/``least``: the winner's label."""

    name: str  # the aspect as a noun ("battery life"), for "the listing doesn't say its …"
    asked: re.Pattern[str]
    kind: str
    keys: tuple[str, ...] = ()
    mentions: re.Pattern[str] | None = None
    figure: re.Pattern[str] | None = None  # a figure in the title or description ("4000 mAh", "IPX4")
    most: str = ""
    least: str = ""
    more_is_better: bool = True


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # values compare only within one unit ("mAh" never against hours)
    shown: str  # as the shopper reads it: "10 h", "IPX5", "256GB"


def rx(pattern: str) -> re.Pattern[str]:
    """ASCII word boundaries: a Chinese character is a word character to Python's ``\\b``, so "这个多少GB" had no
    boundary before "GB" and asked about no aspect ("I don't know that about the iPhone")."""
    return re.compile(pattern, re.IGNORECASE | re.ASCII)


def measure(name: str, how: str, noun: str, zh: str, keys: tuple[str, ...], said: str, most: str,
             least: str) -> Aspect:
    """An aspect for one measurement: "how <how> is it", "<noun>", the Chinese words; a figure in a text only
    when followed by the word that says which measurement it is ("40 cm tall")."""
    return Aspect(name, rx(rf"\bhow\s+(?:{how})\s+(?:is|are|'s)\b|\b{noun}\b|{zh}"), "number", keys,
                  rx(rf"\b(?:{how}|{noun})\b"), rx(rf"(\d+(?:\.\d+)?)\s*(cm|mm|in)\s+(?:{said})\b"),
                  most=most, least=least)
