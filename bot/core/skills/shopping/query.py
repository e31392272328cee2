"""From what the shopper said to a ``SearchQuery``: NLU entities become filters, sort words an order.

WHY the text is cleaned: price phrases ("under $50") and sort words ("cheapest") are instructions, not
product words, and would only add noise to keyword matching. Colour, brand and category words stay in the
text as well as in the filters: they also help ranking.

The query is kept in the conversation state (``last_query``/``last_filters``) so "next page" re-runs it.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from knowledge.search.filters import SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.sorting import SortOrder
from nlu.result import ParseResult

__all__ = ["sort_from_text", "filters_from_parse", "build_query", "save_query", "load_query", "PAGE_SIZE",
           "product_words"]

PAGE_SIZE = 4

_SORTS: tuple[tuple[re.Pattern[str], SortOrder], ...] = (
    (re.compile(r"\b(cheapest|lowest price[sd]?|low to high|least expensive|cheaper)\b|最便宜|最低价|价格最低|"
                r"从低到高|便宜的", re.I), SortOrder.PRICE_ASC),
    (re.compile(r"\b(most expensive|highest price[sd]?|high to low|priciest)\b|最贵|价格最高|从高到低", re.I),
     SortOrder.PRICE_DESC),
    (re.compile(r"\b(best|top|highest)[ -]rated\b|\bbest reviewed\b|评分最高|好评最多|口碑最好", re.I),
     SortOrder.RATING),
    (re.compile(r"\b(best[ -]?sell(ing|ers?)|most popular|popular|top sellers?)\b|销量最高|销量|最畅销|热销|"
                r"最受欢迎", re.I), SortOrder.SALES),
)


def sort_from_text(text: str) -> tuple[SortOrder, str]:
    """The order asked for and the text without the words that asked for it."""
    for pattern, order in _SORTS:
        if pattern.search(text):
            return order, " ".join(pattern.sub(" ", text).split())
    return SortOrder.RELEVANCE, text


# Words that only qualify a price ("under $50", "between 20 and 40", "300元以内") go with the price.
_PRICE_BEFORE = re.compile(r"(\b(under|below|less than|cheaper than|up to|within|max(imum)?|over|above|more than|"
                           r"at least|from|between|and|to|for)\s*|低于|不超过|高于|大于|在|到|至|-)\s*$", re.I)
_PRICE_AFTER = re.compile(r"^\s*(以内|以下|以上|之内|左右|or less|or more|max)")


def _strip_spans(text: str, parse: ParseResult | None, names: tuple[str, ...]) -> str:
    if parse is None or parse.text != text:
        return text
    spans = sorted(((e.start, e.end, e.entity) for e in parse.entities if e.entity in names), reverse=True)
    for start, end, entity in spans:
        if entity.startswith("price"):
            while (before := _PRICE_BEFORE.search(text[:start])) is not None and before.start() < start:
                start = before.start()
            if (after := _PRICE_AFTER.match(text[end:])) is not None:
                end += after.end()
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


# Asking words around the product words ("do you have ...?", "有没有...的", "帮我找..."): they are how the
# shopper asked, not what they want, so they leave the keyword text and the "results for X" line.
_ASKING_BEFORE = re.compile(
    r"^(?:(?:please|pls|can you|could you|hi|hey|hello)\s+)*(?:(?:show me|find me|find|search for|search|"
    r"look(?:ing)? for|i'?m looking for|i am looking for|i want|i need|i'?d like|i would like|do you have|"
    r"do you sell|have you got|got any|any|get me|give me)\s+)+(?:(?:some|any|a|an)\s+)?|"
    r"^(?:请|麻烦)?(?:(?:帮我|给我)?(?:找找|找一下|找一找|找|搜一下|搜索|看看|看一下)|有没有|有无|来个|来一个|来点|"
    r"我想要|我想买|我要买|我要|想要|想买)+(?:一个|个|一些|些|一点|点)?", re.I)
_ASKING_AFTER = re.compile(r"(?:[\s,，。.!！?？的吗呢啊吧呀]|\bplease\b)+$", re.I)
_LEADING_JUNK = re.compile(r"^[\s,，。.的]+")


def product_words(text: str) -> str:
    """The product words of a search message: "有没有无线耳机， 的" -> "无线耳机"."""
    cleaned = _ASKING_BEFORE.sub("", text.strip())
    cleaned = _LEADING_JUNK.sub("", _ASKING_AFTER.sub("", cleaned))
    return " ".join(cleaned.split()) or text.strip()


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def filters_from_parse(parse: ParseResult | None, default_currency: str) -> SearchFilters:
    if parse is None:
        return SearchFilters()

    def first(name: str) -> Any:
        entity = parse.first(name)
        return entity.value if entity is not None else None

    low, high = parse.first("price_min"), parse.first("price_max")
    currency = next((e.currency for e in (low, high) if e is not None and e.currency), None)
    lo = int(low.value) if low is not None and str(low.value).isdigit() else None
    hi = int(high.value) if high is not None and str(high.value).isdigit() else None
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    priced = lo is not None or hi is not None
    return SearchFilters(
        category=_text(first("category")), min_price_minor=lo, max_price_minor=hi,
        currency=(currency or default_currency) if priced else None, colour=_text(first("color")),
        size=_text(first("size")), brand=_text(first("brand")))


def build_query(text: str, parse: ParseResult | None, *, user_id: int, lang: str, currency: str,
                offset: int = 0, limit: int = PAGE_SIZE) -> SearchQuery:
    order, _ = sort_from_text(text)
    cleaned = _strip_spans(text, parse, ("price_min", "price_max", "quantity"))
    _, cleaned = sort_from_text(cleaned)
    cleaned = product_words(cleaned) if cleaned.strip() else cleaned
    return SearchQuery(text=cleaned[:1000], limit=limit, offset=offset, filters=filters_from_parse(parse, currency),
                       sort=order, user_id=user_id, language=lang)


def save_query(query: SearchQuery, exclude: int | None = None) -> dict[str, Any]:
    """The query as JSON for ``state.last_filters`` (text goes to ``state.last_query``)."""
    data: dict[str, Any] = {k: v for k, v in asdict(query.filters).items() if v not in (None, False)}
    data["sort"] = query.sort.value
    if exclude is not None:
        data["exclude"] = exclude
    return data


def load_query(text: str, saved: dict[str, Any], *, user_id: int, lang: str, offset: int,
               limit: int = PAGE_SIZE) -> SearchQuery:
    fields = {k: v for k, v in saved.items() if k in SearchFilters.__dataclass_fields__}
    try:
        filters = SearchFilters(**fields)
    except (TypeError, ValueError):
        filters = SearchFilters()
    try:
        order = SortOrder(saved.get("sort", "relevance"))
    except ValueError:
        order = SortOrder.RELEVANCE
    return SearchQuery(text=text[:1000], limit=limit, offset=offset, filters=filters, sort=order,
                       user_id=user_id, language=lang)
