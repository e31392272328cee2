"""Sort words in a search message ("cheapest", "best rated", "从贵到便宜", "销量最高"): the order they ask for,
and the text without them.

WHY they leave the text: they are instructions, not product words; left in, "sort by cheapest" became keywords
the search matched titles on (and "high to low" left behind made a re-sort look like a new product).
"""

from __future__ import annotations

import re

from knowledge.search.sorting import SortOrder

__all__ = ["sort_from_text"]

_SORTS: tuple[tuple[re.Pattern[str], SortOrder], ...] = (
    # A direction said in full ("sort by price high to low", "price: low to high", "most expensive first") is
    # read before the single words below: "by price" alone means cheapest first, and it sorted "sort by price
    # high to low" ascending (and left "high to low" behind as product words, so the re-sort was refused).
    (re.compile(r"(?:\b(?:sort(?:ed)?|order(?:ed)?)\s+)?(?:\bby\s+)?(?:\bprices?\b[\s:,(-]*)?(?:\bfrom\s+)?"
                r"\b(?:high(?:est)?|expensive)\s*(?:to|-|->|>)\s*(?:low(?:est)?|cheap(?:est)?)\b|"
                r"\b(?:most\s+)?expensive\s+(?:ones?\s+)?first\b", re.I), SortOrder.PRICE_DESC),
    (re.compile(r"(?:\b(?:sort(?:ed)?|order(?:ed)?)\s+)?(?:\bby\s+)?(?:\bprices?\b[\s:,(-]*)?(?:\bfrom\s+)?"
                r"\b(?:low(?:est)?|cheap(?:est)?)\s*(?:to|-|->|>)\s*(?:high(?:est)?|expensive)\b|"
                r"\bcheap(?:est)?\s+(?:ones?\s+)?first\b", re.I), SortOrder.PRICE_ASC),
    # Most expensive first is asked with the cheap words too ("从贵到便宜", "sort by price high to low"), so it
    # is looked for before them: those messages were sorted cheapest first.
    (re.compile(r"\b(most expensive|highest price[sd]?|high(?:est)? to low(?:est)?|priciest|"
                r"(?:most )?expensive (?:ones )?first|pricier (?:ones )?first|descending)\b|最贵|价格最高|从高到低|"
                r"[从由]贵到(?:便宜|低|廉)?|贵的(?:排)?(?:在)?[前先](?:面)?|贵的放前面|由高到低", re.I),
     SortOrder.PRICE_DESC),
    # "cheap office chair": the shopper wants the cheapest products of that kind first (they did not give a
    # budget to filter by).
    (re.compile(r"\b(cheapest|lowest price[sd]?|low to high|least expensive|cheaper|cheap|inexpensive|affordable|"
                r"cheeper|cheper|chepaer|chaeper|cheapr|cheep|less expensive|lower priced?|"
                r"low[- ]cost|too (expensive|pricey|much)|(sort(ed)?|order(ed)?) by price|by price)\b|最便宜|最低价|"
                r"价格最低|从低到高|由低到高|从便宜到贵|便宜的|便宜点的|便宜点|便宜|实惠的|实惠|平价的|平价|太贵了|太贵|按价格排序|按价格",
                re.I), SortOrder.PRICE_ASC),
    (re.compile(r"\b(best|top|highest)[ -]rated\b|\bbest reviewed\b|\bby rating\b|评分最高|评分高|评分最好|"
                r"分数最?高|好评最多|好评多|好评率最?高|评价最好|评价最?高|口碑最好|口碑好|星级最?高", re.I),
     SortOrder.RATING),
    (re.compile(r"\b(best[ -]?sell(ing|ers?)|most popular|popular|top sellers?)\b|销量最高|销量|最畅销|热销|"
                r"最受欢迎|卖(?:的|得)?最好|最好卖|卖(?:的|得)最多|卖得好|买的人最多|最多人买", re.I), SortOrder.SALES),
)


# What leads an order word ("sort by cheapest", "sorted by most popular", "order them by rating"): it goes with
# the order word, or "wireless earbuds under 100 sort by cheapest" searched (and showed) "wireless earbuds sort by".
_SORT_LEAD = re.compile(r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?|list(?:ed)?)(?:\s+(?:them|it|these|those|results))?"
                        r"\s+by\s*$|\b(?:sort(?:ed)?|order(?:ed)?)\s*$", re.I)
# "sort by price" said around the direction ("sort by price high to low", "按价格从高到低"): part of the request.
_BY_PRICE = re.compile(r"\b(?:(?:sort(?:ed)?|order(?:ed)?)\s+)?by\s+price\b|按价格|按价钱", re.I)


def sort_from_text(text: str) -> tuple[SortOrder, str]:
    """The order asked for and the text without the words that asked for it."""
    for pattern, order in _SORTS:
        if pattern.search(text):
            parts = pattern.split(text)
            # (split keeps the pattern's groups: every match is followed by as many captures as it has)
            step = pattern.groups + 1
            pieces = [parts[i] for i in range(0, len(parts), step)]
            rest = " ".join(_SORT_LEAD.sub(" ", p) if i < len(pieces) - 1 else p for i, p in enumerate(pieces))
            if order in (SortOrder.PRICE_ASC, SortOrder.PRICE_DESC):
                rest = _BY_PRICE.sub(" ", rest)
            return order, " ".join(rest.split())
    return SortOrder.RELEVANCE, text
