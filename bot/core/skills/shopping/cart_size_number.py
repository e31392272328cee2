"""A size said as a bare number to correct the shoe just put in the cart ("9 instead", "i need a 9 actually",
"make it a 9", "can i get a 7.5 instead", "swap to size 9 please"): that line's size, not its quantity.

WHY: with US 8 in the cart, "9 instead" and "i need a 9 actually" set the quantity to 9 pairs, "make it a 9"
asked "How many would you like?", the others were "not sure" or a Q&A sentence (testers, s9-en). A number is read
as the size only when it can be one: the line has a numbered size ("US 8"), the number is one of the product's
sizes or lies among them ("7.5" between US 7 and US 8), and the message corrects (actually, instead, swap, make it
a …); "make it 2" on the same shoe stays a quantity. The change itself is the cart's (``cart_variant``): the line
swapped, or the sizes it has offered as buttons that swap it.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.followups import is_question
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cart_view import LineInfo, line_infos
from bot.core.skills.shopping.products import active_variants, product_named
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart
from store.catalog.views import ProductView

__all__ = ["router", "cart_size_number", "size_number"]

router = Router("shopping.cart_size_number")

_CORRECTS = re.compile(r"\b(?:actually|instead|rather|i\s+meant|i\s+mean|meant|swap|switch|change|make\s+it|"
                       r"wrong\s+size|size|need|get|wait|sorry)\b", re.IGNORECASE)
# A question ("is size 9 in stock?", "do you have a 9?") changes nothing unless it says it is a change.
_CHANGE = re.compile(r"\b(?:actually|instead|rather|meant|swap|switch|change|wrong\s+size)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\d.$£€¥#])(\d{1,2}(?:\.5)?)(?![\d%]|\.\d|\s*(?:pairs?|pcs|pieces|units|x\b|of\b|more\b|"
                     r"usd|dollars?|bucks|\$|items?|times))", re.IGNORECASE)
_SIZED = re.compile(r"^(?P<system>[A-Za-z]+\.?\s+)?(?P<n>\d{1,2}(?:\.5)?)$")
_MAX_WORDS = 9


def _sizes(product: ProductView, key: str) -> list[float]:
    found = []
    for variant in active_variants(product):
        m = _SIZED.match(str(variant.attributes.get(key, "")).strip())
        if m is not None:
            found.append(float(m.group("n")))
    return found


def size_number(text: str, info: LineInfo, product: ProductView) -> str | None:
    """The size the message says for the line (the number as typed), or None when it says no size."""
    if len(text.split()) > _MAX_WORDS or not _CORRECTS.search(text):
        return None
    if (is_question(text) or "?" in text) and not _CHANGE.search(text):
        return None
    numbers = _NUMBER.findall(text)
    key = next((k for k in (info.line.attributes or {}) if k.casefold() == "size"), None)
    if len(numbers) != 1 or key is None or _SIZED.match(str(info.line.attributes[key]).strip()) is None:
        return None
    sizes = _sizes(product, key)
    said = float(numbers[0])
    return numbers[0] if sizes and (said in sizes or min(sizes) <= said <= max(sizes)) else None


@router.intent("cart_size_number")
async def cart_size_number(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                           codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered each message before the parse; None unless it changes the size of the line
    in focus."""
    from bot.core.skills.shopping.cart import cart_reply
    from bot.core.skills.shopping.cart_variant import change_variant

    if state.focus_sku is None or not _NUMBER.search(text):
        return None
    async with services.uows.read() as uow:
        infos = line_infos(await get_cart(uow, user_id, now), lang)
    # The line in focus, or the one line of the product in focus ("is size 7 in stock?" focused the product)
    lines = [i for i in infos if state.focus_sku in (i.line.sku, i.product_external_id)]
    info = lines[0] if len(lines) == 1 else None
    product = await product_named(services.uows, info.product_external_id) if info is not None else None
    said = size_number(text, info, product) if info is not None and product is not None else None
    if info is None or said is None:
        return None
    state.fallback_count = 0
    note, picker = await change_variant(info, {"size": said}, services, state, t, lang, codec, user_id, now)
    if note is None:
        return [picker or await cart_reply(services, t, lang, codec, user_id, now)]
    return [await cart_reply(services, t, lang, codec, user_id, now, note=note)]
