"""Query words the catalog never uses, corrected to catalog words that look or sound the same.

About one search in ten has a slip: "headphnes", "mosturizer", "hoddie" in English; pinyin-input slips in
Chinese, where the wrong character sounds right ("脱鞋" for 拖鞋, "保险盒" for 保鲜盒, "猫沙" for 猫砂). The
sentence encoder copes with some of them, BM25 with none, so a misspelt product name used to find nothing.

* English: a word of 5+ letters that no product contains is matched against the catalog's words (the
  BM25 vocabulary, so stemmed the same way) by optimal-string-alignment distance (``rapidfuzz``:
  insertions, deletions, substitutions and swaps of neighbours): 1 edit for words of 5-7 letters, 2 from
  8 letters, never an edit that shortens the word by two. Shorter words and looser limits turned real
  words into others on the dev set ("pain" -> "pair", "working" -> "walking", "carpet" -> "casper").
  Candidates share the first letter (slips there are rare, and it keeps the comparison to a few hundred
  words); the most frequent of the closest wins.
* Chinese: every 2-4 character stretch of the query that is not a catalog word is read as toneless
  pinyin (``pypinyin``); a catalog word with the same reading that differs in exactly one character is
  added (a slip swaps one character for a homophone; "壁机" is not a slip for "笔记").

Corrections are *added* to the query (the original words stay), so a correct rare word costs nothing.
What a product *is* (its head noun, the words it must cover, the vector judging it: knowledge/search/ranking.py)
is read from the corrected text (``corrected``): "laptp for school" is about laptops, and measured with the
typed "laptp" (a word no product has) the purpose word "school" decided alone and found notebooks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = ["Speller", "corrected"]

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_HAN_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}$")


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def corrected(text: str, fixes: Mapping[str, str]) -> str:
    """``text`` with each misspelt word (a key of ``fixes``: a stemmed token or a Chinese stretch) replaced by
    the catalog word it was meant to be."""
    if not fixes:
        return text
    from knowledge.text.stemming import light_stem

    out = _LATIN_WORD.sub(lambda m: fixes.get(light_stem(m.group(0).lower()), m.group(0)), text)
    for typed, meant in fixes.items():
        if _HAN_RUN.fullmatch(typed):
            out = out.replace(typed, meant)
    return out


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text))


class Speller:
    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        """``vocabulary``: catalog word -> number of products containing it (BM25 document frequency)."""
        self._df = vocabulary
        buckets: dict[str, list[str]] = {}
        for word in sorted(vocabulary, key=lambda w: (-vocabulary[w], w)):
            if len(word) >= 3 and word.isascii() and word.isalpha():
                buckets.setdefault(word[0], []).append(word)
        self._latin = buckets
        self._sounds: dict[str, str] | None = None

    def _han_sounds(self) -> dict[str, str]:
        """Toneless pinyin -> the most frequent Chinese catalog word read that way (built on first use)."""
        if self._sounds is None:
            sounds: dict[str, str] = {}
            for word in sorted((w for w in self._df if _HAN_WORD.match(w)), key=lambda w: (-self._df[w], w)):
                sounds.setdefault(_pinyin(word), word)
            self._sounds = sounds
        return self._sounds

    def _latin_fix(self, word: str) -> str | None:
        if len(word) < 5 or not (word.isascii() and word.isalpha()) or self._df.get(word, 0) > 0:
            return None
        limit = 1 if len(word) <= 7 else 2
        choices = [w for w in self._latin.get(word[0], ()) if len(word) - 1 <= len(w) <= len(word) + limit]
        best = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=limit)
        return None if best is None else str(best[0])

    def corrections(self, tokens: list[str], text: str) -> list[str]:
        """Catalog words to add for the misspelt words of ``text`` (``tokens`` is its tokenisation)."""
        return list(dict.fromkeys(self.fixes(tokens, text).values()))

    def fixes(self, tokens: list[str], text: str) -> dict[str, str]:
        """Each misspelt word of ``text`` (a token, or a Chinese stretch) -> the catalog word meant."""
        out: dict[str, str] = {}
        for token in tokens:
            fixed = self._latin_fix(token)
            if fixed is not None and fixed not in tokens:
                out.setdefault(token, fixed)
        runs = _HAN_RUN.findall(text)
        if runs:
            from pypinyin import lazy_pinyin

            sounds = self._han_sounds()
            for run in runs:
                syllables = lazy_pinyin(run)
                if len(syllables) != len(run):
                    continue
                for size in (4, 3, 2):
                    for start in range(len(run) - size + 1):
                        piece = run[start:start + size]
                        if self._df.get(piece, 0) > 0:
                            continue
                        word = sounds.get(" ".join(syllables[start:start + size]))
                        if (word is not None and word not in tokens
                                and sum(a != b for a, b in zip(word, piece, strict=True)) == 1):
                            out.setdefault(piece, word)
        return out
