"""Saying how 元/块 in a budget were read, when the shop does not price in yuan.

WHY: the shop has one currency and no exchange rates, so "预算500元左右" or "300块以下" is read as 500/300 of the
shop's currency (docs/search.md "What 元 means"; ``price_currency`` in query.py) -- a decision kept on purpose.
But a shopper who meant renminbi would be misled silently: "$500" is about seven times "500元". So the reply
makes the reading visible ("按 $500.00 以内为您查找（本店以美元标价）。"). Only when the price was said with 元/块
(not an explicit ¥/RMB, which names another currency and is relaxed with its own note) and the shop's currency
is not CNY.
"""

from __future__ import annotations

import re

from bot.core.skills.shopping.query import price_currency, usable_entities
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["yuan_read_as_shop_currency", "reading_note"]

_YUAN = re.compile(r"元|块")


def yuan_read_as_shop_currency(parse: ParseResult | None, shop_currency: str) -> bool:
    """Whether a price in the message was said in 元/块 and read as the shop's (non-CNY) currency."""
    if parse is None or shop_currency.upper() == "CNY":
        return False
    for entity in usable_entities(parse.text, parse):
        if entity.entity in ("price_min", "price_max") and _YUAN.search(entity.surface(parse.text)) \
                and price_currency(parse.text, entity, shop_currency) == shop_currency:
            return True
    return False


def reading_note(budget: str, currency: str, t: Translator) -> str:
    """"Searching up to $500.00 (our prices are in US dollars)." in the shopper's language."""
    names = {"USD": t("US dollars"), "EUR": t("euros"), "GBP": t("British pounds")}
    return t("Searching {budget} — our prices are in {currency}.", budget=budget,
             currency=names.get(currency.upper(), currency.upper()))
