"""Where the NLU's entities sit in the shopper's text, and cutting them out of it.

WHY: a price ("under $50", "300元以内") and a quantity are instructions, and a colour, brand or letter size says
which variant or whose product, not what kind of product: each leaves the words the search and its relevance
cut judge a product's kind on, with the words that only qualify it ("under", "以内", "size", "码").
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.text.stopwords import STOPWORDS
from nlu.result import ParsedEntity, ParseResult

__all__ = ["INSTRUCTIONS", "STATED", "LETTER_SIZE_SPAN", "usable_entities", "letter_sizes", "strip_spans"]

# Words that only qualify a price ("under $50", "between 20 and 40", "300元以内") go with the price.
_PRICE_BEFORE = re.compile(r"(\b(?:(?:do not|don'?t|not|never|won'?t|can'?t)\s+(?:want to\s+|wanna\s+)?(?:spend|pay)\s+"
                           r"(?:more than|over|above)|under|below|less than|cheaper than|up to|within|max(imum)?|over|"
                           r"above|more than|"
                           r"at least|from|between|and|to|for|(?:my\s+)?budget(?:\s+is|\s+of)?|around|about|"
                           r"roughly)\s*|预算(?:是|在|大概|差不多|大约)?|大概|差不多|大约|低于|不超过|高于|大于|在|到|至|-)\s*$",
                           re.I)
_PRICE_AFTER = re.compile(r"^\s*(以内|以下|以上|之内|左右|or less|or more|max)")
# Entities that are instructions, not product words: they leave the search text.
INSTRUCTIONS = ("price_min", "price_max", "quantity")
# Entities that describe the product the shopper has in mind: they become preferences and leave the
# *product words* (what the relevance cut judges a product's kind on), but stay in the search text. A size
# stays in the product words too: it is part of what the product is ("king size sheets", "4人帐篷").
STATED = ("color", "brand")
# ...except a letter size of clothing ("hoodie size M", "M码卫衣"): it says which variant, never what the product
# is, and left in the product words "M码" made the cut rank a blouse above the hoodies. It leaves them with its
# marker word ("size", "码", "号").
_LETTER_SIZE = re.compile(r"^(?:[2-5]?X{0,4}[SL]|M|X{1,4})$", re.I)
_SIZE_BEFORE = re.compile(r"\b(?:in\s+)?(?:size|sz)\s*$", re.I)
_SIZE_AFTER = re.compile(r"^\s*(?:码|號|号)")
LETTER_SIZE_SPAN = "letter_size"


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    """A Latin-script entity must be a whole word: "ten" inside "tennis" is not a quantity."""
    if not 0 <= start < end <= len(text):
        return False
    if start > 0 and _alnum(text[start - 1]) and _alnum(text[start]):
        return False
    return not (end < len(text) and _alnum(text[end]) and _alnum(text[end - 1]))


def usable_entities(text: str, parse: ParseResult | None) -> list[ParsedEntity]:
    """The parse's entities this text can use: whole words only, and no brand that is just a common
    lower-case word ("stand on after a shower" does not ask for the brand On)."""
    if parse is None or parse.text != text:
        return []
    out = []
    for e in parse.entities:
        if not _on_word_boundary(text, e.start, e.end):
            continue
        surface = text[e.start:e.end]
        if e.entity == "brand" and surface.islower() and surface.strip() in STOPWORDS:
            continue
        out.append(e)
    return out


def letter_sizes(text: str, entities: list[ParsedEntity]) -> list[ParsedEntity]:
    """The letter sizes of clothing among ``entities``, widened to their marker words, as ``letter_size``."""
    out = []
    for e in entities:
        if e.entity != "size" or not _LETTER_SIZE.match(text[e.start:e.end].strip()):
            continue
        start, end = e.start, e.end
        if (before := _SIZE_BEFORE.search(text[:start])) is not None:
            start = before.start()
        if (after := _SIZE_AFTER.match(text[end:])) is not None:
            end += after.end()
        out.append(replace(e, entity=LETTER_SIZE_SPAN, start=start, end=end))
    return out


def strip_spans(text: str, entities: list[ParsedEntity], names: tuple[str, ...]) -> str:
    spans = sorted(((e.start, e.end, e.entity) for e in entities if e.entity in names), reverse=True)
    for start, end, entity in spans:
        if entity.startswith("price"):
            while (before := _PRICE_BEFORE.search(text[:start])) is not None and before.start() < start:
                start = before.start()
            if (after := _PRICE_AFTER.match(text[end:])) is not None:
                end += after.end()
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())
