""""whats the best before date on the matcha": a question about a product it names, answered for that product.

WHY: the NLU reads such questions by their first words ("whats the best ..." as a recommendation, 0.97; "how much
caffeine is in the matcha" as out of scope), so the search ran on what was left ("on": a hoodie, UNO, an e-book)
or the shopper got "I can't help with that one". A question shaped "<what is asked> on/of/for/in the <product>"
names its product at the end. When a product of the catalog has every one of those words in its title, it is put
in focus and the question is asked about it (listing facts, its Q&A, else "I don't know that about <b>X</b> yet"
with the offer to ask staff: questions.answer_question). Questions about the shop (shipping, returns, paying),
prices (the product's card answers those) and messages the NLU read as an action are left alone. "does the yoga mat
come with a strap" names it after the verb: each start of the rest is tried, longest first, and the product open
wins when its title has the words. A question about its colours or sizes gets its options (option_followups), one
about its stock its stock (stock_followups: "is the stanley tumbler in stock" got "I don't know that about …").
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.followups import asks_something
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import points_at_shown
from bot.core.skills.community.questions import answer_question
from bot.core.skills.community.shop_topics import asks_about_shop
from bot.core.skills.shopping.option_followups import asks_for_options, option_follow_up
from bot.core.skills.shopping.stock_followups import asks_about_stock, stock_follow_up
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text import tokenize
from nlu.result import ParseResult

__all__ = ["router", "named_product", "candidate_names"]

router = Router("community.named_question")

# Readings the NLU gives such questions by mistake; an action it is sure of (add, cart, orders) is left alone.
_MISREAD = frozenset({"recommend", "search_product", "out_of_scope", "ask_question", "show_product_details",
                      "greet", "nlu_fallback"})
_QUESTION_START = re.compile(r"^(?:what(?:'?s|\s+is|\s+are|\s+r)?|whats|how|does|do|is|are|can|will|would|which|"
                             r"where|when|who|any)\b", re.I)
_NAMED_AT_END = re.compile(r"\b(?:on|of|for|in|inside|about|with|from)\s+(?:the|your|ur|that|this)\s+"
                           r"(?P<name>[^\s?!.,][^?!.,]{1,40}?)\s*[?!.]*\s*$", re.I)
_PRICE = re.compile(r"\bhow\s+much\s+(?:is|are|does|do|for)\b|\bprice\b|\bcost\b|\bon\s+sale\b", re.I)
_SHOP = re.compile(r"\b(?:ship\w*|deliver\w*|return\w*|refund\w*|exchange|pay\w*|coupon\w*|discount\w*|order\w*|"
                   r"track\w*|invoice|points|warranty\s+claim)\b", re.I)
# "does the yoga mat come with a strap", "is the kindle waterproof": the product right after the verb; which of the
# first words name it is decided by the catalog (candidate_names).
_NAMED_FIRST = re.compile(r"^(?:does|do|is|are|will|would|can|could)\s+(?:the|your|ur)\s+(?P<rest>[^?!.,]+)", re.I)
_ONE = re.compile(r"\bones?\b", re.I)
# Fewer words before "on the X" is no question about it ("what about the matcha", "any on the matcha").
_MIN_ASKED_WORDS = 3
_MAX_NAME_WORDS = 5


def named_product(text: str) -> str | None:
    """The product words a question about a product ends with, else None.

    "whats the best before date on the matcha" -> "matcha"; "how much caffeine is in the matcha?" -> "matcha";
    "what about the matcha" -> None; "how much is shipping for the tent" -> None (the shop's)."""
    said = " ".join(text.split())
    if not _asks_about_products(said):
        return None
    found = _NAMED_AT_END.search(said)
    if found is None or len(said[:found.start()].split()) < _MIN_ASKED_WORDS:
        return None
    name = found.group("name").strip()
    return name if 0 < len(name.split()) <= _MAX_NAME_WORDS else None


def _asks_about_products(said: str) -> bool:
    return bool(asks_something(said) or _QUESTION_START.match(said)) and not _PRICE.search(said) \
        and not _SHOP.search(said) and not asks_about_shop(said)


def candidate_names(text: str) -> list[str]:
    """The product names a question may be about, longest first: "whats the best before date on the matcha" ->
    ["matcha"]; "does the yoga mat come with a strap" -> ["yoga mat come", "yoga mat", "yoga"] (the question goes
    on after the name, so each start of it is tried)."""
    said = " ".join(text.split())
    name = named_product(said)
    if name is not None:
        return [name]
    found = _NAMED_FIRST.match(said)
    if found is None or not _asks_about_products(said):
        return []
    words = found.group("rest").split()
    return [" ".join(words[:k]) for k in range(min(len(words) - 1, _MAX_NAME_WORDS - 1), 0, -1)]


@router.intent("named_product_question")
async def named_product_question(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                                 t: Translator, lang: str, user_id: int, codec: CallbackCodec,
                                 vector: Any = None) -> list[Reply] | None:
    """The answer about the product the question names, or None (not such a question, or no product has it)."""
    if services.search is None or parse is None:
        return None
    if not parse.is_fallback and parse.intent.name not in _MISREAD:
        return None
    if parse.first("reference") is not None or points_at_shown(text) or _ONE.search(text):
        return None  # "is the first one waterproof", "does it come with a strap": about what is on screen
    for name in candidate_names(text):
        sku = await _product_named(name, services, state, user_id, lang)
        if sku is not None:
            state.focus_sku = sku
            lacking = await _lacking_option(sku, parse, services, state, t, lang, codec, user_id)
            if lacking is not None:  # "is the gregory zulu available in red": it isn't, and what it comes in
                return [lacking]
            if asks_for_options(text):  # "does the french press come in other colours": its options, offered
                options = await option_follow_up(text, parse, services, state, t, lang, codec, user_id,
                                                 services.clock())
                if options:
                    return options
            if asks_about_stock(text):  # "is the stanley tumbler in stock": its stock, option by option
                stock = await stock_follow_up(text, parse, services, state, t, lang, codec, user_id,
                                              services.clock())
                if stock:
                    return stock
            return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                         vector=vector, sku=sku)
    return None


async def _lacking_option(sku: str, parse: ParseResult, services: Services, state: Conversation, t: Translator,
                          lang: str, codec: CallbackCodec, user_id: int) -> Reply | None:
    from bot.core.skills.shopping.details import lacking_option_reply
    from bot.core.skills.shopping.products import product_named

    product = await product_named(services.uows, sku)
    if product is None:
        return None
    return await lacking_option_reply(product, parse, services, state, t, lang, codec, user_id, services.clock(),
                                      had_too=True)


async def _product_named(name: str, services: Services, state: Conversation, user_id: int, lang: str) -> str | None:
    """The product whose title or brand has every word of ``name``: the one open if it does, else the search's first
    (title_named.py)."""
    from bot.core.skills.shopping.products import product_named
    from bot.core.skills.shopping.title_named import may_be_in_titles, names_title, title_named_search

    words = tokenize(name)
    if not words or not may_be_in_titles(services, words):
        return None  # a word in no title or brand: in not the open product's nor the top hit's (catalog_words)
    if state.focus_sku:
        open_now = await product_named(services.uows, state.focus_sku)
        if open_now is not None and names_title(words, f"{open_now.title} {open_now.title_zh or ''} "
                                                       f"{open_now.brand or ''}"):
            return state.focus_sku
    found = await title_named_search(services, name, user_id=user_id, lang=lang, brand=True)
    return None if found is None else found.hits[0].external_id
