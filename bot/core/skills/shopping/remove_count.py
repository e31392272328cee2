"""How many units a remove message takes out of a cart line ("remove one", "take one out", "one less").

WHY: remove_from_cart always removed the whole line: with 3 yoga mats in the cart, "hmm thats too many, remove
one" emptied the cart (walk6-en c12). A count said right after the remove verb, or "one less", is a number of
units to take out of the line; "remove it", "remove the mat", "remove the first one" still remove the line.
"""

from __future__ import annotations

import re

__all__ = ["units_to_remove"]

_WORDS = {"one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER = r"(\d{1,2}|one|two|three|four|five|an?|single)"
_VERB = r"(?:remove|take|drop|delete|subtract|knock)"
# The count directly after the verb ("remove one", "take 2 out", "remove just one"); a digit alone ("remove 2")
# may be the second line, so a digit needs words saying units ("of them", "out", "off", "from the cart", "pcs").
_AFTER_VERB = re.compile(r"\b" + _VERB + r"\s+(?:just\s+|only\s+)?" + _NUMBER + r"\b(?P<rest>\s*[\w']*)", re.I)
_LESS = re.compile(r"\b" + _NUMBER + r"\s+(?:less|fewer)\b", re.I)
_UNIT_WORDS = {"of", "out", "off", "from", "unit", "units", "pcs", "piece", "pieces", "item", "items", "less"}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS.get(word.casefold(), 1)


def units_to_remove(text: str) -> int | None:
    """Units to take out of the line meant, or None when the message removes a whole line."""
    m = _LESS.search(text)
    if m is not None:
        return _number(m.group(1)) or None
    m = _AFTER_VERB.search(text)
    if m is None:
        return None
    word, rest = m.group(1), m.group("rest").strip().casefold()
    if word.isdigit() and rest not in _UNIT_WORDS:
        return None
    return _number(word) or None
