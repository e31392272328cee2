"""Which of the shopper's orders a message names by what is in them: "when will my headphones arrive",
"cancel the mug order", "保温杯还没到", "耳机想退".

WHY: order lookup knew only typed numbers, the order talked about last and the newest one, so "when will my
headphones arrive" showed the yoga mat ordered after them, and "return the shoes" could pick another order. An
order whose item titles (English as sold, or the Chinese display title) contain a product word of the message
is the one meant. Only a strict subset counts: words every order matches ("my order") name none.
"""

from __future__ import annotations

import re

from bot.core.services import Services
from nlu.result import ParseResult
from store.orders.views import OrderView

__all__ = ["orders_named", "english_words", "names_item"]

_WORD = re.compile(r"[a-z]{3,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words of post-purchase requests and of titles that say nothing about which item.
_STOP = frozenset({"the", "and", "for", "with", "from", "this", "that", "these", "those", "your", "you", "my", "our",
                   "order", "orders", "item", "items", "stuff", "thing", "things", "package", "parcel", "where",
                   "when", "will", "would", "arrive", "arrived", "arriving", "still", "not", "yet", "here", "there",
                   "track", "tracking", "cancel", "return", "refund", "want", "wanna", "need", "please", "can",
                   "could", "get", "got", "never", "received", "bought", "ordered", "purchase", "purchased", "set",
                   "pack", "last", "time", "again", "same", "new", "one", "ones", "what", "which", "how", "why",
                   "just", "did", "does", "have", "has", "had", "been", "was", "were", "are", "is", "its", "it's",
                   "status", "update", "about", "send", "sent", "back", "money"})


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def english_words(text: str) -> set[str]:
    """The message's (or a title's) content words, singular: "headphones" -> "headphone"."""
    return {_stem(w) for w in _WORD.findall(text.lower().replace("'s", "")) if w not in _STOP}


def names_item(term: str, title: str) -> bool:
    """A Chinese product word names a title when the title holds it or a two-character piece of it
    ("保温杯" -> "保温随行杯" by "保温"); "杯子" counts as "杯"."""
    term = term.strip().removesuffix("子")
    if not term:
        return False
    if term in title:
        return True
    return any(term[i:i + 2] in title for i in range(len(term) - 1))


def _cjk_terms(parse: ParseResult | None) -> list[str]:
    if parse is None:
        return []
    spans = (e.surface(parse.text) for e in parse.entities if e.entity in ("product", "category", "brand"))
    return [s for s in spans if _CJK.search(s)]


async def orders_named(services: Services, orders: list[OrderView], parse: ParseResult | None) -> list[OrderView]:
    """The orders (a strict subset of ``orders``) whose items the message names; [] when it names none."""
    if parse is None or len(orders) < 2:
        return []
    words = english_words(parse.text)
    terms = _cjk_terms(parse)
    if not words and not terms:
        return []
    zh: dict[int, str] = {}
    if terms:
        from bot.core.skills.checkout.titles import item_names

        zh = await item_names(services, (line.variant_id for o in orders for line in o.lines), "zh")

    def named(order: OrderView) -> bool:
        for line in order.lines:
            if words & english_words(line.title):
                return True
            title = zh.get(line.variant_id, "") if line.variant_id is not None else ""
            if title and any(names_item(term, title) for term in terms):
                return True
        return False

    found = [o for o in orders if named(o)]
    return found if len(found) < len(orders) else []
