"""What a digital product is delivered as, read from the catalog (category, tags, attributes).

WHY from the catalog: an imported shop marks products ``digital`` and nothing more, so the kind is decided
from what the catalog already says -- an e-book's category or tags, a gift card's tags and face value --
and anything else digital gets a unique redeem code, which every digital good can honour.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from store.models.digital import DigitalKind
from store.money import Money, MoneyError, parse_major

__all__ = ["classify", "face_value", "is_gift_card"]

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY"}
_VALUE = re.compile(r"^\s*(?:(?P<sym>[$€£¥])\s*(?P<a>\d[\d,]*(?:\.\d+)?)|(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<cur>[A-Z]{3})"
                    r"|(?P<cur2>[A-Z]{3})\s*(?P<c>\d[\d,]*(?:\.\d+)?))\s*$")


def face_value(raw: Any) -> Money | None:
    """"$25", "25 USD" or "USD 25" as money; None for anything else (no value is guessed)."""
    if not isinstance(raw, str) or (match := _VALUE.match(raw)) is None:
        return None
    if match["sym"]:
        currency, amount = _SYMBOLS[match["sym"]], match["a"]
    elif match["cur"]:
        currency, amount = match["cur"], match["b"]
    else:
        currency, amount = match["cur2"], match["c"]
    try:
        money = parse_major(amount, currency)
    except MoneyError:
        return None
    return money if money.amount > 0 else None


def _words(product_attributes: Mapping[str, Any], category_path: str | None) -> str:
    tags = product_attributes.get("tags")
    parts = [category_path or "", str(product_attributes.get("product_type") or "")]
    if isinstance(tags, list | tuple):
        parts += [str(t) for t in tags]
    return " ".join(parts).casefold()


def is_gift_card(product_attributes: Mapping[str, Any], category_path: str | None) -> bool:
    """A gift card of any kind (digital or printed, the shop's or a partner's), by its tags or category."""
    words = _words(product_attributes, category_path)
    return "gift-card" in words or "gift card" in words


def classify(product_attributes: Mapping[str, Any], variant_attributes: Mapping[str, Any],
             category_path: str | None) -> tuple[DigitalKind, Money | None]:
    """(kind, face value) of one digital variant; the value only for a gift card."""
    words = _words(product_attributes, category_path)
    if "ebook" in words or "e-book" in words:
        return DigitalKind.EBOOK, None
    if is_gift_card(product_attributes, category_path):
        value = face_value(variant_attributes.get("value")) or face_value(product_attributes.get("value"))
        if value is not None:
            return DigitalKind.GIFT_CARD, value
    return DigitalKind.CODE, None
