"""Recommendations: from what the shopper bought or has in the cart, products related to those (the same
model's accessories -- a case for the phone they bought -- and their categories/brands weighted by a
``ShopperProfile``), each saying why; a new shopper gets the neutral best-seller list.

WHY search and not a separate recommender: the search index already knows meaning, keywords and sales, and
"related to X" is a query on X's model/title with the shopper's taste as a personal sort; products already
owned are excluded.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cards import product_card
from bot.core.skills.shopping.products import display_title, load_shown, resolve_ref
from bot.core.skills.shopping.query import (
    PAGE_SIZE,
    filters_from_parse,
    preferences_from_parse,
    request_words,
    sort_from_text,
)
from bot.core.skills.shopping.results import no_search, present, run_query
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.search.models import SearchQuery
from knowledge.search.persona import interest_phrase, recipient_audience
from knowledge.search.sorting import ShopperProfile, SortOrder
from nlu.result import ParseResult
from store.cart import get_cart
from store.catalog.queries import get_product, load_variant_views
from store.catalog.views import ProductView
from store.errors import NotFound
from store.models.orders import OrderStatus
from store.orders.views import list_orders

__all__ = ["router", "shopper_history", "says_what_for", "named_by"]

router = Router("shopping.recommend")

_NOT_BOUGHT = frozenset({OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT})
MAX_ANCHORS = 3


@dataclass(frozen=True)
class Anchor:
    product: ProductView
    bought: bool  # False: it is in the cart (or, with ``viewed``, the shopper just looked at it)
    viewed: bool = False


async def shopper_history(services: Services, user_id: int, now: datetime) -> list[Anchor]:
    """Products bought (newest first) then in the cart, each once."""
    async with services.uows() as uow:
        orders = [o for o in await list_orders(uow, user_id, limit=20) if o.status not in _NOT_BOUGHT]
        cart = await get_cart(uow, user_id, now)
        ids = [(ln.variant_id, True) for o in orders for ln in o.lines if ln.variant_id is not None]
        ids += [(ln.variant_id, False) for ln in cart.lines]
        variants = await load_variant_views(uow.session, [v for v, _ in ids])
        seen: dict[int, bool] = {}
        for vid, bought in ids:
            v = variants.get(vid)
            if v is not None and v.product_id not in seen:
                seen[v.product_id] = bought
        anchors = []
        for pid, bought in seen.items():
            try:
                anchors.append(Anchor(await get_product(uow, pid), bought))
            except NotFound:
                continue
    return anchors


def _profile(anchors: list[Anchor]) -> ShopperProfile:
    cats = Counter(a.product.category_path for a in anchors if a.product.category_path)
    brands = Counter(a.product.brand for a in anchors if a.product.brand)
    return ShopperProfile({k: float(v) for k, v in cats.items()}, {k: float(v) for k, v in brands.items()})


def named_by(product: ProductView) -> str:
    """The words that name what a product goes with: its model when known, else its title."""
    for key in ("model", "phone_model", "compatible_with"):
        value = product.attributes.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return product.title


async def _viewed(services: Services, state: Conversation) -> list[Anchor]:
    """The product the shopper is looking at now (opened, added, or the only result), for a shopper with no
    purchases and an empty cart: what they just did is the best hint we have."""
    if not state.focus_sku:
        return []
    async with services.uows() as uow:
        try:
            product, _ = await resolve_ref(uow, state.focus_sku)
        except NotFound:
            return []
    return [Anchor(product, bought=False, viewed=True)] if product.is_active else []


def _reason(anchor: Anchor, t: Translator, lang: str) -> str:
    title = html.escape(display_title(anchor.product, lang))
    if anchor.viewed:
        return t("<i>Like {title}, which you looked at</i>", title=title)
    if anchor.bought:
        return t("<i>Because you bought {title}</i>", title=title)
    return t("<i>Goes with {title} in your cart</i>", title=title)


def _kind_asked_for(parse: ParseResult | None) -> str | None:
    """The kind of product a recommendation request names ("recommend a good yoga mat", "推荐点厨房用品",
    "what's popular in electronics"), as the shopper wrote it; None for "what do you recommend"."""
    if parse is None:
        return None
    for name in ("product", "category", "brand"):
        entity = parse.first(name)
        if entity is None:
            continue
        words = (entity.surface(parse.text) or str(entity.value or "")).strip()
        if name == "brand" and recipient_audience(words) is not None:
            continue  # "gift for my brother": who it is for, not the Brother label makers
        if words:
            return words
    return None


async def _recommend_kind(words: str, text: str, parse: ParseResult | None, services: Services,
                          state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                          now: datetime) -> list[Reply]:
    """Recommendations of one kind: the relevant products of that kind in stock, best rated first unless the
    shopper asked for another order ("popular" -> best sellers). History-based picks would ignore what they
    named."""
    order, _ = sort_from_text(text)
    query = SearchQuery(text=words[:1000], limit=PAGE_SIZE, language=lang, user_id=user_id,
                        sort=SortOrder.RATING if order is SortOrder.RELEVANCE else order,
                        # a recommendation of something that cannot be bought is no recommendation
                        filters=replace(filters_from_parse(parse, services.settings.currency), in_stock_only=True),
                        prefer=preferences_from_parse(parse))
    return await present(await run_query(services, query), services, state, t, lang, codec, user_id, now)


@router.intent("recommend")
async def recommend(text: str, parse: ParseResult | None, services: Services, state: Conversation, t: Translator,
                    lang: str, codec: CallbackCodec, user_id: int, now: datetime, vector: Any) -> list[Reply]:
    if services.search is None:
        return [no_search(t, codec, user_id)]
    from bot.core.skills.shopping.search import search_text

    wanted = request_words(text, parse)
    if interest_phrase(wanted) is not None:
        # "gift for my mom, she likes coffee" asks for coffee things, not for the shopper's own picks (it showed
        # best sellers: a puffer jacket, running shoes): the search reads the interest (knowledge.search.persona)
        # and the budget ("under $60") as its filter.
        return await search_text(text, parse, vector, services, state, t, lang, codec, user_id, now)
    words = _kind_asked_for(parse)
    if words is not None:
        return await _recommend_kind(words, text, parse, services, state, t, lang, codec, user_id, now)
    if says_what_for(wanted, parse) or filters_from_parse(parse, services.settings.currency).active:
        # "recommend me something for a 6 yo kid", "present for my nephew", "something under $30": what they
        # said is the search (it showed the same best sellers, or "based on your search for coffee gifts").
        return await search_text(text, parse, vector, services, state, t, lang, codec, user_id, now)
    if sort_from_text(text)[0] is SortOrder.SALES:
        # "best sellers", "有没有卖的最好的": the shop's, not picks "similar to the calculator you viewed".
        return await _best_sellers(services, state, t, lang, codec, user_id, now, owned=set(), anchors=False)
    anchors = await shopper_history(services, user_id, now) or await _viewed(services, state)
    owned = {a.product.id for a in anchors}
    profile = _profile(anchors)
    picks: dict[int, Anchor] = {}
    per_anchor: list[list[int]] = []
    for anchor in anchors[:MAX_ANCHORS]:
        query = SearchQuery(text=named_by(anchor.product)[:1000], limit=PAGE_SIZE * 2, sort=SortOrder.PERSONAL,
                            profile=profile, language=lang)
        results = await services.search.search(query)
        per_anchor.append([h.product_id for h in results.hits if h.product_id not in owned])
    for rank in range(PAGE_SIZE * 2):  # round-robin so every anchor contributes
        for anchor, ids in zip(anchors, per_anchor, strict=False):
            if rank < len(ids) and ids[rank] not in picks and len(picks) < PAGE_SIZE:
                picks[ids[rank]] = anchor
    if not picks and not anchors and state.last_query:
        # No history at all, but they searched: the best-rated matches of that search.
        found = await services.search.search(SearchQuery(text=state.last_query[:1000], limit=PAGE_SIZE,
                                                         sort=SortOrder.RATING, language=lang))
        shown = await load_shown(services.uows, [h.product_id for h in found.hits], now)
        intro = t("Based on your search for “{query}”, these are rated best:", query=html.escape(state.last_query))
        cards = [product_card(s, t, lang, codec, user_id, now) for s in shown]
    else:
        shown, intro, cards = [], "", []
    if not picks and not cards:
        return await _best_sellers(services, state, t, lang, codec, user_id, now, owned=owned,
                                   anchors=bool(anchors))
    if picks:
        shown = await load_shown(services.uows, list(picks), now)
        intro = t("Picked for you:")
        cards = [product_card(s, t, lang, codec, user_id, now, prefix=_reason(picks[s.product.id], t, lang) + "\n")
                 for s in shown]
    state.last_results = [s.product.external_id for s in shown]
    if not cards:
        return [Text(t("I have nothing to recommend yet — tell me what you're looking for!"))]
    return [Text(intro), *cards]


async def _best_sellers(services: Services, state: Conversation, t: Translator, lang: str, codec: CallbackCodec,
                        user_id: int, now: datetime, *, owned: set[int], anchors: bool) -> list[Reply]:
    """The shop's best sellers (those the shopper owns left out)."""
    assert services.search is not None
    best = await services.search.search(SearchQuery(text="", limit=PAGE_SIZE, sort=SortOrder.SALES, language=lang))
    shown = await load_shown(services.uows, [h.product_id for h in best.hits if h.product_id not in owned], now)
    state.last_results = [s.product.external_id for s in shown]
    if not shown:
        return [Text(t("I have nothing to recommend yet — tell me what you're looking for!"))]
    intro = t("Here are our best sellers — popular with shoppers like you:") if anchors else \
        t("Here are our best sellers right now:")
    return [Text(intro), *(product_card(s, t, lang, codec, user_id, now) for s in shown)]


