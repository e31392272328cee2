"""Asking: product and shop questions answered from the Q&A knowledge base, with where the answer came from.

A question about "this"/"it" is scoped to the product in focus (or the one the shopper referred to), so the
product's own Q&A and description are tried first. Below the Q&A threshold the bot says it does not know
and offers to post the question to the community group or staff (``bot.core.skills.community.answers``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, CallbackAnswer, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.common import esc
from bot.core.skills.community.fit_answers import asks_about_fit, fit_answer
from bot.core.skills.community.listing_answers import listing_reply
from bot.core.skills.community.shop_topics import asks_about_shop, same_for_every_product, shop_unknown
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "answer_question", "ask_about_shown", "source_line", "product_key", "english_only_note",
           "shop_answer", "is_confident", "points_at_shown"]

router = Router("questions")

# "is it dishwasher safe?", "does this come in red?", "这个可以机洗吗"
_THIS = re.compile(r"\b(this|it|its|it's|this one|that one|that|they|them|these|those)\b|这个|这款|这件|这双|它|"
                   r"这些|那些", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# What the shop does rather than what a product is: such a question is not scoped to the product open.
_SHOP_TOPIC = re.compile(
    r"\b(ships?|shipp?(?:ing|in|ed)|deliv\w*|return|returns|refund|refunds|exchange|pay|payment|paying|"
    r"coupon|coupons|discount|order|orders|track|tracking|cancel|invoice|points|account|customs|duties|expedited?|"
    r"cash on delivery|cod|instal?ments?|store|pickup|pick up)\b|加急|运费|发货|快递|物流|配送|送到|退货|退款|"
    r"换货|付款|支付|优惠|订单|取消|发票|积分|账号|关税|货到付款|分期|自提|寄到|寄往|邮寄|寄回|发[往到]", re.IGNORECASE)
# How far above the answer threshold a match must be before the bot stops hedging.
_CONFIDENT_MARGIN = 0.15


def product_key(text: str, state: Conversation, parse: ParseResult | None) -> str | None:
    """The SKU the question is about: an explicit reference ("the second one") or the focus for "this/it"."""
    ref = parse.first("reference") if parse is not None else None
    if ref is not None and ref.resolved and isinstance(ref.value, str):
        return ref.value
    if state.focus_sku and _THIS.search(text):
        return state.focus_sku
    return None


def source_line(source: Any, t: Translator) -> str:
    from store.models.knowledge_base import AnswerSource

    lines = {
        AnswerSource.FAQ: t("From our FAQ"),
        AnswerSource.STAFF: t("Answered by staff"),
        AnswerSource.SHOPPER: t("From a shopper"),
        AnswerSource.PRODUCT_DESCRIPTION: t("From the product description"),
    }
    return lines.get(source, "")


def _ask_buttons(t: Translator, codec: CallbackCodec, user_id: int) -> tuple[Button, ...]:
    return (Button(t("Post to the community group"), data=codec.encode(user_id, "qa", "post", "g")),
            Button(t("Ask staff"), data=codec.encode(user_id, "qa", "post", "s")))


async def _ask(services: Services, question: str, sku: str | None, vector: Any) -> Any:
    from knowledge.qa.errors import UnknownProduct

    qa: Any = services.qa
    # The message vector is reusable only when Q&A embeds with the same model as the dispatcher.
    same_model = vector is not None and getattr(qa, "encoder", None) is services.encoder
    query_vector = vector if same_model else None
    try:
        return await qa.ask(question, product_external_id=sku, query_vector=query_vector)
    except UnknownProduct:  # the product in focus was removed: answer as a general question
        return await qa.ask(question, query_vector=query_vector)


async def shop_answer(services: Services, question: str, vector: Any = None) -> Any:
    """The knowledge base's answer to a question about the shop (no product scope), or None without Q&A."""
    if services.qa is None:
        return None
    return await _ask(services, " ".join(question.split())[:1000], None, vector)


def is_confident(services: Services, answer: Any) -> bool:
    """Answered well above the "don't know" threshold: the bot states it without hedging. A yes or no written
    for another question (``Answer.same_question``, knowledge/qa/verdict.py) never is: it is shown under that
    question ("I found a similar question, …"), and a policy question falls back to its action."""
    threshold = getattr(getattr(services.qa, "config", None), "threshold", 0.0)
    return bool(answer.answered) and answer.confidence >= threshold + _CONFIDENT_MARGIN \
        and getattr(answer, "same_question", True)


