""""给我看看T恤" read as view_cart: a product named and no cart said is a search, not the cart.

WHY: the model read "给我看看T恤" ("show me T-shirts") as view_cart (0.69) by its "给我看看", and the shopper got
"Your cart is empty" for a search. When the view_cart reading has a product entity and the message says nothing
of a cart ("购物车", "cart", "basket", "bag"), the product words are searched instead.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "product_not_cart"]

router = Router("shopping.cart_misread")

_CART = re.compile(r"\b(?:cart|basket|bag|trolley)\b|购物车|车里|购物袋|购物篮|我买的|加购的|已选", re.I)


@router.intent("product_not_cart")
async def product_not_cart(text: str, parse: ParseResult | None, vector: Any, services: Services,
                           state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                           now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered view_cart readings; None unless it names a product and no cart."""
    if parse is None or parse.intent.name != "view_cart" or parse.first("product") is None or _CART.search(text):
        return None
    from bot.core.skills.shopping.search import search_text

    return await search_text(text, parse, vector, services, state, t, lang, codec, user_id, now)
