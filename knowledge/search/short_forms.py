"""Chinese short forms of a product kind: "跑鞋" for 跑步鞋 (running shoes), the first character of a word kept and
the rest dropped, as Chinese shoppers clip compounds.

WHY: jieba keeps "跑鞋" whole and cuts 跑步鞋 into 跑步 + 鞋, so BM25 had no word in common and the short form
reached the running shoes only through the sentence encoder (with rain boots and sneakers beside them). A query word
the catalog never uses is looked for in the catalog's Chinese names as its first character, one or two more, then
the rest of it (跑 + 步 + 鞋); the match counts only when its head is a word of its own (跑步) and the rest is the
word asked for (鞋), so 童鞋 does not become 童雨鞋. The full form's words are then searched too
(knowledge/search/ranking.py). Nothing is listed by hand: the catalog's own names decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from knowledge.text.tokenize import has_han, tokenize

__all__ = ["full_form"]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_ALL_HAN = re.compile(f"^[{_HAN}]+$")


def full_form(word: str, names: Iterable[str]) -> str | None:
    """The catalog's full form (in ``names``, its Chinese titles) of a Chinese short form ``word``, or None: the
    most frequent one when several occur."""
    if not 2 <= len(word) <= 4 or not has_han(word) or not _ALL_HAN.match(word):
        return None
    head, rest = word[0], word[1:]
    pattern = re.compile(f"{re.escape(head)}[{_HAN}]{{1,2}}{re.escape(rest)}")
    found = Counter(m.group(0) for name in names for m in pattern.finditer(name))
    for full, _ in found.most_common():
        # The head is a word of its own (jieba's first word of the full form): 跑步 in 跑步鞋, 运动 in 运动鞋.
        if tokenize(full)[:1] == [full[:len(full) - len(rest)]]:
            return full
    return None