def english_only_note(text: str, source: Any, t: Translator) -> str | None:
    """For a Chinese shopper, what to say before an answer that exists only in English: the catalog's
    descriptions and many product entries have no Chinese text, and an unframed English reply reads as if
    the bot had misunderstood the language. Facts that have Chinese wording are served in Chinese already
    (``knowledge/qa/facts.py``)."""
    from store.models.knowledge_base import AnswerSource

    if t.language != "zh" or not text or _CJK.search(text):
        return None
    if source == AnswerSource.PRODUCT_DESCRIPTION:
        return t("The product details are only available in English:")
    return t("This answer is only available in English:")


async def _title_of(services: Services, ref: str, lang: str) -> str | None:
    from bot.core.skills.shopping.products import display_title, product_named

    product = await product_named(services.uows, ref)
    return display_title(product, lang) if product is not None else None


async def answer_question(question: str, *, services: Services, state: Conversation, t: Translator,
                          user_id: int, codec: CallbackCodec, vector: Any = None,
                          sku: str | None = None, answer: Any = None) -> list[Reply]:
    """``answer``: the knowledge base's answer when the caller already asked (policy_questions)."""
    question = " ".join(question.split())[:1000]
    state.last_question = {"text": question, "sku": sku or ""}
    if services.qa is None:
        return [Text(t("I can't look answers up right now, but a person can help with your question."),
                     buttons=keyboard([_ask_buttons(t, codec, user_id)[1]]))]
    if answer is None:
        answer = await _ask(services, question, sku, vector)
    if answer.answered and t.language != "zh" and _CJK.search(answer.answer or ""):
        # A product's own Chinese entry can outrank the English ones for an English question ("is it
        # waterproof?" got "不可以。它的防水等级是IPX2…"): an answer the shopper cannot read is no answer.
        answer = replace(answer, answer=None)
    shop_wide = bool(sku) and _shop_wide(question)  # "do you do gift wrap?" with a product open: the shop's
    listed = await listing_reply(services, question, sku, answer, t, codec, user_id) \
        if sku and not shop_wide else None
    if listed is not None:  # "is the 2nd one waterproof?": its IPX rating, not the closest sentence (listing_answers)
        return listed
    if sku and asks_about_fit(question) and not is_confident(services, answer):
        fit = await fit_answer(services, sku, t)  # "偏大还是偏小啊": its own sizing advice, not a hedged title line
        if fit is not None:
            from store.models.knowledge_base import AnswerSource

            return [Text(f"{fit}\n\n<i>{source_line(AnswerSource.PRODUCT_DESCRIPTION, t)}</i>")]
    if not answer.answered and shop_wide:
        return [shop_unknown(t, codec, user_id)]  # the shop has no answer, and the product is not asked about
    if not answer.answered:
        title = await _title_of(services, sku, t.language) if sku else None
        if title:  # name the product we looked at, so a wrong "this" is easy to spot
            lead = t("I don't know that about <b>{title}</b> yet.", title=esc(title))
            ask = t("Shall I ask our community or our staff? I'll message you here as soon as someone answers.")
            return [Text(lead + ("" if t.language == "zh" else " ") + ask,
                         buttons=keyboard(_ask_buttons(t, codec, user_id)))]
        return [Text(t("I don't know the answer to that yet. Shall I ask our community or our staff? "
                       "I'll message you here as soon as someone answers."),
                     buttons=keyboard(_ask_buttons(t, codec, user_id)))]
    confident = is_confident(services, answer)
    body = esc(answer.answer)
    english_only = english_only_note(answer.answer or "", answer.source, t)
    if english_only:
        body = f"{english_only}\n{body}"
    if not confident:
        lead = t("I think this answers it:")
        if answer.matched_question:
            lead = t("I found a similar question, \u201c{question}\u201d:", question=esc(answer.matched_question))
        body = f"{lead}\n{body}"
    text = f"{body}\n\n<i>{source_line(answer.source, t)}</i>"
    rows: list[list[Button]] = []
    if answer.answer_id is not None:
        rows.append([Button(t("👍 Helpful"), data=codec.encode(user_id, "qa", "v", answer.answer_id, "u")),
                     Button(t("👎 Not helpful"), data=codec.encode(user_id, "qa", "v", answer.answer_id, "d"))])
    if not confident:
        rows.append([_ask_buttons(t, codec, user_id)[1]])
    return [Text(text, buttons=keyboard(*rows))]


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
            None if _SHOP_TOPIC.search(text) else await price_asked_of(services, state, text)
        product = await product_named(services.uows, key) if key else None if _SHOP_TOPIC.search(text) or (
            parse is not None and parse.first("brand")) else await priced_in_catalog(services, text, lang, user_id)
        if product is not None:
            return await details_replies(product, services, state, t, lang, codec, user_id, services.clock())
        named = price_subject(text) if key is None and parse is not None and parse.first("brand") else ""
        if named and services.search is not None and not _SHOP_TOPIC.search(text):
            # "how much are the asics ones" with no ASICS on screen: that brand's products, not the one open's
            # "I don't know that about Nike Pegasus"
            from bot.core.skills.shopping.search import search_text

            return await search_text(named, None, None, services, state, t, lang, codec, user_id, services.clock())
    sku = product_key(text, state, parse)
    if sku is None and state.focus_sku and (parse is None or parse.first("product") is None) \
            and not _shop_wide(text):
        # A product is open and the question names none: it is about that one, pronoun or not ("可以机洗吗",
        # "一包多少片" under the diapers' card, "how long does the battery last"), even with the list it was
        # opened from still on screen (that asked "which one?"). Shop-wide answers stay allowed, other
        # products' entries do not. Questions about the shop itself (shipping, returns, paying) stay
        # shop-wide: scoped, a shopper's answer on the product ("my order to Toronto took 9 days") beat the
        # shipping FAQ.
        sku = state.focus_sku
    elif sku is None and _points_at_something(text, parse):
        # "does it come with a charger?" with several products on screen and none opened: another product's
        # Q&A entry would answer for "it" (a laptop's charger for a toothbrush), so ask which one first.
        if len(state.last_results) == 1 or top_of_sorted(state, text):
            sku = state.last_results[0]  # the only one, or the first of a list just sorted ("这个" after 按价格排)
        elif state.last_results and not same_for_every_product(text):  # "shipping for this?": the shop's
            state.last_question = {"text": " ".join(text.split())[:1000], "sku": ""}
            return [await which_one(services, state, t, lang, codec, user_id, action="ask")]
        elif (_THIS.search(text) or aspect_asked(text) is not None) and not _shop_wide(text):
            # "防水吗", "is it durable?", nothing shown or open: which product ("…or when it ships?": the shop's)
            return [await which_one(services, state, t, lang, codec, user_id, action="ask")]
    return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                 vector=vector, sku=sku)


