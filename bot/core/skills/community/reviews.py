"""Reviews: pick a delivered product you bought, rate it 1-5 with buttons, then write a few words (or skip).

Only buyers can review (the store checks a delivered order with the product); the product's rating is
recomputed from its reviews, and the first review of a product earns points.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.common import esc
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "stars", "reviews_question"]

router = Router("reviews")


def stars(rating: int) -> str:
    return "★" * rating + "☆" * (5 - rating)


# Asking what others think ("any reviews for this one?", "这个评价怎么样", "how many stars does it have"), as opposed
# to wanting to write a review ("I want to leave a review").
_ASKS_REVIEWS = re.compile(
    r"\?|\b(any|what|how|are|is|do|does|show|see|read|check|people|others|customers)\b.*\b(reviews?|ratings?|"
    r"stars?|rated|say)\b|\b(reviews?|ratings?)\s+(of|for|on)\b|怎么样|好不好|好吗|如何|口碑|评分|几星|多少星|"
    r"大家|别人|买家|看看.*评|评价.*(怎|好|多)|好评率|"
    # "有差评吗", "有没有评价", "差评多不多", "买了的人都说啥"
    r"有(没有)?(什么|啥)?(差评|好评|评价|评论)|(差评|好评|评价|评论)(多|少|怎么说|说了?(什么|啥))|"
    r"都说(了)?(什么|啥)|怎么说的?$", re.IGNORECASE)
_REVIEW_WORDS = re.compile(r"\b(reviews?|ratings?|stars?|rated)\b|评价|评论|口碑|评分|好评|差评|几星|星级|"
                           r"(买|用)(了|过)的人|买家", re.IGNORECASE)
# Writing one ("写评价能送积分吗", "I want to leave a review"): not asking what others think.
_WRITES = re.compile(r"\b(write|leave|post)\b|写|留|发表|我要评|想评|我来评", re.IGNORECASE)


_ASKING_WORDS = re.compile(r"\b(any|what|how|are|is|do|does|show|see|read|check|people|others|customers|say|says|"
                           r"about|think|of|for|on|the|its|it|this|that|one|me|good|many|have|has)\b|大家|觉得|"
                           r"怎么样|好不好|好吗|如何|多少|几|看看|的|吗|呢|这个|那个|[?？!！,，.。]", re.IGNORECASE)


def asks_about_reviews(text: str) -> bool:
    return bool(_REVIEW_WORDS.search(text) and _ASKS_REVIEWS.search(text)) and not _WRITES.search(text)


async def reviews_reply(product_id: int, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                        user_id: int) -> Reply:
    """A product's rating and its latest reviews: what a shopper asking "any reviews?" wants to read."""
    from bot.core.skills.shopping.products import display_title
    from store.catalog.queries import get_product
    from store.reviews.service import product_reviews

    async with services.uows.read() as uow:
        product = await get_product(uow, product_id)
        latest = await product_reviews(uow, product_id, limit=3)
    title = esc(display_title(product, lang))
    lines = [f"<b>{title}</b>"]
    if product.rating is not None:
        lines.append(t("Rated ★ {rating} out of 5 · {sold} sold", rating=product.rating, sold=product.sales_count))
    for review in latest:
        words = f" — {esc(short_label(review.text, 200))}" if review.text else ""
        lines.append(f"{stars(review.rating)}{words}")
    if not latest:
        lines.append(t("No written reviews yet: buyers can review it once it's delivered."))
    buttons = keyboard([Button(t("ℹ️ Details"), data=codec.encode(user_id, "pd", product.id)),
                        Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id))])
    return Text("\n".join(lines), buttons=buttons)


@router.intent("reviews_question")
async def reviews_question(services: Services, t: Translator, lang: str, user_id: int, codec: CallbackCodec,
                           text: str, state: Conversation, parse: ParseResult | None) -> Reply | None:
    """Not an NLU intent (the dispatcher's follow-ups): "how many stars does it have?", "这个评价怎么样" about a
    product on screen, whatever intent the NLU guessed (a review to write, recommendations, nothing)."""
    if not asks_about_reviews(text):
        return None
    shown = await product_asked_about(services, state, text, parse, lang)
    if shown is None:
        if len(state.last_results) > 1 and not _names_product(text):
            # "有差评吗" with several shown and none open: which one (was "reviews once it's delivered")
            from bot.core.skills.shopping.details import which_one

            return await which_one(services, state, t, lang, codec, user_id)
        return None
    return await reviews_reply(shown, services, t, lang, codec, user_id)


def _names_product(text: str) -> bool:
    """Whether anything is left of a reviews question once its asking and review words are taken out."""
    left = _ASKING_WORDS.sub(" ", _REVIEW_WORDS.sub(" ", text))
    return bool(re.sub(r"[\W_]+|率|都|说|啥|什么|有|没有|多|少|不|怎么", "", left))


