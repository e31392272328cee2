"""Reviews: pick a delivered product you bought, rate it 1-5 with buttons, then write a few words (or skip).

Only buyers can review (the store checks a delivered order with the product); the product's rating is
recomputed from its reviews, and the first review of a product earns points.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.common import esc
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation, Pending
from bot.i18n import Translator

__all__ = ["router", "stars"]

router = Router("reviews")


def stars(rating: int) -> str:
    return "★" * rating + "☆" * (5 - rating)


@router.intent("leave_review")
async def leave_review_intent(services: Services, t: Translator, lang: str, user_id: int,
                              codec: CallbackCodec) -> Reply:
    from store.reviews.service import reviewable_products

    async with services.uows() as uow:
        products = await reviewable_products(uow, user_id)
    if not products:
        return Text(t("You can review products once they're delivered to you. I don't see a delivered order "
                      "yet — track yours with /orders."))
    rows = []
    for p in products:
        label = short_label(p.title_for(lang), 40) + (f" ({stars(p.rating)})" if p.rating else "")
        rows.append([Button(label, data=codec.encode(user_id, "rv", "p", p.product_id, p.order_id))])
    return Text(t("Which product would you like to review?"), buttons=keyboard(*rows))


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