_ASKS_PRICE = re.compile(r"\bhow much\b|\bwhat'?s the price\b|\bprice of\b|\bhow much does\b|\bcost\b|多少钱|"
                         r"什么价|价格是|几块钱|多少米", re.IGNORECASE)


def points_at_shown(text: str) -> bool:
    """"it", "this", "they", "这个", "它": the message is about something shown, not the shop."""
    return bool(_THIS.search(text))


def _points_at_something(text: str, parse: ParseResult | None) -> bool:
    """The question is about a product it does not name: "it", "this one", a reference nothing resolves, or a
    Chinese question that names nothing at all: Chinese drops the pronoun ("偏码吗", "有现货吗" got a coupon
    answer and the cash-on-delivery answer from the shop-wide entries)."""
    ref = parse.first("reference") if parse is not None else None
    if bool(_THIS.search(text)) or (ref is not None and not ref.resolved):
        return True
    names = parse is not None and any(parse.first(n) is not None for n in ("product", "brand", "category"))
    return bool(_CJK.search(text)) and not names and not _shop_wide(text)


def _shop_wide(text: str) -> bool:
    """Shipping, returns, paying... or a service of the shop (gift wrap, price match, 发票): not a product's."""
    return bool(_SHOP_TOPIC.search(text)) or asks_about_shop(text)


async def ask_about_shown(product_id: int, services: Services, state: Conversation, t: Translator, user_id: int,
                          codec: CallbackCodec) -> list[Reply]:
    """The shopper picked which product their last question was about (``which_one(action="ask")``)."""
    from store.catalog.queries import get_product
    from store.errors import NotFound

    question = (state.last_question or {}).get("text") or ""
    if not question:
        return [CallbackAnswer(t("This button has expired."), alert=True)]
    async with services.uows.read() as uow:
        try:
            product = await get_product(uow, product_id)
        except NotFound:
            return [CallbackAnswer(t("This product is no longer available."), alert=True)]
    state.focus_sku = product.external_id
    return [CallbackAnswer(), *await answer_question(question, services=services, state=state, t=t,
                                                     user_id=user_id, codec=codec, sku=product.external_id)]


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


async def vote_button(payload: CallbackPayload, services: Services, t: Translator, user_id: int) -> list[Reply]:
    from store.knowledge_base import vote

    value = 1 if payload.arg(2) == "u" else -1
    async with services.uows() as uow:
        await vote(uow, payload.int_arg(1), user_id, value)
    return [CallbackAnswer(t("Thanks for the feedback!"))]
