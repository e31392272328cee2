"""A short "buy it" that names the product instead of pointing at it: "就要美的的吧", "要索尼那个吧",
"ok i'll take the midea" (read as checkout).

WHY: ``buy_in_view`` knew "就买这个" but not the same words with a name in place of "这个": "就要美的的吧" with the
Midea rice cooker on screen went to checkout ("your cart is empty"). The name (a brand, a product, a reference the
NLU found) is put back as a pronoun and the rest must still be only a buying verb, so "就要美的的吧" counts and
"要美的的说明书吗" does not.
"""

from __future__ import annotations

import re

from nlu.result import ParseResult

__all__ = ["name_as_pronoun"]

_NAME_ENTITIES = ("brand", "product", "reference")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# What may follow a name and still belong to it: "美的的", "索尼那个", "the sony one".
_AFTER_NAME = re.compile(r"^(?:的|那个|那款|这个|这款|那台|这台|\s+one\b)?", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)


def name_as_pronoun(text: str, parse: ParseResult) -> str | None:
    """The message with each name in it read as "it" / "这个" ("就要这个吧"); None when it names nothing."""
    if parse.text != text:
        return None
    names = sorted((e for e in parse.entities if e.entity in _NAME_ENTITIES), key=lambda e: e.start, reverse=True)
    if not names:
        return None
    for e in names:
        head, tail = text[:e.start], text[e.end:]
        after = _AFTER_NAME.match(tail)
        tail = tail[after.end():] if after is not None else tail
        if _CJK.search(text[e.start:e.end]) or _CJK.search(head[-1:] + tail[:1]):
            text = head + "这个" + tail
        else:
            text = _THE_BEFORE.sub("", head) + "it" + tail
    return text
