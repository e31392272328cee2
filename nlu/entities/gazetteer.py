"""Longest-match dictionary lookup over a message, for colours, sizes, brands, categories and products.

WHY two patterns: Latin terms need word boundaries ("red" must not fire inside "bored"), Chinese terms have
none (``红色`` inside ``红色连衣裙``), and a Latin term's boundary is a non-Latin character, not ``\\b``
(Python's ``\\b`` treats Han characters as word characters, so "anker充电宝" would hide the brand).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from nlu.language import has_cjk

__all__ = ["Gazetteer", "GazetteerHit"]

_LATIN = r"0-9A-Za-z\u00c0-\u024f_"


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    entity: str
    value: str
    start: int
    end: int


class Gazetteer:
    """One pattern per entity type so a colour inside a longer product name is still seen.
    ``terms`` maps (entity, surface form) to the canonical value; matching is case-insensitive except for
    ``case_sensitive`` surfaces (single-letter sizes "S", "M", "L" would otherwise match everywhere)."""

    def __init__(self, terms: Iterable[tuple[str, str, str]], case_sensitive: Iterable[str] = ()) -> None:
        self._exact = {s for s in case_sensitive}
        self._map: dict[str, tuple[str, str]] = {}
        for entity, surface, value in terms:
            key = surface if surface in self._exact else surface.casefold().strip()
            if key and key not in self._map:
                self._map[key] = (entity, value)
        self._patterns: list[tuple[re.Pattern[str], bool]] = []
        for entity in sorted({e for e, _ in self._map.values()}):
            keys = [k for k, (e, _) in self._map.items() if e == entity]
            latin = sorted((k for k in keys if not has_cjk(k) and k not in self._exact), key=len, reverse=True)
            cjk = sorted((k for k in keys if has_cjk(k)), key=len, reverse=True)
            exact = sorted((k for k in keys if k in self._exact), key=len, reverse=True)
            for pattern, fold in (
                (_compile(latin, bounded=True, flags=re.IGNORECASE), True),
                (_compile(cjk, bounded=False, flags=re.IGNORECASE), True),
                (_compile(exact, bounded=True, flags=0), False),
            ):
                if pattern is not None:
                    self._patterns.append((pattern, fold))

    def __len__(self) -> int:
        return len(self._map)

    def find(self, text: str) -> Iterator[GazetteerHit]:
        """The longest term starting at every position (overlapping hits are kept: "red dress" and "dress"
        both come out, the extractor decides)."""
        words: dict[int, tuple[int, str]] | None = None
        for pattern, fold in self._patterns:
            for pos in range(len(text)):
                m = pattern.match(text, pos)
                if m is None:
                    continue
                key = m.group(0).casefold() if fold else m.group(0)
                hit = self._map.get(key)
                if hit is None:
                    continue
                if len(key) == 1 and has_cjk(key):
                    words = words if words is not None else _cjk_words(text)
                    if self._inside_other_word(words, m.start(), hit[0]):
                        continue
                yield GazetteerHit(hit[0], hit[1], m.start(), m.end())

    def _inside_other_word(self, words: dict[int, tuple[int, str]], position: int, entity: str) -> bool:
        """A one-character Chinese term inside a longer word is not that term: 蓝 in 蓝牙 (Bluetooth) is not
        blue, 白 in 明白 is not white. Words come from jieba; a longer word that is itself a term of the same kind
        (红色, a colour) is fine, one of another kind is not: 粉 in 奶粉 or 粉底液 (products) is no pink, 红 in 红茶 no
        red (the colour won over the product, and the search said "没有粉色的")."""
        start, word = words.get(position, (position, ""))
        other = self._map.get(word.casefold())
        return len(word) > 1 and (other is None or other[0] != entity)


def _cjk_words(text: str) -> dict[int, tuple[int, str]]:
    """Character position -> (start, word) of the jieba word that covers it."""
    import jieba

    covering: dict[int, tuple[int, str]] = {}
    for word, start, end in jieba.tokenize(text):
        for i in range(start, end):
            covering[i] = (start, word)
    return covering


def _compile(terms: list[str], bounded: bool, flags: int) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternation = "|".join(re.escape(t) for t in terms)
    if bounded:
        # bounded by Latin letters and digits only: "anker充电宝" and "要M码的" hold the words "anker" and "M"
        return re.compile(rf"(?<![{_LATIN}'])(?:{alternation})(?![{_LATIN}'])", flags)
    return re.compile(rf"(?:{alternation})", flags)