@router.intent("leave_review")
async def leave_review_intent(services: Services, t: Translator, lang: str, user_id: int,
                              codec: CallbackCodec, text: str, state: Conversation,
                              parse: ParseResult | None, topic: str | None = None) -> Reply:
    from bot.core.skills.community.review_start import (
        REVIEW_TOPIC,
        named_products,
        stars_question,
        typed_rating,
        with_rating,
    )
    from store.reviews.service import reviewable_products

    rating = typed_rating(text)
    if rating is not None and topic and topic.startswith(REVIEW_TOPIC):  # "5 stars" under "How many stars for X?"
        product_id, order_id = topic[len(REVIEW_TOPIC):].split(":")
        return with_rating(int(product_id), int(order_id), rating, state, t, codec, user_id)
    asked = await reviews_question(services, t, lang, user_id, codec, text, state, parse)
    if asked is not None:  # "any reviews for the bose?": reading reviews, not writing one
        return asked
    async with services.uows() as uow:
        products = await reviewable_products(uow, user_id)
    if not products:
        return Text(t("You can review products once they're delivered to you. I don't see a delivered order "
                      "yet — track yours with /orders."))
    named = named_products(products, text, parse)
    if len(named) == 1:  # "review the mug" / "给耳机打个分": that one's stars (or, stars given, the words)
        chosen = named[0]
        if rating is not None:
            return with_rating(chosen.product_id, chosen.order_id, rating, state, t, codec, user_id)
        return stars_question(chosen, lang, state, t, codec, user_id)
    rows = []
    for p in products:
        label = short_label(p.title_for(lang), 40) + (f" ({stars(p.rating)})" if p.rating else "")
        rows.append([Button(label, data=codec.encode(user_id, "rv", "p", p.product_id, p.order_id))])
    return Text(t("Which product would you like to review?"), buttons=keyboard(*rows))


async def product_asked_about(services: Services, state: Conversation, text: str, parse: ParseResult | None,
                               lang: str) -> int | None:
    """The product a reviews question is about: named, referred to, or in focus (None: no product meant)."""
    from bot.core.skills.shopping.targets import NoMatch, Unresolved, find_target

    try:
        # a reference or the product open first: the question's own words ("any reviews?") name no product
        target = await find_target(services, state, text, parse, lang, use_text=False)
        if target is None:  # "bose quietcomfort reviews": the words left once the asking is taken out
            if not _names_product(text):
                return None
            named = _ASKING_WORDS.sub(" ", _REVIEW_WORDS.sub(" ", text))
            target = await find_target(services, state, named, None, lang)
    except (Unresolved, NoMatch):
        return None
    if target is None:
        return None
    state.focus_sku = target.product.external_id  # "第一个评价怎么样" then "有差评吗": still that one
    return target.product.id


async def _title(services: Services, product_id: int, lang: str) -> str:
    from store.catalog.queries import get_product

    async with services.uows() as uow:
        product = await get_product(uow, product_id)
    return product.title_zh if lang == "zh" and product.title_zh else product.title


async def _save(services: Services, state: Conversation, t: Translator, lang: str, user_id: int, text: str,
                now: datetime) -> Reply:
    from store.reviews.errors import NotABuyer
    from store.reviews.service import leave_review

    data = state.pending.data if state.pending else {}
    state.pending = None
    if not data:
        return Text(t("This review has expired. Say \u201cwrite a review\u201d to start again."))
    product_id, rating = int(data["product"]), int(data["rating"])
    try:
        async with services.uows() as uow:
            review = await leave_review(uow, user_id, product_id, rating, text, now=now,
                                        order_id=int(data["order"]) if data.get("order") else None)
    except NotABuyer:
        return Text(t("Only shoppers who received this product can review it."))
    title = await _title(services, product_id, lang)
    reply = t("Thanks for reviewing {title}! {stars}", title=esc(title), stars=stars(review.rating))
    if review.points_awarded:
        reply += "\n" + t("You earned {points} points.", points=review.points_awarded)
    return Text(reply)


@router.button("rv")
async def review_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                        lang: str, user_id: int, codec: CallbackCodec, now: datetime) -> Reply:
    action = payload.arg(0)
    if action == "p":
        product_id, order_id = payload.int_arg(1), payload.int_arg(2)
        title = await _title(services, product_id, lang)
        buttons = [Button(f"{n}★", data=codec.encode(user_id, "rv", "s", product_id, order_id, n))
                   for n in range(1, 6)]
        state.topic = f"review:{product_id}:{order_id}"  # "4 stars" typed next answers it (review_start)
        return Text(t("How many stars for {title}?", title=esc(title)), buttons=keyboard(buttons))
    if action == "s":
        rating = payload.int_arg(3)
        if not 1 <= rating <= 5:
            return Text(t("This button has expired."))
        state.pending = Pending(kind="rv_text", data={"product": payload.int_arg(1), "order": payload.int_arg(2),
                                                      "rating": rating})
        return Text(t("{stars} — thank you! Now write a few words: what did you like, what could be better? "
                      "Or press Skip.", stars=stars(rating)),
                    buttons=keyboard([Button(t("Skip"), data=codec.encode(user_id, "rv", "k"))]))
    if action == "k" and state.pending is not None and state.pending.kind == "rv_text":
        return await _save(services, state, t, lang, user_id, "", now)
    return Text(t("This button has expired."))


# A review is prose ("terrible, broke in a week", "returned it, awful"): only a short, clearly navigational
# message leaves it, and the review is dropped (the star buttons above still work to start again).
@router.on_pending("rv_text", keeps=("leave_review", "return_or_refund"), prose=True)
async def review_text(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                      user_id: int, now: datetime) -> Reply:
    return await _save(services, state, t, lang, user_id, text, now)
