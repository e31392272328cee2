"""Numbers written as digits, English words or Chinese numerals, and the quantities among them.

WHY rules: quantities are few and formulaic ("two hoodies", "a couple", "三个", "两双", "x3"); what matters is
telling them from sizes, prices, model numbers and units, which the context words do reliably.

Zero is a quantity only where a count is being set ("make it 0", "add 0 of these", "数量改成0"): the dialogue
answers it with "removed" or "how many?", so it must come out as 0, not be dropped. A long number in a count
frame ("add 10000 of it", "要10000个") is a quantity too: ``quantity_frames`` tells the extractor so, and an
order-number pattern that matched the same digits gives way.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

from nlu.constants import EntityName, Extractor
from nlu.entities.span import Span

__all__ = ["CN_NUMERAL", "EN_NUMBER", "find_quantities", "parse_cn_number", "parse_en_number", "quantity_frames"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_PHRASES = {"a pair": 1, "a couple": 2, "a couple of": 2, "a dozen": 12, "half a dozen": 6, "a single": 1}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
EN_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(k for k in _UNITS if 0 < _UNITS[k] < 10)})"
    rf"|{_WORD})(?:\s+hundred)?"
)
CN_NUMERAL = r"[零〇一二两三四五六七八九十百千万]+"
_CN_CLASSIFIERS = "个件双条盒包瓶袋份支罐箱打套台只本张杯把颗副顶对桶卷片枚台部"


def parse_en_number(text: str) -> int | None:
    """'two' -> 2, 'twenty-five' -> 25, 'three hundred' -> 300, '12' -> 12."""
    t = text.casefold().strip().replace("-", " ")
    if t in _PHRASES:
        return _PHRASES[t]
    if re.fullmatch(r"\d+", t):
        return int(t)
    total = 0
    for word in t.split():
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        else:
            return None
    return total


def parse_cn_number(text: str) -> Decimal | None:
    """'三' -> 3, '两百' -> 200, '一千二' -> 1200, '3千' -> 3000, '12' -> 12 (cn2an 'smart' mode)."""
    t = text.strip()
    if not t:
        return None
    try:
        return Decimal(str(cn2an.cn2an(t, "smart")))
    except (ValueError, KeyError, InvalidOperation, TypeError, IndexError):
        return None


_NOT_QTY_AFTER = (
    r"(?:inch(?:es)?|in\b|\"|cm|mm|m\b|km|kg|g\b|lbs?|oz|ml|l\b|gb|tb|mb|hz|w\b|v\b|mah|k\b|%|percent|"
    r"years?|yrs?|yo\b|months?|weeks?|days?|hours?|hrs?|min(?:ute)?s?|pm\b|am\b|st\b|nd\b|rd\b|th\b|stars?|"
    r"points?|dollars?|bucks|usd|eur|euros?|gbp|pounds?|yuan|rmb|cny|元|块|off\b|people|persons?|seater|"
    r"reviews?|minutes?|seconds?|digits?|times)"
)
_NOT_QTY_BEFORE = re.compile(
    r"(?:size|sz|#|order|no\.?|number|item|option|model|version|iphone|galaxy|pixel|series|gen|ps|"
    r"under|below|over|above|than|max|min|budget|around|about|within|between|and|to|from|up to|"
    r"\$|£|€|¥|page|step|day|top|level|vip|chapter|room|apt|unit|floor|suite|street|st|ave)\s*$",
    re.IGNORECASE,
)
# setting a count: "make it 3", "set the quantity to 0", "change the mugs to 2", "put the candles at 0", "qty: 4"
_SET_TO = (
    r"make (?:it|that|them)|(?:set|change|update|increase|reduce|put|bring)"
    r"(?:\s+(?:it|that|this|them|the\s+\w+(?:\s+\w+)?))?\s+(?:to|at)|quantity|qty|amount"
)
_TRIGGER_BEFORE = re.compile(
    rf"(?:add|put|buy|get|take|want|need|order|{_SET_TO}|x|just|only|another|i'?ll take)\s*[:=]?\s*$",
    re.IGNORECASE,
)
# a count being set or asked for: the only places where 0 is a quantity ("make it 0", "add 0 of these")
_SETTING_BEFORE = re.compile(rf"(?:add|put|buy|get|take|order|{_SET_TO})\s*[:=]?\s*$", re.IGNORECASE)
# what follows a number that counts things: "add 10000 of it", "buy 500 pcs", "order 20000 x"
_COUNTED_AFTER = re.compile(r"\s*(?:x\b|of\b|pcs\b|pieces?\b|units?\b|items?\b|more\b)", re.IGNORECASE)
_EN_QTY = re.compile(
    rf"(?<![\w$£€¥#.])(?P<num>\d{{1,6}}|{EN_NUMBER}|a pair|a couple|a dozen|half a dozen|a single)"
    rf"(?P<x>\s*x\b)?(?![\w.,]\d)",
    re.IGNORECASE,
)
_X_PREFIX = re.compile(r"(?<![\w])x\s?(?P<num>\d{1,3})\b", re.IGNORECASE)
_CN_VERB = r"(?:改成|改为|改到|换成|变成|设为|设成|数量|要|来|买|拿|加)"
_CN_QTY = re.compile(rf"(?<![\d.])(?P<num>\d{{1,6}}|{CN_NUMERAL})\s*(?P<cls>[{_CN_CLASSIFIERS}])(?!月)")
_CN_SET = re.compile(
    rf"(?:改成|改为|改到|换成|变成|设为|设成|数量|要|来|买)\s*(?P<num>\d{{1,3}}|{CN_NUMERAL})"
    rf"(?![\d{_CN_CLASSIFIERS}元块号码米])"
)
_CN_VERB_BEFORE = re.compile(rf"{_CN_VERB}\s*$")


# verbs that set a count; not "order", which names an order as often as it buys ("order 10042 of May")
_COUNT_VERB_BEFORE = re.compile(
    rf"(?:add|put|buy|get|take|want|need|{_SET_TO}|i'?ll take|another)\s*$",
    re.IGNORECASE,
)


def _en_frame(text: str, start: int, end: int) -> bool:
    """A count verb before and a counted thing after: "add 10000 of it", "buy 500 pcs"."""
    return bool(_COUNT_VERB_BEFORE.search(text[:start]) and _COUNTED_AFTER.match(text[end:]))


def quantity_frames(text: str) -> list[tuple[int, int]]:
    """Spans of digit runs that are counts by their frame, whatever their length ("add 10000 of it",
    "要10000个"): an order number needs an order cue ("order", "订单", "#", "SB") the frame lacks."""
    frames = [(m.start("num"), m.end("num")) for m in _EN_QTY.finditer(text)
              if m.group("num").isdigit() and _en_frame(text, m.start(), m.end())]
    frames += [(m.start("num"), m.end("num")) for m in _CN_QTY.finditer(text)
               if m.group("num").isdigit() and _CN_VERB_BEFORE.search(text[: m.start()])]
    return frames


def find_quantities(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _EN_QTY.finditer(text):
        raw = m.group("num")
        value = parse_en_number(raw)
        if value is None:
            continue
        before = text[: m.start()]
        after = text[m.end() :]
        if value == 0 and not _SETTING_BEFORE.search(before):
            continue  # "0 calories", "zero sugar": nothing is being counted
        if len(raw) > 3 and raw.isdigit() and not _en_frame(text, m.start(), m.end()):
            continue  # a long bare number is an id, a year or a price unless it sits in a count frame
        if _NOT_QTY_BEFORE.search(before) and not _TRIGGER_BEFORE.search(before):
            continue
        if m.group("x") is None and re.match(rf"\s*{_NOT_QTY_AFTER}", after, re.IGNORECASE):
            continue
        if raw.casefold() == "one" and not _TRIGGER_BEFORE.search(before):
            continue  # "that one", "the blue one" are references, not counts
        if raw.isdigit() and not (_TRIGGER_BEFORE.search(before) or m.group("x") or re.match(r"\s+[a-z]", after)):
            continue  # a bare number with nothing to count is more likely a size, id or price
        spans.append(Span(EntityName.QUANTITY, value, m.start(), m.end(), Extractor.NUMBER, 0.9))
    for m in _X_PREFIX.finditer(text):
        spans.append(Span(EntityName.QUANTITY, int(m.group("num")), m.start(), m.end(), Extractor.NUMBER, 0.9))
    for m in _CN_QTY.finditer(text):
        n = parse_cn_number(m.group("num"))
        if n is None or n < 0 or n != n.to_integral_value():
            continue
        if n == 0 and not _CN_VERB_BEFORE.search(text[: m.start()]):
            continue  # "0个" only counts where a quantity is being set ("改成0个", "要0件")
        count = int(n) * (12 if m.group("cls") == "打" else 1)
        spans.append(Span(EntityName.QUANTITY, count, m.start(), m.end(), Extractor.NUMBER, 0.9))
    for m in _CN_SET.finditer(text):
        n = parse_cn_number(m.group("num"))
        if n is not None and n >= 0 and n == n.to_integral_value():
            spans.append(Span(EntityName.QUANTITY, int(n), m.start("num"), m.end("num"), Extractor.NUMBER, 0.8))
    return spans
