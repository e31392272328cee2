"""A Chinese question about a product's figure by its Latin abbreviation or unit: "spf多少", "这个防晒霜spf多少",
"这个多少GB", "多少mAh", "支持多少W快充", "防水ip几级".

WHY: the NLU has not learnt these abbreviations beside Chinese question words: "spf多少" with a sunscreen open was
read as my_points (0.69: the shopper got the points panel), "这个防晒霜spf多少" under the sunscreens was unsure
("search or question?"), "这个多少GB" under a phone was "I don't know that". Such a message is a question about
the product open, pointed at or named, and the question's own rules (community/asking.py ``ask_intent``) say
which: the one open, "which one?" with several shown, or the product it names.

Not such a question: a price ("32g内存多少钱"), or no Chinese question word ("spf50" is a search).
"""

from __future__ import annotations

import re

__all__ = ["asks_by_abbreviation"]

_UNIT = re.compile(r"(?<![a-z])(?:spf|pa\+{1,4}|mah|wh|gb|tb|mb|kw|w|v|hz|dpi|mp|ipx?\d{0,2}|db|lm|lumens?|"
                   r"ml|kg|g|mm|cm|oz)(?![a-z])", re.IGNORECASE)
_ASKING = re.compile(r"多少|多大|多高|多重|多长|多久|几|是啥|是什么|够不够|大不大|高不高")
_NOT_FIGURE = re.compile(r"钱|价|元|块|刀|美元|便宜|贵|\$|¥|￥|订单|购物车|积分|运费")


def asks_by_abbreviation(text: str) -> bool:
    """Whether ``text`` asks a product's figure by a Latin abbreviation ("spf多少", "这个多少GB")."""
    said = text.strip()
    return len(said) <= 30 and bool(_UNIT.search(said)) and bool(_ASKING.search(said)) \
        and not _NOT_FIGURE.search(said)
