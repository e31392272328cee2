""""add another mug to that order", "put a second one in my order": an item asked into a placed order.

WHY: read as an add, it put a mug in the cart without a word about the order, and the shopper thought the order
would bring it. The shop's rule (the FAQ: "Orders can't be edited after checkout, so please place a second
order"; store.checkout changes no placed order's lines) is said, with the order's number, and the item is offered
for the cart: the order's own line that the message names ("another mug", or its only line), else the search.
"""

from __future__ import annotations

import html
import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.orders.lookup import find_order
from bot.core.skills.shopping.products import sku_code
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text import tokenize
from nlu.result import ParseResult
from store.orders.views import OrderLineView, OrderView

__all__ = ["router", "adds_to_order"]

router = Router("orders.order_add")

_ADD = re.compile(r"\b(?:add|put|include|throw|stick|get)\b|加|再来|再要|再买", re.I)
# "to that order", "in my order", "onto the same order", "to order SB10002", "加到刚才的订单", "订单里再加".
_TO_ORDER = re.compile(
    r"\b(?:to|in|into|onto|on|with)\s+(?:that|my|the|this|same|last|previous|existing|the\s+same|my\s+last)\s+"
    r"(?:\w+\s+)?order\b|\bto\s+(?:order\s+)?SB\d+|(?:加|放)(?:到|进|入)(?:那个|这个|刚才的|上一个|我的)?订单|订单里.{0,4}加",
    re.I)
_ANOTHER = re.compile(r"\b(?:another|one\s+more|a\s+second|an\s+extra|more)\b|再", re.I)


def adds_to_order(text: str) -> bool:
    """Whether the message asks for an item to be added to an order (not to the cart)."""
    return bool(_ADD.search(text) and _TO_ORDER.search(text))


def _line_meant(order: OrderView, text: str, parse: ParseResult | None) -> OrderLineView | None:
    """The order's line the message names (its product words in the line's title), or its only line for
    "another one"."""
    lines = [ln for ln in order.lines if not ln.is_digital and ln.variant_id is not None]
    said = [str(e.value) for e in parse.entities if e.entity == "product"] if parse is not None else []
    words = {w for s in said for w in tokenize(s)}
    named = [ln for ln in lines if words and words <= set(tokenize(ln.title))]
    if len(named) == 1:
        return named[0]
    return lines[0] if len(lines) == 1 and not words and _ANOTHER.search(text) else None


@router.intent("add_to_placed_order")
async def add_to_placed_order(text: str, services: Services, user_id: int, state: Conversation,
                              parse: ParseResult | None, t: Translator, codec: CallbackCodec) -> list[Reply] | None:
    """Not an NLU intent: offered with no checkout open; None unless the message asks to add to an order and the
    shopper has one it can mean."""
    if state.checkout or not adds_to_order(text):
        return None
    order, _ = await find_order(services, user_id, state, parse)
    if order is None:
        return None
    state.last_order = order.number
    line = _line_meant(order, text, parse)
    lead = t("Order {number} is already placed, and a placed order's items can't be changed.", number=order.number)
    if line is None:
        return [Text(lead + " " + t("Tell me what you'd like, and I'll put it in your cart for a new order."),
                     buttons=keyboard([Button(t("🔎 Search"), data=codec.encode(user_id, "menu", "search"))]))]
    assert line.variant_id is not None
    add = Button(t("🛒 Add to cart"), data=codec.encode(user_id, "add", sku_code(line.sku, line.variant_id), 1))
    offer = t("Shall I put another {title} in your cart for a new order?", title=html.escape(line.title))
    return [Text(lead + " " + offer, buttons=keyboard([add]))]
