""" "买了", "就买这个", "I'll buy it" with a product in view and nothing in the cart: add that product.

WHY: the NLU reads such a message as checkout, and checkout with an empty cart answered "your cart is empty"
right after the shopper chose a laptop (walk6-zh). With a product in focus it is added (its option asked when
it has several); with several results on screen and none open, the shopper is asked which, one button each.
A message with a checkout word ("结账", "pay") or a cart that has something in it is left to checkout.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.adding import add_target
from bot.core.skills.shopping.buy_named import name_as_pronoun
from bot.core.skills.shopping.details import which_one
from bot.core.skills.shopping.targets import NoMatch, Unresolved, find_target
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import get_cart

__all__ = ["router", "buy_in_view", "says_buy"]

router = Router("shopping.buy_in_view")

# A short "buy it": a buying verb, at most pronouns and particles around it.
_BUY = re.compile(
    r"^(?:(?:好|行|那|嗯|ok|okay)[的吧,，\s]*)?(?:就|我|那就|那我)?(?:买|要|拿|下单|入手|拍)(?:了|它|这个|这款|这台|那个|"
    r"那款|吧|啦|一个|一台|个)*[!！。.~\s]*$|"
    r"^(?:ok(?:ay)?[,\s]+)?(?:i'?ll|i will|let me|gonna|i want to)\s+(?:buy|take|get|order)\s+(?:it|this|that|this one|"
    r"that one|one)[!.\s]*$|^buy (?:it|this|that)(?: one)?[!.\s]*$",
    re.IGNORECASE,
)


def says_buy(text: str) -> bool:
    return _BUY.search(text.strip()) is not None


@router.intent("buy_in_view")
async def buy_in_view(
    text: str,
    parse: ParseResult | None,
    services: Services,
    state: Conversation,
    t: Translator,
    lang: str,
    codec: CallbackCodec,
    user_id: int,
    now: datetime,
) -> list[Reply] | None:
    """Not an NLU intent: a follow-up the dispatcher offers with something on screen; None unless the message
    only says "buy it" (read as checkout) and the cart is empty."""
    if parse is None or parse.intent.name != "checkout":
        return None
    # "就要美的的吧": the name says which, and with a name it is no "check out" whatever the cart holds
    said = name_as_pronoun(text, parse)
    named = said is not None and says_buy(said)
    if not named and not says_buy(text):
        return None
    if not state.focus_sku and not state.last_results:
        return None
    if not named:
        async with services.uows.read() as uow:
            if not (await get_cart(uow, user_id, now)).is_empty:
                return None
    # the name's own value ("midea"): the words around it ("就要美的的吧") are no product's
    name = " ".join(str(e.value) for e in parse.entities if e.entity in ("brand", "product")) if named else ""
    try:
        target = await find_target(services, state, name or text, None if name else parse, lang,
                                   use_text=bool(name))
    except (NoMatch, Unresolved):
        target = None
    if target is None:
        return [await which_one(services, state, t, lang, codec, user_id, action="add")]
    return [await add_target(target, text, parse, services, state, t, lang, codec, user_id, now)]
