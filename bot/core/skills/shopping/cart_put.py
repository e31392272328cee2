""""put the cheapest in my basket", "throw the cheapest one in my cart": an add, whatever the NLU read.

WHY: the model reads "cheapest" as a checkout word: "put the cheapest in my basket" was checkout (0.86: "Your cart is
empty, so there is nothing to check out"), "throw the cheapest one in my cart" an add below the threshold ("not sure
what you mean"). A verb of putting with "in/into my cart (basket, bag)" says the add in so many words; the add then
decides what is meant as for any add (the superlative of those shown, a reference, a name). Coupons and gift cards
put "in the cart" are theirs, and with nothing on screen or open the model's reading stands.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import IntentScore, ParseResult

__all__ = ["router", "put_in_cart", "puts_in_cart"]

router = Router("shopping.cart_put")

_PUT_IN_CART = re.compile(r"^(?:(?:ok(?:ay)?|pls|please|and|then|now|just)[,\s]+)*"
                          r"(?:put|throw|stick|pop|place|toss|add)\b.{1,60}?\b(?:in|into|to)\s+(?:my|the)\s+(?:shopping\s+)?(?:cart|basket|bag|trolley)\b",
                          re.IGNORECASE)
# Verbs of putting the rest of the add does not know: read as "put", padded so the entities keep their places
# ("throw" left in the words was taken for a product name, and "the cheapest one" was asked about).
_OTHER_VERB = re.compile(r"^((?:(?:ok(?:ay)?|pls|please|and|then|now|just)[,\s]+)*)(throw|stick|pop|place|toss)\b",
                         re.IGNORECASE)
_NOT_A_PRODUCT = re.compile(r"\b(?:coupon|code|voucher|promo|gift\s*card|order)\b", re.IGNORECASE)


def puts_in_cart(text: str) -> bool:
    """The message asks, in so many words, to put something in the cart ("put the cheapest in my basket")."""
    said = " ".join(text.split())
    return bool(_PUT_IN_CART.search(said)) and not _NOT_A_PRODUCT.search(said)


@router.intent("put_in_cart")
async def put_in_cart(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                      t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                      topic: str | None = None) -> list[Reply] | None:
    """Not an NLU intent: offered each message after the parse; the add's replies when the model read the
    request as something else or was unsure, else None."""
    if parse is None or (not parse.is_fallback and parse.intent.name == "add_to_cart"):
        return None
    if not (state.last_results or state.focus_sku) or not puts_in_cart(text):
        return None
    from bot.core.skills.shopping.adding import add_intent

    said = _OTHER_VERB.sub(lambda m: m.group(1) + "put".ljust(len(m.group(2))), text, count=1)
    as_add = replace(parse, text=said if parse.text == text else parse.text,
                     intent=IntentScore("add_to_cart", 1.0), is_fallback=False)
    added = await add_intent(said, as_add, services, state, t, lang, codec, user_id, now, topic)
    if added is None:
        return None
    return list(added) if isinstance(added, list) else [added]
