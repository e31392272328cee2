""""add the samsung ones", "put the nike one in my cart", "i'll take the stride ones" with results on screen and
several of them of that brand: which of those (one button each, that adds it), not the first of them.

WHY: the brand alone says which product only when one result on screen has it (``named_on_screen`` then puts it
in focus and the add goes on as for "the second one"). With two Samsung phones shown the add took the first one's
picker as if the shopper had chosen it, or the words went on to narrow the search (testers, s9-en). The brand is
read from the shown products' own brands in the text (catalogue names the NLU does not tag as brands, plurals
like "the samsungs"), so every brand in the shop is covered without a word list.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.followups import is_question
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.products import active_variants, display_title, products_named, sku_arg
from bot.core.skills.shopping.query import PAGE_SIZE
from bot.core.skills.shopping.targets import leftover_words
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text.brands import BRAND_ALIASES
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["router", "add_by_brand", "brand_matches"]

router = Router("shopping.brand_add")

# A request to put something in the cart, whatever intent the NLU guessed ("i'll take the nike ones" read as a
# search; "get me the samsung one" as recommend).
_ADDING = re.compile(r"\b(?:add|put|buy|grab|order|i'?ll\s+(?:take|get|have)|i\s+will\s+(?:take|get|have)|"
                     r"i\s+(?:want|need)|i'?d\s+like|get\s+me|give\s+me|take)\b", re.IGNORECASE)
_NARROWING = re.compile(r"\b(?:only|just)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|last|cheapest|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)


def _said(brand: str, text: str) -> re.Match[str] | None:
    """Where the brand is said in the text, as whole words, a plural "s" allowed ("the samsungs")."""
    names = {brand.casefold(), brand.casefold().removeprefix("the ")}
    names |= {alias.casefold() for alias, name in BRAND_ALIASES.items() if name.casefold() == brand.casefold()}
    for name in sorted(n for n in names if n):
        found = re.search(rf"(?<![\w&]){re.escape(name)}(?:'?s)?(?![\w&])", text, re.IGNORECASE)
        if found:
            return found
    return None


def brand_matches(text: str, shown: list[ProductView]) -> tuple[str, list[ProductView]] | None:
    """The brand said and the shown products of it, when two or more of them have it and the rest of the words
    do not tell them apart ("add the samsung galaxy s24" names one: None)."""
    for product in shown:
        brand = (product.brand or "").strip()
        found = _said(brand, text) if brand else None
        if found is None:
            continue
        same = [p for p in shown if (p.brand or "").strip().casefold() == brand.casefold()]
        rest = {w.casefold() for w in re.findall(r"[\w'-]+", text[:found.start()] + " " + text[found.end():])}
        titled = [p for p in same if rest and rest <= {w.casefold() for w in re.findall(r"[\w'-]+", p.title)}]
        if len(same) >= 2 and len(titled) != 1:
            return brand, same
    return None


@router.intent("add_by_brand")
async def add_by_brand(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                       t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                       now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered each message after the parse; None unless it adds a brand several shown have."""
    adding = parse is not None and not parse.is_fallback and parse.intent.name == "add_to_cart"
    if len(state.last_results) < 2 or not (adding or _ADDING.search(text)) or is_question(text) \
            or _NARROWING.search(text) or _ORDINAL.search(text):
        return None
    shown = [p for p in await products_named(services.uows, state.last_results[:PAGE_SIZE]) if p is not None]
    found = brand_matches(leftover_words(text, None), shown)
    if found is None:
        return None
    brand, same = found
    rows = []
    for product in same:
        variants = active_variants(product)
        data = codec.encode(user_id, "add", sku_arg(variants[0]), 1) if len(variants) == 1 \
            else codec.encode(user_id, "var", product.id, 1)
        rows.append([Button(short_label(display_title(product, lang), 40), data=data)])
    state.fallback_count = 0
    return [Text(t("I showed {n} from {brand}. Which one should I add?", n=len(same), brand=html.escape(brand)),
                 buttons=keyboard(*rows))]
