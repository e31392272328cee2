"""Questions about the cart's money, not about a product: "一共多少钱", "what's my total", "满50包邮吗",
"满多少包邮来着", "do i get free shipping", and "现在多少钱" while the cart holds something; and how much more
reaches the offer's next tier ("再满多少能减更多", offer_questions).

WHY a step before the intent: with a list on screen these read as a price or product question ("多少钱",
"包邮吗" about "it"), and the shopper got "您说的是哪一件？" with the product buttons, though nothing on screen
was meant. The answer is the cart's total and the free-shipping threshold with how far the cart is from it
(``store.shipping.options.RATES``: standard shipping is free from a merchandise total after discounts).
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cart import cart_reply
from bot.core.skills.shopping.offer_questions import asks_next_tier, offer_tier_note
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import get_cart
from store.money import Money
from store.shipping.options import RATES

__all__ = ["router", "cart_money_question", "asks_free_shipping", "asks_cart_total"]

router = Router("shopping.cart_questions")

_FREE_SHIPPING = re.compile(
    r"包邮|免运费|免邮|运费全免|\bfree (?:shipping|delivery)\b|\bship(?:ping|s)? (?:for )?free\b", re.IGNORECASE)
# The whole cart's price, whatever is on screen.
_TOTAL = re.compile(
    r"一共多少|总共多少|总共要|一共要|总价|合计多少|总计多少|加起来多少|算下来多少|"
    r"\b(?:what'?s|whats|what is) (?:my|the) (?:cart )?total\b|\bhow much (?:is it |does it come to |is that )?"
    r"(?:in total|altogether|all together|all in)\b|\bmy total\b", re.IGNORECASE)
# "现在多少钱", "how much now": the cart's total when the cart holds something, else a product's price.
_NOW = re.compile(r"^(?:那)?现在(?:是)?多少钱?[了呢啊吗？?]*$|^how much (?:is it )?now\??$", re.IGNORECASE)


def asks_free_shipping(text: str) -> bool:
    return bool(_FREE_SHIPPING.search(text))


def asks_cart_total(text: str) -> bool:
    return bool(_TOTAL.search(text))


def _names_product(parse: ParseResult | None, text: str) -> bool:
    return parse is not None and parse.text == text and any(
        e.entity in ("product", "brand", "category") or (e.entity == "reference" and e.ordinal is not None)
        for e in parse.entities)


def _threshold(currency: str) -> Money | None:
    rates = RATES.get(currency)
    return Money(rates.free_standard_from, currency) if rates is not None else None


@router.intent("cart_money_question")
async def cart_money_question(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                              t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                              now: datetime) -> list[Reply] | None:
    """Not an NLU intent: a step the dispatcher offers every message; None when the message is not about the
    cart's money. A message naming a product ("is the tent free shipping", "第二个一共多少钱") is left alone."""
    shipping, total, now_asked = asks_free_shipping(text), asks_cart_total(text), bool(_NOW.search(text.strip()))
    tier = asks_next_tier(text) and not shipping
    if not (shipping or total or now_asked or tier) or _names_product(parse, text):
        return None
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, now)
    if tier:  # "再满多少能减更多": the offer's next tier from the cart (offer_questions)
        note = await offer_tier_note(services, cart, t, now)
        if cart.is_empty:
            return [Text(note)]
        return [await cart_reply(services, t, lang, codec, user_id, now, note=note)]
    empty = cart.is_empty or cart.breakdown is None
    if now_asked and not (shipping or total) and empty:
        return None  # "现在多少钱" with nothing in the cart: the price of what is on screen
    currency = cart.breakdown.currency if cart.breakdown is not None else services.settings.currency
    threshold = _threshold(currency)
    notes: list[str] = []
    if shipping and threshold is not None:
        notes.append(t("Standard shipping is free on orders from {amount} (after discounts).",
                       amount=threshold.format()))
    if cart.breakdown is not None and not empty:
        b = cart.breakdown
        goods = b.total - b.shipping
        notes.append(t("Your cart comes to {total}.", total=b.total.format()))
        if threshold is not None and goods.amount >= threshold.amount:
            notes.append(t("It already ships free (standard shipping)."))
        elif threshold is not None:
            notes.append(t("Add {more} more for free standard shipping.", more=(threshold - goods).format()))
    elif total or not notes:
        notes.append(t("Your cart is empty."))
    note = ("" if lang == "zh" else " ").join(notes)
    if empty:
        return [Text(note)]
    return [await cart_reply(services, t, lang, codec, user_id, now, note=note)]
