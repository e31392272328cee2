"""Q&A keyword tokens: the shared English/Chinese tokenizer minus question words.

Product search drops request words ("show me", "I want"); questions add their own filler ("how", "when
will", "怎么", "可以...吗") that every FAQ entry shares. Left in, "when will my parcel get here" matches
"when will it be back?" on BM25. Words that carry the question's meaning ("how long" = 多久, "how much" =
多少) stay.

A number inside a Chinese word splits it: "可以分12期吗" tokenised as 分 / 12 / 期 shares no word with "能分期付款吗"
(分期), and the encoder, reading 期 as in 过期, answered it with "积分会过期吗". The word the number sits in
(the character before it and the one after it, when they make a dictionary word: 分期) is added to the tokens.
A 不 that ends a question ("能分3期不", "能用不") asks, like 吗: as a word it matched the 不 of "积分不过期".
"""

from __future__ import annotations

import re

from knowledge.text import tokenize

__all__ = ["QUESTION_WORDS", "qa_tokenize", "words_around_numbers"]

_EN = """
how what when where which who whom whose why will shall should may might must am was were been being
did there here it's its i'm i've im ive us them they their he she his her him if so just about
"""
_ZH = """
怎么 怎样 如何 怎么办 为什么 可以 能 能不能 会 会不会 吗 呢 吧 哪 哪里 哪儿 请问 一下 谁
"""

QUESTION_WORDS: frozenset[str] = frozenset(_EN.split()) | frozenset(_ZH.split())

# A Han character, a number (digits or Chinese numerals, "12", "三", "几"), a Han character.
_AROUND_NUMBER = re.compile(r"([\u4e00-\u9fff])\s*(?:\d+|[一二三四五六七八九十两几]+)\s*([\u4e00-\u9fff])")
# How common a two-character word must be in jieba's dictionary to count (分期 302; rare entries such as
# 件套 3 are left out: "送2件套" is not about 送件).
_MIN_FREQ = 50


def words_around_numbers(text: str) -> list[str]:
    """The words a number splits in ``text`` ("分12期" -> 分期, "能分三期吗" -> 分期)."""
    from knowledge.text.tokenize import _jieba

    freq: dict[str, int] = _jieba().dt.FREQ  # type: ignore[attr-defined]
    found = []
    for m in _AROUND_NUMBER.finditer(text):
        word = m.group(1) + m.group(2)
        if freq.get(word, 0) >= _MIN_FREQ:
            found.append(word)
    return found


_ASKING_BU = re.compile(r"(?<=[\u4e00-\u9fff\d])不\s*[?？!！。~～]*\s*$")


def qa_tokenize(text: str) -> list[str]:
    text = _ASKING_BU.sub("吗", text)
    tokens = [t for t in tokenize(text) if t not in QUESTION_WORDS]
    return tokens + [w for w in words_around_numbers(text) if w not in QUESTION_WORDS]
