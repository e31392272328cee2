""""add the nike one" / "把耐克那个加入购物车" with results on screen and no Nike among them: say that none of those
shown is from Nike and offer a search for it (a button), instead of adding a Nike product from the whole catalogue
that the shopper never saw (the add searched the brand and put its top hit's picker up without a word).

WHY here, before ``named_on_screen``: that step turns a reference that swallowed a brand nobody on screen has into
a brand entity ("the marshall one" then narrows the list to it, which is right for a look), and from there an add
can only search the catalogue. The rule is narrow: an add, a reference that is no ordinal ("the nike one",
"耐克那个"), a catalogue brand said with it, and no product on screen or seen before in this conversation of that
brand (one seen before is ``seen_named``'s to add; one or several on screen are ``named_on_screen``'s and
``brand_add``'s).
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.followups import asks_something
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.brand_add import _ADDING
from bot.core.skills.shopping.products import products_named
from bot.core.skills.shopping.query import PAGE_SIZE
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text.brands import BRAND_ALIASES
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["router", "add_brand_not_shown", "question_brand_not_shown", "brand_said_with_reference"]

router = Router("shopping.brand_not_shown")

_REFERENCE_WORDS = frozenset({"the", "that", "this", "one", "ones", "these", "those", "them", "it"})
_SEARCH = "nbs"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def brand_said_with_reference(text: str, parse: ParseResult, brands: dict[str, str]) -> str | None:
    """The catalogue brand an unresolved, non-ordinal reference goes with: inside it ("the nike one") or as a
    brand entity beside it ("耐克那个"); None without such a reference or brand."""
    references = [e for e in parse.entities if e.entity == "reference" and not e.resolved]
    if not references or any(e.ordinal is not None for e in references) or parse.text != text:
        return None
    for e in references:
        said = " ".join(w for w in re.findall(r"[\w'&-]+", text[e.start:e.end].casefold())
                        if w not in _REFERENCE_WORDS)
        if said and (said in brands or f"the {said}" in brands):
            return brands.get(said) or brands[f"the {said}"]
    for e in references:  # "匡威那个": a Chinese name the model's lookups lack, right before the reference
        before = text[:e.start].rstrip()
        for alias, name in BRAND_ALIASES.items():
            if _CJK.match(alias) and before.endswith(alias) and name.casefold() in brands:
                return brands[name.casefold()]
    for e in parse.entities:
        if e.entity == "brand" and str(e.value).strip():
            value = str(e.value).strip().casefold()
            return brands.get(value) or BRAND_ALIASES.get(value) or str(e.value).strip()
    return None


def _has_brand(product: ProductView, brand: str) -> bool:
    own = (product.brand or "").strip().casefold()
    wanted = brand.strip().casefold()
    return bool(own) and (own == wanted or own.removeprefix("the ") == wanted.removeprefix("the "))


def _encoded(words: str) -> str:
    return base64.urlsafe_b64encode(words.encode()).decode().rstrip("=")


def _decoded(arg: str) -> str | None:
    try:
        return base64.urlsafe_b64decode(arg + "=" * (-len(arg) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


async def _brand_none_shown(text: str, parse: ParseResult, services: Services, state: Conversation) -> str | None:
    """The catalogue brand the message's reference names when no product shown or seen in this conversation has
    it (the rule above), else None."""
    brands = services.vocabulary.brands if services.vocabulary is not None else {}
    brand = brand_said_with_reference(text, parse, brands)
    if brand is None:
        return None
    looked = [*state.last_results[:PAGE_SIZE], *([state.focus_sku] if state.focus_sku else []), *state.seen_results]
    known = [p for p in await products_named(services.uows, list(dict.fromkeys(looked))) if p is not None]
    return None if any(_has_brand(p, brand) for p in known) else brand


def _search_button(brand: str, t: Translator, codec: CallbackCodec, user_id: int) -> Button:
    try:
        search = codec.encode(user_id, _SEARCH, _encoded(brand))
    except ValueError:  # a name too long for a button: the search prompt
        search = codec.encode(user_id, "menu", "search")
    return Button(t("🔎 Search for {brand}", brand=brand), data=search)


@router.intent("add_brand_not_shown")
async def add_brand_not_shown(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                              t: Translator, codec: CallbackCodec, user_id: int) -> list[Reply] | None:
    """Not an NLU intent: offered each message after the parse; None unless the rule above holds."""
    if parse is None or parse.is_fallback or not state.last_results:
        return None
    if parse.intent.name != "add_to_cart" and not _ADDING.search(text):
        return None
    brand = await _brand_none_shown(text, parse, services, state)
    if brand is None:
        return None
    state.fallback_count = 0
    name = html.escape(brand)
    return [Text(t("None of the products I showed is from {brand}, so I haven't added anything. Shall I search "
                   "the shop for {brand}?", brand=name),
                 buttons=keyboard([_search_button(brand, t, codec, user_id)]))]


@router.intent("question_brand_not_shown")
async def question_brand_not_shown(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                                   t: Translator, codec: CallbackCodec, user_id: int) -> list[Reply] | None:
    """Not an NLU intent: "耐克那个有白色吗" / "does the nike one come in white" under a list with no Nike in it
    was answered about a Nike product from the whole catalogue the shopper never saw (``named_on_screen`` turned
    the reference into a brand entity, and the follow-ups found its top hit). The same rule as for an add: say
    none shown is of that brand and offer the search. A look ("the nike one") still narrows to the brand. A reading
    below the model's threshold counts too (the model is unsure of "耐克那个有白色吗"; its entities are not)."""
    if parse is None or not state.last_results or not asks_something(text):
        return None
    brand = await _brand_none_shown(text, parse, services, state)
    if brand is None:
        return None
    state.fallback_count = 0
    name = html.escape(brand)
    return [Text(t("None of the products I showed is from {brand}. Shall I search the shop for {brand}?",
                   brand=name),
                 buttons=keyboard([_search_button(brand, t, codec, user_id)]))]


@router.button(_SEARCH)
async def search_brand(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                       lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    """[🔎 Search for Nike]: the search the shopper would have typed."""
    from bot.core.skills.shopping.search import search_text, understand

    words = _decoded(payload.arg(0))
    if not words:
        return [Text(t("This button has expired."))]
    parse, vector = await understand(services, state, words, lang)
    return await search_text(words, parse, vector, services, state, t, lang, codec, user_id, now)
