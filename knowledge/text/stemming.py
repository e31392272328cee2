"""A deliberately light English stemmer for product words.

Full Porter stemming conflates words shoppers keep apart ("wireless" -> "wireless", but "organic" and
"organ"); for a catalog what matters is singular/plural ("mugs", "batteries", "boxes"), so that is all
this does. Words shorter than four letters are left alone ("gas", "bus", "ps").
"""

from __future__ import annotations

__all__ = ["light_stem"]

_KEEP_S = ("ss", "us", "is", "ys", "as", "os")
_ES_AFTER = ("sses", "xes", "zes", "ches", "shes")


def light_stem(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_ES_AFTER):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word
