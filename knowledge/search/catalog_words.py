"""The words the catalogue's product names hold, as sets: a test, without reading the store, that a message names
no product at all.

WHY: several understanding steps ask "does this message name a product?" of every message the NLU was unsure of
or read as a question or as off-topic ("what's the weather like tomorrow?", "what is your return policy?"). Each
answered by loading the ~30 products on screen and seen earlier and by running a catalogue search, and most
such messages name nothing: in the end-to-end benchmark those two steps were 15-25 ms of the ~30 ms an FAQ or
off-topic message cost, and they set the non-search p99. The sets here are a *necessary* condition of the
steps' own matching rules (kept next to each test below), so a message they reject could not have matched any
product: the steps skip their loads and searches for it and decide exactly as before for every other message.

Built from the search index's documents (the live catalogue, kept current by store events) and cached per index
version, so a catalogue change is seen as soon as the index sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.search.documents import ProductDoc
from knowledge.text import tokenize
from knowledge.text.brands import BRAND_ALIASES

__all__ = ["CatalogWords"]

_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_TRAILING_DIGITS = 3


def _roots(word: str) -> set[str]:
    """``word`` and what a shopper's word may be before a plural ending and up to three glued digits: a name word
    matches a message word when it is that word's stem + "s"/"es" + 0-3 digits ("buds" holds in "Buds2")."""
    out: set[str] = set()
    for cut in range(_TRAILING_DIGITS + 1):
        if cut and not word[-cut:].isdigit():
            break
        base = word[:-cut] if cut else word
        if not base:
            continue
        out.add(base)
        if base.endswith("es"):
            out.add(base[:-2])
        if base.endswith("s"):
            out.add(base[:-1])
    return out


def _names(doc: ProductDoc) -> str:
    brand = (doc.brand or "").strip()
    aliases = [a for a, owner in BRAND_ALIASES.items() if brand and owner.casefold() == brand.casefold()]
    joined = " ".join([doc.title, doc.title_zh or "", brand, *aliases, doc.category_path or ""]).casefold()
    return f"{joined} {joined.replace('-', '')}"


class CatalogWords:
    """``roots``: English name words and their stems; ``names``: all names, one product per line (for a word
    with punctuation or a script other than English and Chinese); ``cjk_pairs``: every two Chinese characters
    in a row of a name; ``title_tokens``: the keyword tokens of titles and brands (English and Chinese); brands and
    their aliases, found in a message by one pattern.

    Words are only ever added (a product renamed or removed leaves its old words): a superset of the catalogue's
    words keeps every test below a necessary condition, and it saves re-reading the whole catalogue on each change.
    ``add`` runs in the search updater's thread while the event loop reads: each set insertion and the swap of
    ``names`` and of the brand pattern are atomic under the GIL, and readers only test membership."""

    def __init__(self) -> None:
        self.roots: set[str] = set()
        self.cjk_pairs: set[str] = set()
        self.title_tokens: set[str] = set()
        self.names = ""
        self._seen: set[str] = set()  # each product's names line: a stock or price change adds nothing new
        self._brand_names: set[str] = set()
        self.brands: re.Pattern[str] | None = None

    @classmethod
    def build(cls, docs: Iterable[ProductDoc]) -> CatalogWords:
        words = cls()
        words.add(docs)
        return words

    def add(self, docs: Iterable[ProductDoc]) -> None:
        lines: list[str] = []
        brand_names: set[str] = set()
        for doc in docs:
            names = _names(doc)
            if names in self._seen:
                continue
            self._seen.add(names)
            lines.append(names)
            for word in _ASCII_WORD.findall(names):
                self.roots.update(_roots(word))
            for run in _CJK_RUN.findall(names):
                self.cjk_pairs.update(run[i:i + 2] for i in range(len(run) - 1))
            self.title_tokens.update(tokenize(f"{doc.title} {doc.title_zh or ''} {doc.brand or ''}"))
            brand = (doc.brand or "").strip().casefold()
            if brand:
                brand_names.add(brand)
                brand_names.update(a.casefold() for a, owner in BRAND_ALIASES.items() if owner.casefold() == brand)
        if lines:
            self.names = "\n".join([self.names, *lines]) if self.names else "\n".join(lines)
        if not brand_names <= self._brand_names:
            self._brand_names = self._brand_names | brand_names
            self.brands = _brand_pattern(self._brand_names)

    def may_hold(self, token: str) -> bool:
        """False only when no product's names hold ``token`` by the rule of
        bot/core/skills/shopping/named_words.py ``_holds`` (a whole English word, plural either way, digits glued
        on; a part of a name for Chinese)."""
        token = token.casefold()
        if token.isascii():
            stem = token[:-1] if len(token) > 3 and token.endswith("s") else token
            return stem in self.roots if _ASCII_WORD.fullmatch(stem) else stem in self.names
        if _CJK_RUN.fullmatch(token):
            return len(token) < 2 or token[:2] in self.cjk_pairs
        return token in self.names

    def may_share_phrase(self, text: str) -> bool:
        """False only when no Chinese run of ``text`` shares two characters in a row with a name: a necessary
        condition of named_question ``_shares_phrase`` (three characters of the run in a Chinese title)."""
        return any(run[i:i + 2] in self.cjk_pairs for run in _CJK_RUN.findall(text) for i in range(len(run) - 1))

    def says_brand(self, text: str) -> bool:
        """Whether ``text`` says a catalogue brand or one of its aliases (named_question ``_brand_said``)."""
        return self.brands is not None and self.brands.search(text.casefold()) is not None

    def may_name(self, words: str, text: str) -> bool:
        """Whether the name words of a question (or its whole text, by a brand) may name some product."""
        return any(len(w) >= 2 and self.may_hold(w) for w in words.split()) or self.may_share_phrase(words) \
            or self.says_brand(text)

    def in_titles(self, tokens: Iterable[str]) -> bool:
        """Whether every keyword token occurs in some product's title or brand (each may be in a different one)."""
        return all(t in self.title_tokens for t in tokens)


def _brand_pattern(names: set[str]) -> re.Pattern[str] | None:
    """The ``_brand_said`` rule for all brands at once: an English name as a whole word, a Chinese one anywhere."""
    if not names:
        return None
    ascii_names = sorted((n for n in names if n.isascii()), key=len, reverse=True)
    other = sorted((n for n in names if not n.isascii()), key=len, reverse=True)
    parts = []
    if ascii_names:
        parts.append(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, ascii_names)) + r")(?![a-z0-9])")
    if other:
        parts.append("|".join(map(re.escape, other)))
    return re.compile("|".join(parts))
