"""Inline mode: ``@shopbot red shoes`` in any chat lists matching products (best sellers for an empty query);
choosing one posts a short product card whose button opens the product in a private chat with the bot
(``https://t.me/<bot>?start=p_<SKU>``)."""

from __future__ import annotations

import html
import re

from bot.core.events import Event, InlineQuery
from bot.core.replies import InlineAnswer, InlineResult, Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.i18n import Translator
from knowledge.search.models import SearchHit, SearchQuery
from knowledge.search.sorting import SortOrder
from store.money import Money

__all__ = ["router", "deep_link", "INLINE_PAGE"]

router = Router("shopping.inline")

INLINE_PAGE = 20
_START_PARAM = re.compile(r"^[A-Za-z0-9_-]{1,62}$")  # Telegram's start parameter: 64 chars, this alphabet


def deep_link(bot_username: str, hit: SearchHit) -> str:
    """Opens the product in the bot; the SKU when it fits a start parameter, else the product id."""
    ref = hit.sku if hit.sku and _START_PARAM.match(hit.sku) else hit.external_id
    return f"https://t.me/{bot_username}?start=p_{ref}"


def _result(hit: SearchHit, services: Services, t: Translator, lang: str) -> InlineResult:
    title = hit.title_zh if lang == "zh" and hit.title_zh else hit.title
    price = Money(hit.price_minor, hit.currency).format() if hit.price_minor is not None and hit.currency else ""
    stock = t("In stock") if hit.in_stock else t("Out of stock")
    rating = f"★ {hit.rating_tenths / 10:.1f}" if hit.rating_tenths is not None else ""
    description = " · ".join(x for x in (price, hit.brand or "", rating, stock) if x)
    link = deep_link(services.bot_username, hit)
    open_label = html.escape(t("Open in the shop"))
    message = (f"<b>{html.escape(title)}</b>\n{html.escape(description)}\n"
               f"<a href=\"{html.escape(link)}\">{open_label}</a>")
    thumb = hit.image_url if hit.image_url and hit.image_url.startswith(("http://", "https://")) else None
    return InlineResult(id=hit.external_id[:64], title=title[:100], description=description, message_text=message,
                        thumbnail_url=thumb, deep_link=link)


@router.on_event(InlineQuery)
async def inline_query(event: Event, services: Services, t: Translator, lang: str, user_id: int) -> Reply:
    assert isinstance(event, InlineQuery)
    if services.search is None:
        return InlineAnswer(results=())
    offset = int(event.offset) if event.offset.isdigit() else 0
    text = event.query.strip()[:200]
    query = SearchQuery(text=text, limit=INLINE_PAGE, offset=min(offset, 1000),
                        sort=SortOrder.RELEVANCE if text else SortOrder.SALES, user_id=user_id, language=lang)
    results = await services.search.search(query)
    hits = results.hits or (results.alternatives if offset == 0 else ())
    more = bool(results.hits) and results.total > offset + INLINE_PAGE
    return InlineAnswer(results=tuple(_result(h, services, t, lang) for h in hits),
                        next_offset=str(offset + INLINE_PAGE) if more else "")
