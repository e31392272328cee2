"""Answering: product and shop questions answered from the Q&A knowledge base, with where the answer came from.

A question about "this"/"it" is scoped to the product in focus (or the one the shopper referred to), so the
product's own Q&A and description are tried first. Below the Q&A threshold the bot says it does not know
and offers to post the question to the community group or staff (``bot.core.skills.community.answers``).

The ``ask_question`` intent, /ask and the "ask" pending step, which decide the product a question is about, are in
asking.py; the scoping rules both read are in question_scope.py. What stays here is the answer itself, for every
caller (the intent, a named product's question, a policy question, a ticket, a return).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, CallbackAnswer, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.community.common import esc
from bot.core.skills.community.fit_answers import asks_about_fit, fit_answer
from bot.core.skills.community.listing_answers import listing_reply
from bot.core.skills.community.question_scope import CJK, shop_wide
from bot.core.skills.community.shop_topics import shop_unknown
from bot.core.state import Conversation
from bot.i18n import Translator

__all__ = ["answer_question", "ask_about_shown", "source_line", "english_only_note", "shop_answer", "is_confident",
           "vote_button"]

# How far above the answer threshold a match must be before the bot stops hedging.
_CONFIDENT_MARGIN = 0.15


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

    if t.language != "zh" or not text or CJK.search(text):
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
    if answer.answered and t.language != "zh" and CJK.search(answer.answer or ""):
        # A product's own Chinese entry can outrank the English ones for an English question ("is it
        # waterproof?" got "不可以。它的防水等级是IPX2…"): an answer the shopper cannot read is no answer.
        answer = replace(answer, answer=None)
    if not answer.answered and answer.place_not_served is not None and answer.places_served:
        return [_not_served(answer.place_not_served, answer.places_served, t, codec, user_id)]  # "ship to moscow?"
    about_shop = bool(sku) and shop_wide(question)  # "do you do gift wrap?" with a product open: the shop's
    listed = await listing_reply(services, question, sku, answer, t, codec, user_id) \
        if sku and not about_shop else None
    if listed is not None:  # "is the 2nd one waterproof?": its IPX rating, not the closest sentence (listing_answers)
        return listed
    if sku and asks_about_fit(question) and not is_confident(services, answer):
        fit = await fit_answer(services, sku, t)  # "偏大还是偏小啊": its own sizing advice, not a hedged title line
        if fit is not None:
            from store.models.knowledge_base import AnswerSource

            return [Text(f"{fit}\n\n<i>{source_line(AnswerSource.PRODUCT_DESCRIPTION, t)}</i>")]
    if not answer.answered and about_shop:
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


def _not_served(place: int, served: str, t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    """"do you ship to russia?" where the shop's list of destinations lacks Russia: no, the list, and staff to ask."""
    from knowledge.qa.places import place_name

    name = place_name(place, chinese=t.language == "zh")
    return Text(t("Sorry, we don't ship to {place}.", place=esc(name)) + "\n\n" + esc(served),
                buttons=keyboard([_ask_buttons(t, codec, user_id)[1]]))


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


async def vote_button(payload: CallbackPayload, services: Services, t: Translator, user_id: int) -> list[Reply]:
    from store.knowledge_base import vote

    value = 1 if payload.arg(2) == "u" else -1
    async with services.uows() as uow:
        await vote(uow, payload.int_arg(1), user_id, value)
    return [CallbackAnswer(t("Thanks for the feedback!"))]