# Words that only ask for a recommendation ("what do you recommend", "推荐点啥", "any suggestions?"), or point at
# what is on screen ("what goes with the first one": the history/viewed picks answer that).
_ONLY_ASKING = re.compile(
    r"\b(?:recommend(?:ation)?s?|suggest(?:ion)?s?|me|us|something|somethin|sumthin|smth|sth|anything|what|whats|"
    r"what'?s|which|do|does|would|should|could|can|you|u|ya|have|got|any|some|good|nice|great|cool|best|please|pls|"
    r"plz|i|we|need|want|get|buy|a|an|the|to|for|ideas?|options?|picks?|else|one|ones|it|this|that|these|those|"
    r"is|are|there|your|yours|else|now|today|again|more|ok|okay|hi|hey|hello|so|and|but|or|of|with)\b|"
    r"推荐一下|推荐|一下|有没有|有什么|什么|啥|好的|好|个|点|些|吗|呢|吧|呀|啊|的|给我|我|买|你们|你|有|也|还|再|"
    # only browsing ("随便逛逛", "just looking around"): no kind named, so picks or best sellers, not a search
    r"随便|随意|逛逛|逛一逛|看看|瞧瞧|看一看|先|就|\b(?:just|browsing|browse|looking|around|look)\b|"
    r"[\s\W\d_]", re.I)


def says_what_for(words: str, parse: ParseResult | None) -> bool:
    """Whether a recommendation request says who or what it is for, beyond asking ("for a 6 yo kid",
    "present for my nephew", "送女朋友"); not when it points at a product on screen."""
    if parse is not None and parse.first("reference") is not None:
        return False
    return bool(_ONLY_ASKING.sub("", words).strip())
