"""Words that carry no product meaning in shopping requests, in English and Chinese.

Kept short on purpose: BM25's IDF already discounts common words; these are the request words
("show me", "I want", "有没有") that would otherwise match descriptions like "we want you to ...".
"""

from __future__ import annotations

__all__ = ["STOPWORDS"]

_EN = """
a an the and or of in on at to for with by from is are be it this that these those my me i you your we
our some any please show find looking look want need buy get have has do does can could would like
something anything one
"""

_ZH = """
的 了 吗 呢 吧 啊 我 我们 你 你们 要 想 想要 买 有 有没有 没有 一个 一些 个 给 找 请
 帮 帮我 看看 看 和 与 或 是 在 什么 哪些 这个 那个
"""

STOPWORDS: frozenset[str] = frozenset(_EN.split()) | frozenset(_ZH.split())
