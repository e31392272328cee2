"""Q&A keyword tokens: the shared English/Chinese tokenizer minus question words.

Product search drops request words ("show me", "I want"); questions add their own filler ("how", "when
will", "怎么", "可以...吗") that every FAQ entry shares. Left in, "when will my parcel get here" matches
"when will it be back?" on BM25. Words that carry the question's meaning ("how long" = 多久, "how much" =
多少) stay.
"""

from __future__ import annotations

from knowledge.text import tokenize

__all__ = ["QUESTION_WORDS", "qa_tokenize"]

_EN = """
how what when where which who whom whose why will shall should may might must am was were been being
did there here it's its i'm i've im ive us them they their he she his her him if so just about
"""
_ZH = """
怎么 怎样 如何 怎么办 为什么 可以 能 能不能 会 会不会 吗 呢 吧 哪 哪里 哪儿 请问 一下 谁
"""

QUESTION_WORDS: frozenset[str] = frozenset(_EN.split()) | frozenset(_ZH.split())


def qa_tokenize(text: str) -> list[str]:
    return [t for t in tokenize(text) if t not in QUESTION_WORDS]
