"""Prices in a request -> ``price_min`` / ``price_max`` in integer minor units plus a currency guess.

Handles "under $50", "cheaper than 30", "50 bucks", "between 20 and 40", "$20-$40", "100+", "over 1k",
"100到200元", "300以内", "两百块以下", "不超过500". WHY minor units: money is never a float in shopbot.
The currency is the explicit one ($ £ € ¥ 元 块 bucks...) or, for a bare number, the dialogue's currency
(``DialogueContext.currency``), else CNY for Chinese messages and USD for English ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from nlu.constants import EntityName, Extractor
from nlu.entities.numbers import CN_NUMERAL, EN_NUMBER, parse_cn_number, parse_en_number
from nlu.entities.span import Span

__all__ = ["CURRENCY_EXPONENT", "find_prices", "to_minor"]

CURRENCY_EXPONENT = {"USD": 2, "CNY": 2, "EUR": 2, "GBP": 2, "JPY": 0, "XTR": 0}
_PREFIX_SYMBOL = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY", "rmb": "CNY"}
_SUFFIX_WORD = {
    "dollars": "USD",
    "dollar": "USD",
    "bucks": "USD",
    "buck": "USD",
    "usd": "USD",
    "$": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "pounds": "GBP",
    "quid": "GBP",
    "gbp": "GBP",
    "yuan": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "元": "CNY",
    "块钱": "CNY",
    "块": "CNY",
    "元钱": "CNY",
    "stars": "XTR",
    "star": "XTR",
    "美元": "USD",
    "美金": "USD",
    "刀": "USD",  # slang for dollars: "50刀以下"
}

_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d{{1,2}})?(?:\s?[kK](?![a-zA-Z]))?|{CN_NUMERAL}|{EN_NUMBER}"
_PRE = r"(?P<pre>us\$|\$|£|€|¥|￥|rmb\s?)?"
_SUF = (r"(?:\s?(?P<suf>块钱|元钱|美元|美金|dollars?|bucks?|usd|euros?|eur|pounds|quid|gbp|yuan|rmb|cny|stars?|"
        r"元|块|刀|\$|€))?")
_AMOUNT = rf"{_PRE}(?P<num>{_NUM}){_SUF}"


def _amount(name: str) -> str:
    return (
        _AMOUNT.replace("?P<pre>", f"?P<{name}_pre>")
        .replace("?P<num>", f"?P<{name}_num>")
        .replace("?P<suf>", f"?P<{name}_suf>")
    )


_MAX_BEFORE = (
    # "don't want to spend more than 80": a ceiling, though "more than" alone is a floor (leftmost match wins)
    r"(?:don'?t|do not|not|never|won'?t|can'?t|cannot)\s+(?:want\s+to\s+|wanna\s+|going\s+to\s+)?"
    r"(?:spend|pay)\s+(?:more than|over|above)|"
    # "nothing over $80", "none above 50": a ceiling said as what not to show ("over" alone is a floor)
    r"(?:nothing|none|no\s+more|not\s+anything)\s+(?:priced\s+|costing\s+)?(?:over|above|more than)|"
    r"under|below|less than|cheaper than|lower than|no more than|not more than|not over|max(?:imum)?|up to|"
    r"at most|within|budget(?: is| of)?(?: around| about| roughly| approximately| ~)?|no higher than|<=?|低于|"
    r"少于|不超过|不高于|不到|最多|预算|便宜于|小于"
)
_NOTHING_OVER = re.compile(r"(?:nothing|none|no\s+more|not\s+anything)\s", re.IGNORECASE)
_MIN_BEFORE = (
    r"over|above|more than|at least|min(?:imum)?|starting at|from|higher than|>=?|高于|超过|至少|多于|大于|不低于"
)
_MAX_AFTER = r"or less|or under|or below|or cheaper|max|tops|以内|以下|之内|内|左右以内|封顶"
_MIN_AFTER = r"or more|or above|or over|\+|以上|起|往上|起步"

_RANGE = re.compile(
    rf"(?:between\s+|from\s+|在|价格|价位)?{_amount('a')}\s*(?:-|–|~|to|and|到|至|和)\s*{_amount('b')}"
    r"(?:\s*(?:之间|以内|范围))?",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(rf"(?P<kw>{_MAX_BEFORE}|{_MIN_BEFORE})\s*{_amount('a')}", re.IGNORECASE)
_BOUND_AFTER = re.compile(rf"{_amount('a')}\s*(?P<kw>{_MAX_AFTER}|{_MIN_AFTER})", re.IGNORECASE)
_BARE = re.compile(_amount("a"), re.IGNORECASE)
_NOT_MONEY_AFTER = re.compile(
    r"\s*(?:inch|in\b|cm|mm|kg|g\b|gb|tb|w\b|mah|hz|years?|months?|days?|hours?|items?|pieces?|pcs|people|"
    r"reviews?|%|percent|个|件|双|岁|米|码|号|天|小时|分钟|斤|克|寸)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Money:
    amount: Decimal
    currency: str
    explicit: bool

    @property
    def minor(self) -> int:
        return to_minor(self.amount, self.currency)


def to_minor(amount: Decimal, currency: str) -> int:
    exponent = CURRENCY_EXPONENT.get(currency, 2)
    return int((amount * (Decimal(10) ** exponent)).to_integral_value())


def _parse_amount(raw: str) -> Decimal | None:
    t = raw.strip().replace(",", "")
    multiplier = Decimal(1)
    if t[-1:] in ("k", "K") and re.match(r"[\d.]", t):
        multiplier, t = Decimal(1000), t[:-1].strip()
    try:
        return Decimal(t) * multiplier
    except InvalidOperation:
        pass
    if re.fullmatch(CN_NUMERAL, t):
        return parse_cn_number(t)
    value = parse_en_number(t)
    return Decimal(value) if value is not None else None


def _money(m: re.Match[str], name: str, default_currency: str) -> _Money | None:
    amount = _parse_amount(m.group(f"{name}_num"))
    if amount is None or amount <= 0:
        return None
    pre = (m.group(f"{name}_pre") or "").strip().casefold()
    suf = (m.group(f"{name}_suf") or "").strip().casefold()
    currency = _PREFIX_SYMBOL.get(pre) or _SUFFIX_WORD.get(suf)
    return _Money(amount, currency or default_currency, bool(currency))


def _is_max(keyword: str) -> bool:
    return re.fullmatch(rf"(?:{_MAX_BEFORE}|{_MAX_AFTER})", keyword.strip(), re.IGNORECASE) is not None


def find_prices(text: str, default_currency: str) -> list[Span]:
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _RANGE.finditer(text):
        lo, hi = _money(m, "a", default_currency), _money(m, "b", default_currency)
        if lo is None or hi is None or not (lo.explicit or hi.explicit or _has_price_cue(text)):
            continue
        currency = hi.currency if hi.explicit else lo.currency
        lo_minor, hi_minor = to_minor(lo.amount, currency), to_minor(hi.amount, currency)
        if lo_minor > hi_minor:
            continue
        a_start, a_end = _amount_span(m, "a")
        b_start, b_end = _amount_span(m, "b")
        spans.append(Span(EntityName.PRICE_MIN, lo_minor, a_start, a_end, Extractor.MONEY, 0.95, currency))
        spans.append(Span(EntityName.PRICE_MAX, hi_minor, b_start, b_end, Extractor.MONEY, 0.95, currency))
        taken.append((m.start(), m.end()))
    for pattern in (_BOUND_BEFORE, _BOUND_AFTER):
        for m in pattern.finditer(text):
            start, end = _amount_span(m, "a")
            if not free(start, end):
                continue
            money = _money(m, "a", default_currency)
            if money is None or (not money.explicit and _NOT_MONEY_AFTER.match(text[end:])):
                continue
            entity = EntityName.PRICE_MAX if _is_max(m.group("kw")) else EntityName.PRICE_MIN
            if _NOTHING_OVER.match(m.group("kw")):
                start = m.start("kw")  # the span holds "nothing": no brand "Nothing" to search for as well
            spans.append(Span(entity, money.minor, start, end, Extractor.MONEY, 0.9, money.currency))
            taken.append((start, end))
    for m in _BARE.finditer(text):
        start, end = _amount_span(m, "a")
        if not free(start, end):
            continue
        money = _money(m, "a", default_currency)
        if money is not None and money.explicit:  # "50 bucks headphones": a budget
            spans.append(Span(EntityName.PRICE_MAX, money.minor, start, end, Extractor.MONEY, 0.6, money.currency))
            taken.append((start, end))
    return spans


def _amount_span(m: re.Match[str], name: str) -> tuple[int, int]:
    start = m.start(f"{name}_pre") if m.group(f"{name}_pre") else m.start(f"{name}_num")
    end = m.end(f"{name}_suf") if m.group(f"{name}_suf") else m.end(f"{name}_num")
    return start, end


_PRICE_CUE = re.compile(r"between|price|budget|cost|\$|£|€|¥|元|块|价|预算|dollars|bucks|usd|rmb", re.IGNORECASE)


def _has_price_cue(text: str) -> bool:
    return _PRICE_CUE.search(text) is not None
