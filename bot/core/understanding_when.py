"""The conditions under which the understanding table offers a message to a skill's hook (``Hook(name, when)``):
what is on screen, what the NLU read, what the words say.

WHY a module of its own: each condition says in its docstring which real message it lets through, and the
table (bot/core/understanding.py) names them in one line each; kept here, the table stays a table.
"""

from __future__ import annotations

import re

from bot.core.deps import Deps
from bot.core.followups import asks_something, is_bare_reference, is_price_question
from bot.core.reference_words import about_product_open, asks_about_open, points_at_shown
from bot.core.understanding_steps import parsed
from store.giftcards.cards import looks_like_gift_code

__all__ = ["gift_code", "uses_gift_card", "bare_reference", "price_of_shown", "something_on_screen",
           "unsure_or_out_of_scope", "asks_by_abbreviation", "asks_for_product", "frames_a_product",
           "question_about_open"]


def gift_code(deps: Deps) -> bool:
    """A message that is only a gift-card code (pasted from the delivery message) is always meant to be redeemed;
    the NLU sees a random-looking token and cannot be relied on to say so, so it is not asked."""
    return looks_like_gift_code(deps.text)


# "我想用礼品卡", "用礼品卡付款", "use my gift card", "redeem a gift card": one the shopper holds, to be applied (the
# NLU read "我想用礼品卡" as a search and listed gift cards to buy). Buying or asking how they work is not this.
_USE_CARD = re.compile(r"(?:用|使用|兑换|抵扣|抵用|\b(?:use|using|redeem|apply)\b).{0,12}"
                       r"(?:礼品卡|礼物卡|购物卡|gift\s*-?\s*card)|(?:礼品卡|礼物卡|购物卡)(?:付款|支付|抵扣|结账|兑换)",
                       re.IGNORECASE)
_NOT_USE = re.compile(r"买|购买|送|怎么|如何|能不能|可以|吗|[?？]|\b(?:buy|purchase|send|how|can|could|do|does)\b",
                      re.IGNORECASE)


def uses_gift_card(deps: Deps) -> bool:
    """The shopper wants to apply a gift card they hold ("我想用礼品卡"): the code is asked for."""
    return bool(_USE_CARD.search(deps.text)) and not _NOT_USE.search(deps.text)


def bare_reference(deps: Deps) -> bool:
    """"the first one" with results on screen: that one's card (followups)."""
    return bool(deps.state.last_results) and is_bare_reference(deps.text, parsed(deps))


def price_of_shown(deps: Deps) -> bool:
    """"what is the price?" with a product open (read as a deals request); "how much is it" with several on screen
    and none open: details asks which one."""
    parse = parsed(deps)
    return bool(deps.state.focus_sku or deps.state.last_results) \
        and all(e.entity in ("reference", "brand") for e in parse.entities) and is_price_question(deps.text, parse)


def something_on_screen(deps: Deps) -> bool:
    return bool(deps.state.focus_sku or deps.state.last_query or deps.state.last_results)


def unsure_or_out_of_scope(deps: Deps) -> bool:
    """"also a french press": a product name the NLU has not seen (bare_product)."""
    parse = parsed(deps)
    return parse.is_fallback or parse.intent.name == "out_of_scope"


def asks_by_abbreviation(deps: Deps) -> bool:
    """"spf多少", "这个多少GB": a product's figure by its Latin abbreviation (community/unit_questions.py)."""
    from bot.core.skills.community.unit_questions import asks_by_abbreviation

    named = any(e.entity in ("product", "brand") for e in parsed(deps).entities)
    return asks_by_abbreviation(deps.text) and (bool(deps.state.focus_sku) or bool(deps.state.last_results) or named)


def asks_for_product(deps: Deps) -> bool:
    """"猫粮有吗", "有口罩吗": whether the shop has a kind of product (shopping/availability.py)."""
    from bot.core.skills.shopping.availability import asks_for_product

    return asks_for_product(deps.parse, deps.text, deps.state.focus_sku)


def frames_a_product(deps: Deps) -> bool:
    """"狗窝多少钱", "帮我看看狗窝", "香薰蜡烛怎么样": a product's name in a request or question (framed_product)."""
    from bot.core.skills.shopping.framed_product import frames_a_product

    return frames_a_product(deps.parse, deps.text)


def question_about_open(deps: Deps) -> bool:
    """"how much storage", "what size should i get", "are there bigger packs" with a product open: a question about
    it, which the knowledge base answers or offers to ask staff ("not sure what you mean" before). Also when read as
    details ("how wide are they" after the rain boots): details searched the words and opened a pair of Oxford
    shoes whose description says "wide feet should size up"."""
    parse = parsed(deps)
    return (about_product_open(deps.state) or points_at_shown(parse) or _it_under_a_list(deps)) \
        and asks_something(deps.text) and (parse.is_fallback or asks_about_open(deps.text, parse)
                                           or _aspect_read_out_of_scope(deps))


def _aspect_read_out_of_scope(deps: Deps) -> bool:
    """"how long is it" under backpacks, read as out_of_scope: a question about the product's size (an aspect,
    shopping/aspects.py) is never outside the shop while a product is open or "it" points at the ones shown ("I'm
    a shop assistant, so I can't help with that one" before)."""
    from bot.core.skills.shopping.aspects import aspect_asked

    return parsed(deps).intent.name == "out_of_scope" and aspect_asked(deps.text) is not None


def _it_under_a_list(deps: Deps) -> bool:
    """"what is it made of" (unsure) with several shown and none open: the ask intent asks which one, as it does for
    a sure "how thick is it" ("Sorry, I didn't catch that" before)."""
    ref = parsed(deps).first("reference")
    several = len(deps.state.last_results) > 1
    return several and (ref is not None and not ref.resolved or _aspect_of_it(deps)
                        or _pronoun_and_aspect(deps.text))


def _aspect_of_it(deps: Deps) -> bool:
    """"安全吗", "防水吗" (unsure) under a list: Chinese drops the "it", and a question about what a product is,
    naming none, is about one of those shown ("I'm not sure what you mean" before; sure, the word "安全" named a
    safety gate never shown). Paying, shipping... stay the shop's (shop_wide)."""
    from bot.core.skills.community.question_scope import points_at_something, shop_wide
    from bot.core.skills.shopping.aspects import aspect_asked

    parse = parsed(deps)
    return aspect_asked(deps.text) is not None and points_at_something(deps.text, parse) \
        and not shop_wide(deps.text)


_PRONOUN = re.compile(r"\b(?:it|they|them|these|those|this|that)\b", re.I)


def _pronoun_and_aspect(text: str) -> bool:
    """"how wide are they" (details, no entity for "they") under yoga mats: a question about a product aspect with
    a pronoun for the products, not a search for "wide they" ("I couldn't find “wide they” in the shop")."""
    from bot.core.skills.shopping.aspects import aspect_asked

    return bool(_PRONOUN.search(text)) and aspect_asked(text) is not None
