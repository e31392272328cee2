"""A price question naming something that no product on screen or in the catalogue is found to be: a search for it.

WHY: "how much is a kayak" got "I'm a shop assistant, so I can't help with that one" (read as off topic), "how much
are the sony wh-1000xm6" "did you mean a question or a search?" and "how much is the huawei mate 60" "Sorry, I
didn't catch that" (unsure): the named-product steps found no product holding the words, rightly, and nothing
else read the question. The shopper asked what a thing costs here; the honest answer is the search for it: the
product with its price when the shop has it (its card when its title holds every word: price_named.py), else the
search's own "We don't carry …" with the closest items (results.py, knowledge/search/kind_absent.py). Chinese
price frames ("X多少钱") are framed_product's.

Kept narrow: English price words ("how much", "price of", "cost"), not an amount of something ("how much storage"),
nothing about the shop (shipping, coupons, gift wrap: question_scope), the shopper or the bot ("my order", "do you
charge"), the product on screen ("it", "these", "the second one") or the cart ("the total"); at most six words
named, not a bare number; and the NLU read it as a question, off topic, details, a recommendation or nothing sure.
It comes after the steps that find a product on screen or in the catalogue by name.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.followups import asks_how_much_of
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import shop_wide
from bot.core.skills.shopping.named_words import price_subject
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "priced_subject"]

router = Router("shopping.price_search")

_PRICE = re.compile(r"\bhow much\b|\bwhat'?s the price\b|\bwhat is the price\b|\bprice of\b|\bcosts?\b",
                    re.IGNORECASE)
# Words that point at what is on screen, at the shopper or the shop, or at the cart: no product to search for.
_NOT_GOODS = re.compile(
    r"\b(?:it|its|this|that|these|those|them|they|both|all|each|first|second|third|fourth|last|other|another|"
    r"same|cheapest|i|me|my|mine|we|our|you|your|u|ur|total|subtotal|cart|everything|order|orders|tax|taxes|fee|"
    r"fees|membership|charge|charges|save|altogether|together)\b", re.IGNORECASE)
_READINGS = frozenset({"ask_question", "out_of_scope", "show_product_details", "recommend", "greet"})
_MAX_WORDS = 6


def priced_subject(text: str) -> str | None:
    """What an English price question asks the price of ("how much is a kayak" -> "kayak"), or None."""
    if not _PRICE.search(text) or asks_how_much_of(text) or shop_wide(text) or _NOT_GOODS.search(text):
        return None
    subject = price_subject(text)
    words = subject.split()
    if not words or len(words) > _MAX_WORDS or all(w.isdigit() for w in words):
        return None
    return subject


@router.intent("price_named_search")
async def price_named_search(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                             t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                             now: datetime) -> list[Reply] | None:
    """The named product's card, or the search for the words named; None for any other message."""
    from bot.core.skills.shopping.details import details_replies
    from bot.core.skills.shopping.price_named import priced_in_catalog
    from bot.core.skills.shopping.search import search_text

    if parse is None or services.search is None:
        return None
    if not (parse.is_fallback or parse.intent.name in _READINGS) or \
            any(parse.first(n) is not None for n in ("order_id", "coupon_code", "reference")):
        return None
    subject = priced_subject(text)
    if subject is None:
        return None
    product = await priced_in_catalog(services, text, lang, user_id)
    if product is not None:
        return await details_replies(product, services, state, t, lang, codec, user_id, now)
    return await search_text(subject, None, None, services, state, t, lang, codec, user_id, now)
