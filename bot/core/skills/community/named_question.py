""""whats the best before date on the matcha": a question about a product it names, answered for that product.

WHY: the NLU reads such questions by their first words ("whats the best ..." as a recommendation, 0.97; "how much
caffeine is in the matcha" as out of scope), so the search ran on what was left ("on": a hoodie, UNO, an e-book)
or the shopper got "I can't help with that one". A question shaped "<what is asked> on/of/for/in the <product>"
names its product at the end. When a product of the catalog has every one of those words in its title, it is put
in focus and the question is asked about it (listing facts, its Q&A, else "I don't know that about <b>X</b> yet"
with the offer to ask staff: questions.answer_question). Questions about the shop (shipping, returns, paying),
prices (the product's card answers those) and messages the NLU read as an action are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.followups import asks_something
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.questions import answer_question
from bot.core.skills.community.shop_topics import asks_about_shop
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text import tokenize
from nlu.result import ParseResult

__all__ = ["router", "named_product"]

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
# Fewer words before "on the X" is no question about it ("what about the matcha", "any on the matcha").
_MIN_ASKED_WORDS = 3
_MAX_NAME_WORDS = 5


def named_product(text: str) -> str | None:
    """The product words a question about a product ends with, else None.

    "whats the best before date on the matcha" -> "matcha"; "how much caffeine is in the matcha?" -> "matcha";
    "what about the matcha" -> None; "how much is shipping for the tent" -> None (the shop's)."""
    said = " ".join(text.split())
    if not (asks_something(said) or _QUESTION_START.match(said)) or _PRICE.search(said) or _SHOP.search(said) \
            or asks_about_shop(said):
        return None
    found = _NAMED_AT_END.search(said)
    if found is None or len(said[:found.start()].split()) < _MIN_ASKED_WORDS:
        return None
    name = found.group("name").strip()
    return name if 0 < len(name.split()) <= _MAX_NAME_WORDS else None


@router.intent("named_product_question")
async def named_product_question(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                                 t: Translator, lang: str, user_id: int, codec: CallbackCodec,
                                 vector: Any = None) -> list[Reply] | None:
    """The answer about the product the question names, or None (not such a question, or no product has it)."""
    from bot.core.skills.shopping.query import build_query
    from bot.core.skills.shopping.results import run_query

    if services.search is None or parse is None:
        return None
    if not parse.is_fallback and parse.intent.name not in _MISREAD:
        return None
    name = named_product(text)
    words = set(tokenize(name)) if name else set()
    if name is None or not words:
        return None
    results = await run_query(services, build_query(name, None, user_id=user_id, lang=lang,
                                                    currency=services.settings.currency))
    if not results.hits:
        return None
    top = results.hits[0]
    if not words <= set(tokenize(f"{top.title} {top.title_zh or ''} {top.brand or ''}")):
        return None
    state.focus_sku = top.external_id
    return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                 vector=vector, sku=top.external_id)
