"""Order numbers and coupon codes: the training data's regexes plus built-in defaults.

Order numbers look like "10042", "#10042", "SB10042" (value normalised to upper case without '#');
coupon codes are upper-case tokens with a digit or a dash ("SAVE10", "VIP-2026") or shown after the word
coupon/code/promo ("use code freeship").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlu.constants import EntityName, Extractor
from nlu.entities.span import Span

__all__ = ["IdentifierFinder", "US_STATES"]

# 5-8 digits, "#" or "SB" in front; bounded by non-Latin characters so "订单10042" counts, but not an amount or a
# count ("10000元", "20000毫安", "10000个")
_ORDER_DEFAULT = (
    r"#?(?<![A-Za-z0-9])(?:[Ss][Bb])?\d{5,8}(?![0-9]|[.,]\d)"
    r"(?!\s*(?:元|块|美元|人民币|[Rr][Mm][Bb]|[Cc][Nn][Yy]|[Uu][Ss][Dd]|%|万|千|个|件|台|瓶|箱|盒|双|条|次|米|克|毫安|"
    r"[Mm][Aa][Hh]|[Mm][Ll]|[Kk][Gg]|[Kk][Mm]))"
)
_COUPON_DEFAULT = (
    r"\b(?=[A-Z0-9]{4,16}\b)[A-Z]{2,12}\d{1,4}\b",
    r"\b[A-Z]{2,10}-(?=[A-Z]*\d)[A-Z0-9]{2,8}(?:-[A-Z0-9]{2,8})*\b",
)
_COUPON_CUE = re.compile(
    r"(?:coupon|code|promo(?:\s*code)?|voucher|discount code|apply|use|redeem|enter|优惠码|优惠券|折扣码|券码|用)"
    r"\s*[:：]?\s*"
    r"(?P<code>[A-Za-z][A-Za-z0-9-]{2,20})\b",
    re.IGNORECASE,
)
# A bare number right after a US state code or a postcode word is a ZIP code, not an order: "change the address
# to 90 Lake Ave, Bellevue WA 98004" looked up order 98004.
US_STATES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
})
_STATE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(US_STATES))})[,.]?\s*$")  # capitals only: "is 10042" is an order
_POSTCODE_WORD_BEFORE = re.compile(
    r"(?:\bzip(?:\s*code)?|\bpost(?:al)?\s*code|邮编|邮政编码)\s*(?:is|是)?\s*[:：]?\s*$", re.I)
_NOT_CODES = frozenset({"is", "the", "for", "and", "not", "please", "pls", "doesn", "isn", "won", "didn", "here"})


class IdentifierFinder:
    def __init__(self, order_patterns: Iterable[str] = (), coupon_patterns: Iterable[str] = ()) -> None:
        # ASCII: a code or order number written against Chinese ("VIP-2026也一起用", "SB10001的物流") still ends
        # at a word boundary; with Unicode word characters "6也" was one word and the code was never found.
        self._order = [re.compile(p, re.ASCII) for p in ([*order_patterns] or [_ORDER_DEFAULT])]
        self._coupon = [re.compile(p, re.ASCII) for p in ([*coupon_patterns] or list(_COUPON_DEFAULT))]

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for pattern in self._order:
            for m in pattern.finditer(text):
                value = m.group(0).lstrip("#").upper()
                if value.isdigit() and not m.group(0).startswith("#") and _is_postcode(text[:m.start()]):
                    continue
                spans.append(Span(EntityName.ORDER_ID, value, m.start(), m.end(), Extractor.REGEX, 1.0))
        for pattern in self._coupon:
            for m in pattern.finditer(text):
                spans.append(Span(EntityName.COUPON_CODE, m.group(0), m.start(), m.end(), Extractor.REGEX, 0.95))
        for m in _COUPON_CUE.finditer(text):
            code = m.group("code")
            if code.casefold() in _NOT_CODES or not (any(c.isdigit() for c in code) or code.isupper()):
                continue  # "coupon expired" is not a code; "code save10" and "code FREESHIP" are
            spans.append(
                Span(EntityName.COUPON_CODE, code.upper(), m.start("code"), m.end("code"), Extractor.REGEX, 0.8)
            )
        return spans


# A street and a city just before the number: "change the address to 55 Oak Ave Seattle 98109".
_STREET_BEFORE = re.compile(
    r"\b\d+[A-Za-z]?\s+(?:[A-Za-z.'-]+\s+){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|"
    r"Way|Ct|Court|Pl|Place|Pkwy|Hwy)\b\.?,?(?:\s+(?:Apt|Suite|Unit|#)\.?\s*#?\w+,?)?"
    r"(?:\s+[A-Za-z][A-Za-z .'-]*)?,?\s*$",
    re.IGNORECASE)


def _is_postcode(before: str) -> bool:
    """Whether the words just before a bare number make it a postcode: a US state code in capitals ("WA"),
    "zip" / "postcode" / 邮编, or a street address."""
    tail = before[-24:]
    return bool(_STATE_BEFORE.search(tail) or _POSTCODE_WORD_BEFORE.search(tail)
                or _STREET_BEFORE.search(before[-80:]))
