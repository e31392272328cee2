"""Deep links into the shop: ``t.me/<bot>?start=p_<SKU or product id>`` opens a product (shared cards, inline
results), ``start=promo_<flash sale id>`` opens a flash sale (group announcements). ``general.start`` calls
``open_deep_link`` and shows the welcome when the payload is not ours."""

from __future__ import annotations

import html
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.shopping.details import details_replies
from bot.core.skills.shopping.products import resolve_ref
from bot.core.skills.shopping.promotions import open_flash_sale
from bot.core.state import Conversation
from bot.i18n import Translator
from store.errors import NotFound

__all__ = ["open_deep_link"]


async def open_deep_link(payload: str, services: Services, state: Conversation, t: Translator, lang: str,
                         codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Replies for a shopping deep link, or None when ``payload`` is not one."""
    kind, _, ref = payload.strip().partition("_")
    if kind == "p" and ref:
        try:
            async with services.uows() as uow:
                product, _variant = await resolve_ref(uow, ref)
        except NotFound:
            product = None
        if product is None or not product.is_active:
            return [Text(t("Sorry, the product “{ref}” is no longer available. Tell me what you are looking for "
                           "and I'll find something similar.", ref=html.escape(ref[:64])),
                         buttons=keyboard([Button(t("🔎 Search"), data=codec.encode(user_id, "menu", "search"))]))]
        return await details_replies(product, services, state, t, lang, codec, user_id, now)
    if kind == "promo" and ref:
        if not ref.isdigit():
            return [Text(t("That promotion link is not valid."))]
        return await open_flash_sale(int(ref), services, state, t, lang, codec, user_id, now)
    return None
