"""The ``ask_question`` intent, /ask and the "ask" pending step: which product a question is about (the one
referred to, the one open, or "which one?" when several are shown), then the Q&A answer (questions.py).

WHY a module of its own: picking the product is the intent's policy (a price question gets the product's card,
"how much are the asics ones" that brand's products, "does it come with a charger?" under a list asks which one
first), while the answer itself is shared by many callers; kept apart, each reads on its own.
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import (
    SHOP_TOPIC,
    THIS,
    points_at_something,
    product_key,
    shop_wide,
)
from bot.core.skills.community.questions import answer_question
from bot.core.skills.community.shop_topics import same_for_every_product
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "ASK_KEEPS"]

router = Router("questions")

@router.intent("ask_question")
async def ask_intent(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                     codec: CallbackCodec, vector: Any, parse: ParseResult | None, lang: str) -> list[Reply]:
    from bot.core.followups import asks_how_much_of
    from bot.core.skills.community.reviews import reviews_question
    from bot.core.skills.shopping.aspects import aspect_asked
    from bot.core.skills.shopping.details import details_replies, which_one
    from bot.core.skills.shopping.named_words import ON_SALE, price_asked_of, price_subject
    from bot.core.skills.shopping.price_named import priced_in_catalog
    from bot.core.skills.shopping.products import product_named
    from bot.core.skills.shopping.which_shown import top_of_sorted

    reviews = await reviews_question(services, t, lang, user_id, codec, text, state, parse)
    if reviews is not None:  # "any reviews for this one?"
        return [reviews]
    if (_ASKS_PRICE.search(text) and not asks_how_much_of(text)) or ON_SALE.search(text):
        # "how much is the 3rd one", "第三个多少钱", "iPhone 15 多少钱" under the list, "is the vitamix on sale": its
        # card, which leads with the price (and the flash price)
        ref = parse.first("reference") if parse is not None else None
        key = ref.value if ref is not None and ref.resolved else \
            None if SHOP_TOPIC.search(text) else await price_asked_of(services, state, text)
        product = await product_named(services.uows, key) if key else None if SHOP_TOPIC.search(text) or (
            parse is not None and parse.first("brand")) else await priced_in_catalog(services, text, lang, user_id)
        if product is not None:
            return await details_replies(product, services, state, t, lang, codec, user_id, services.clock())
        named = price_subject(text) if key is None and parse is not None and parse.first("brand") else ""
        if named and services.search is not None and not SHOP_TOPIC.search(text):
            # "how much are the asics ones" with no ASICS on screen: that brand's products, not the one open's
            # "I don't know that about Nike Pegasus"
            from bot.core.skills.shopping.search import search_text

            return await search_text(named, None, None, services, state, t, lang, codec, user_id, services.clock())
    sku = product_key(text, state, parse)
    if sku is not None and sku != state.focus_sku and parse is not None and parse.first("reference") is not None:
        # "how big is the first one": that one is now the product talked about, so "is it dishwasher safe" next
        # is about it (it asked "which one do you mean?" with the list still on screen)
        state.focus_sku = sku
    if sku is None and state.focus_sku and (parse is None or parse.first("product") is None) \
            and not shop_wide(text):
        # A product is open and the question names none: it is about that one, pronoun or not ("可以机洗吗",
        # "一包多少片" under the diapers' card, "how long does the battery last"), even with the list it was
        # opened from still on screen (that asked "which one?"). Shop-wide answers stay allowed, other
        # products' entries do not. Questions about the shop itself (shipping, returns, paying) stay
        # shop-wide: scoped, a shopper's answer on the product ("my order to Toronto took 9 days") beat the
        # shipping FAQ.
        sku = state.focus_sku
    elif sku is None and points_at_something(text, parse):
        # "does it come with a charger?" with several products on screen and none opened: another product's
        # Q&A entry would answer for "it" (a laptop's charger for a toothbrush), so ask which one first.
        if len(state.last_results) == 1 or top_of_sorted(state, text):
            sku = state.last_results[0]  # the only one, or the first of a list just sorted ("这个" after 按价格排)
        elif state.last_results and not same_for_every_product(text):  # "shipping for this?": the shop's
            state.last_question = {"text": " ".join(text.split())[:1000], "sku": ""}
            return [await which_one(services, state, t, lang, codec, user_id, action="ask")]
        elif (THIS.search(text) or aspect_asked(text) is not None) and not shop_wide(text):
            # "防水吗", "is it durable?", nothing shown or open: which product ("…or when it ships?": the shop's)
            return [await which_one(services, state, t, lang, codec, user_id, action="ask")]
    return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                 vector=vector, sku=sku)


_ASKS_PRICE = re.compile(r"\bhow much\b|\bwhat'?s the price\b|\bprice of\b|\bhow much does\b|\bcost\b|多少钱|"
                         r"什么价|价格是|几块钱|多少米", re.IGNORECASE)


@router.command("ask")
async def ask_command(args: str, services: Services, state: Conversation, t: Translator, user_id: int,
                      codec: CallbackCodec) -> list[Reply]:
    if not args.strip():
        state.pending = Pending(kind="ask")
        return [Text(t("What would you like to know? Ask about a product or about our shop."))]
    return await answer_question(args, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                 sku=product_key(args, state, None))


# The shopper asked to ask: questions about paying, returns, points, data... are for the Q&A here, even when the
# NLU reads them as those intents; wanting the cart, an order's status, help or a person leaves the question.
ASK_KEEPS = ("ask_question", "pay", "return_or_refund", "cancel_order", "modify_order", "get_invoice", "privacy",
             "my_points", "join_group", "list_promotions", "subscribe", "manage_address")


@router.on_pending("ask", keeps=ASK_KEEPS)
async def ask_pending(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                      codec: CallbackCodec) -> list[Reply]:
    state.pending = None
    return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                 sku=product_key(text, state, None))
