"""Ordering the same again: "order the same again", "reorder SB10002", "再来一单一样的" put that order's items in
the cart, ready for checkout.

WHY: the NLU reads these as an add, and the add took whatever product was open (or last shown) — "再来一单一样的"
after browsing put a different item in the cart. The order meant is the typed number, else the one whose items
the message names, else the newest order; its items go in the cart at today's prices and stock, and the shopper
checks out as usual (nothing is bought without their checkout).
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.orders.into_cart import order_into_cart
from bot.core.skills.orders.lookup import recent_orders, typed_reference
from bot.core.skills.orders.named_items import orders_named
from bot.i18n import Translator
from nlu.result import ParseResult
from store.orders.views import OrderView, get_order

__all__ = ["asks_reorder", "reorder"]

_REORDER = re.compile(
    r"\b(?:re-?order|order (?:it|that|this|them|those|the same(?: thing| one)?) again|"
    r"(?:the )?same (?:order|thing|items?|stuff) (?:again|as (?:last time|before))|(?:the )?same again|"
    r"buy (?:it|that|them|those|the same(?: thing)?) again|same as (?:last time|before))\b|"
    r"再来一单|再来一份|再下一单|再买一(?:单|次|份)|一样的再(?:来|买|下)|同样的再(?:来|买|下)|照上次|和上次一样|跟上次一样|"
    r"复购|回购", re.IGNORECASE)


def asks_reorder(text: str) -> bool:
    """The message asks to order an earlier order's items again."""
    return bool(_REORDER.search(text))


async def reorder(text: str, parse: ParseResult | None, services: Services, user_id: int, t: Translator,
                  codec: CallbackCodec) -> list[Reply]:
    """The items of the order meant, in the cart (those no longer available are named)."""
    orders = await recent_orders(services, user_id, limit=20)
    ref = typed_reference(parse)
    order: OrderView | None
    if ref is not None:
        async with services.uows.read() as uow:
            order = await get_order(uow, ref, user_id=user_id)  # NotFound unless it is theirs
    else:
        named = await orders_named(services, orders, parse)
        pool = named or orders
        order = pool[0] if pool else None
    if order is None:
        return [Text(t("You have no earlier orders to order again. Tell me what you're looking for."))]
    return await order_into_cart(services, user_id, order, t, codec, lambda items: t(
        "From order {number}, now in your cart: {items}.", number=order.number, items=items))
