"""A comparison of two products the message names, not those on screen: "whats the difference between the iphone 15
and the iphone 15 pro", "iphone15和iphone15pro有什么区别", "帐篷跟瑜伽垫哪个好".

WHY: compare_follow_up compares results on screen (by position or brand); with the two named and nothing of them
shown, the question went to the Q&A, whose nearest entry was a phone case's ("No, it is cut only for the iPhone 15
Pro") -- in English for a Chinese shopper too. Each name is looked up as a price question's is (title_named.py:
the top hit holds every word), and among the hits the one that IS the model named rather than an accessory "for" it
(model_focus.py); when both name a product, and two different ones, they are put side by side (compare.py).
Anything else (one name found, the shop's services: "standard and express shipping", a name two products on screen
hold) is left to the other steps.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import THIS, shop_wide
from bot.core.skills.shopping.compare import comparison, wants_comparison
from bot.core.skills.shopping.model_focus import model_named
from bot.core.skills.shopping.products import load_shown, product_named, products_named
from bot.core.skills.shopping.title_named import names_title, title_named_search
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text import tokenize
from nlu.result import ParseResult

__all__ = ["router", "two_named"]

router = Router("shopping.compare_named")

# The asking words around the two names ("whats the difference between … and …", "…和…有什么区别").
_ASKING = re.compile(
    r"\b(?:what'?s|whats|what\s+is|what\s+are|which|one|is|are|the|a|an|better|best|difference|differences|diff|"
    r"between|betw|btw|compare|comparison|please|pls|can|could|you|u|me|main|real)\b|"
    r"有什么区别|有啥区别|什么区别|区别是什么|区别在哪|的区别|区别|哪个好|哪个更好|哪个比较好|对比一下|比较一下|对比|比较|"
    r"比一比|请问|帮我|一下|呢|吗|啊|[?？!！。.,，]", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+(?:and|vs\.?|versus|or|with|to)\s+|\s*(?:和|跟|与|还是|vs)\s*", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(?:first|second|third|1st|2nd|3rd|them|these|those|both|two)\b|前两|这两|第[一二三四]",
                      re.IGNORECASE)
_MAX_WORDS = 5


def two_named(text: str) -> tuple[str, str] | None:
    """The two names a comparison says ("compare the camping tent with the yoga mat" -> ("camping tent", "yoga
    mat")), or None (not a comparison, positions or pronouns, the shop's services, not two names)."""
    if not wants_comparison(text) or _ORDINAL.search(text) or THIS.search(text) or shop_wide(text):
        return None
    parts = [" ".join(_ASKING.sub(" ", part).split()) for part in _BETWEEN.split(text, maxsplit=1)]
    if len(parts) != 2 or not all(parts) or any(len(p.split()) > _MAX_WORDS for p in parts):
        return None
    return parts[0], parts[1]


async def _named(services: Services, name: str, user_id: int, lang: str) -> str | None:
    """The product ``name`` names: the hit that is the model named, else the top hit holding every word."""
    found = await title_named_search(services, name, user_id=user_id, lang=lang, brand=True, codes=True)
    if found is None:
        return None
    hits = [p for p in await products_named(services.uows, [h.external_id for h in found.hits[:5]]) if p is not None]
    return model_named(name, hits) or found.hits[0].external_id


async def _held_on_screen(services: Services, state: Conversation, name: str) -> list[str]:
    """The products on screen whose title and brand hold every word of ``name``."""
    words = tokenize(name)
    shown = [p for p in await products_named(services.uows, state.on_screen()) if p is not None]
    return [p.external_id for p in shown
            if words and names_title(words, f"{p.title} {p.title_zh or ''} {p.brand or ''}")]


@router.intent("compare_named")
async def compare_named(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                        now: datetime) -> list[Reply] | None:
    """The two named products side by side, or None (see the module docstring)."""
    names = two_named(text)
    if names is None or services.search is None:
        return None
    held = [await _held_on_screen(services, state, name) for name in names]
    if any(len(h) > 1 for h in held):
        return None  # "compare the trailco and the hearth" with two Hearth mugs shown: which one is not guessed
    # the one on screen holding the name first ("compare the sony and the bose" under headphones: the Bose
    # headphones shown, not the catalogue's first Bose, a speaker)
    first = held[0][0] if held[0] else await _named(services, names[0], user_id, lang)
    second = (held[1][0] if held[1] else await _named(services, names[1], user_id, lang)) \
        if first is not None else None
    if first is None or second is None or first == second:
        return None
    products = [await product_named(services.uows, sku) for sku in (first, second)]
    shown = await load_shown(services.uows, [p.id for p in products if p is not None], now)
    if len(shown) < 2:
        return None
    state.last_results, state.focus_sku = [first, second], None  # "add the second one" next: from these two
    return [comparison(shown[0], shown[1], t, lang, codec, user_id, now)]
