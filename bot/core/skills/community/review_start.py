"""Starting a review from what the shopper typed: the item they name ("review the mug", "给耳机打个分") and the
stars they give ("5 stars, love it", "五星 音质很好", "打4分").

WHY: "I want to review the mug" asked "Which product would you like to review?" with the mug and the shoes as
buttons, and "5 stars, love it" right after asked the same again: the name and the rating were both thrown away.
A named item among the shopper's delivered products goes straight to its stars; stars typed for it (in the same
message, or right after its stars question) go straight to the words, as the star buttons do.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Text, keyboard
from bot.core.skills.orders.named_items import english_words, names_item
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from nlu.result import ParseResult
from store.reviews.service import ReviewableProduct

__all__ = ["REVIEW_TOPIC", "typed_rating", "named_products", "stars_question", "with_rating"]

# The topic of a "How many stars for X?" reply ("review:<product id>:<order id>"): stars typed next are for X.
REVIEW_TOPIC = "review:"
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_RATING = re.compile(r"\b([1-5])\s*(?:/\s*5\s*)?(?:stars?|★|out of 5)|([1-5])\s*★|"
                     r"([1-5一二两三四五])\s*(?:颗)?(?:星|分)", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]+")


def typed_rating(text: str) -> int | None:
    """The stars a message gives (1-5), or None."""
    m = _RATING.search(text)
    if m is None:
        return None
    raw = next(g for g in m.groups() if g)
    return _CN_DIGITS.get(raw) or int(raw)


def named_products(products: list[ReviewableProduct], text: str, parse: ParseResult | None
                   ) -> list[ReviewableProduct]:
    """The delivered products the message names, in English title words or Chinese title pieces."""
    words = english_words(text) - {"review", "rate", "rating", "star", "stars", "love", "like"}
    spans = [e.surface(text) for e in (parse.entities if parse is not None else ()) if e.entity == "product"]
    terms = [s for s in spans if _CJK.search(s)]
    return [p for p in products
            if words & english_words(p.title) or any(names_item(term, p.title_zh or "") for term in terms)]


def stars_question(product: ReviewableProduct, lang: str, state: Conversation, t: Translator, codec: CallbackCodec,
                   user_id: int) -> Text:
    """"How many stars for X?" with the five buttons; stars typed next answer it."""
    from bot.core.skills.community.common import esc

    state.topic = f"{REVIEW_TOPIC}{product.product_id}:{product.order_id}"
    buttons = [Button(f"{n}★", data=codec.encode(user_id, "rv", "s", product.product_id, product.order_id, n))
               for n in range(1, 6)]
    return Text(t("How many stars for {title}?", title=esc(product.title_for(lang))), buttons=keyboard(buttons))


def with_rating(product_id: int, order_id: int, rating: int, state: Conversation, t: Translator,
                codec: CallbackCodec, user_id: int) -> Text:
    """The stars are given: ask for the words (or Skip), as pressing a star button does."""
    from bot.core.skills.community.reviews import stars

    state.pending = Pending(kind="rv_text", data={"product": product_id, "order": order_id, "rating": rating})
    return Text(t("{stars} — thank you! Now write a few words: what did you like, what could be better? "
                  "Or press Skip.", stars=stars(rating)),
                buttons=keyboard([Button(t("Skip"), data=codec.encode(user_id, "rv", "k"))]))
