"""Tokenise product text and queries for BM25 the same way, in English and Simplified Chinese.

Why a custom tokeniser instead of bm25s's: bm25s splits on ``\\w+`` which turns a Chinese sentence into
one giant token and a SKU like ``HK-MUG-001`` into three weak ones. Here:

* text is NFKC-normalised (full-width letters/digits become ASCII) and lower-cased;
* runs of Han characters go through jieba's search mode, which also emits the shorter words inside a
  long one (马克杯 -> 马克, 马克杯), so a query for the short word still matches;
* codes -- alphanumeric runs joined by ``-``, ``_``, ``/`` or ``.`` that contain a digit -- stay whole, so
  a shopper who types a SKU gets exactly that product; joined words without digits (``t-shirt``) yield
  the whole word and its parts;
* English words are lightly stemmed (plural -> singular) and request words are dropped.

jieba loads its dictionary on first use (about 0.4 s); callers that care warm it up in a start-up hook.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable

from knowledge.text.stemming import light_stem
from knowledge.text.stopwords import STOPWORDS

__all__ = ["tokenize", "tokenize_many", "warm_up", "is_code", "has_han"]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"(?P<han>[{_HAN}]+)|(?P<word>[a-z0-9]+(?:[-_/.][a-z0-9]+)*)")
_jieba_lock = threading.Lock()
_jieba_ready = False


def _jieba() -> object:
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba_ready = True
    return jieba


def warm_up() -> None:
    """Load jieba's dictionary, and its part-of-speech tags (which a Chinese search's kind check reads), now rather
    than on the first Chinese query: the tags alone took ~0.5 s of the first Chinese search after a start."""
    _jieba()
    import jieba.posseg as pseg

    pseg.lcut("热身")


_HAN_CHAR = re.compile(f"[{_HAN}]")


def has_han(text: str) -> bool:
    """Whether ``text`` contains a Chinese (Han) character."""
    return _HAN_CHAR.search(text) is not None


def is_code(token: str) -> bool:
    """A product code: joined alphanumerics with at least one digit (``hk-mug-001``, ``a1``)."""
    return any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


def _han_tokens(run: str) -> list[str]:
    jieba = _jieba()
    words: list[str] = jieba.lcut_for_search(run)  # type: ignore[attr-defined]
    return [w for w in words if w.strip() and w not in STOPWORDS]


def _word_tokens(word: str) -> list[str]:
    parts = re.split(r"[-_/.]", word)
    if len(parts) > 1:
        if any(c.isdigit() for c in word):
            return [word]
        return [word, *(light_stem(p) for p in parts if p and p not in STOPWORDS)]
    if word in STOPWORDS:
        return []
    return [light_stem(word)]


def tokenize(text: str) -> list[str]:
    """Tokens of one text, in order; empty for text with no searchable content."""
    norm = unicodedata.normalize("NFKC", text).lower()
    out: list[str] = []
    for match in _TOKEN.finditer(norm):
        han = match.group("han")
        if han is not None:
            out.extend(_han_tokens(han))
        else:
            out.extend(_word_tokens(match.group("word")))
    return out


def tokenize_many(texts: Iterable[str]) -> list[list[str]]:
    return [tokenize(t) for t in texts]
