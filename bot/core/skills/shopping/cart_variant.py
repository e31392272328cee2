""""change it to size M", "换成黑色的": another option of a line in the cart, the quantity kept.

WHY: the NLU reads these as update_cart, which only knew quantities and answered "How many would you like?",
so the dress stayed in Coral / L. The option said replaces the line's value of that kind (size, colour); the
rest of the line's options stay. No such variant in stock: the picker says so and offers what there is.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.skills.shopping.cart_swap import swap_line, swap_picker, swap_topic
from bot.core.skills.shopping.cart_view import LineInfo
from bot.core.skills.shopping.products import active_variants, product_named, variant_label
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.catalog.views import VariantView
from store.errors import StoreError

__all__ = ["options_said", "change_variant"]

_KINDS = {"color": ("color", "colour"), "size": ("size",)}
_SYSTEM = re.compile(r"^(?:US|EU|UK|CN)\s*(?=\d)", re.IGNORECASE)  # the size system in front of a number
_NUMBER = re.compile(r"\d{1,2}(?:\.5)?")


def options_said(parse: ParseResult | None) -> dict[str, str]:
    """The options named ({"size": "M"}), one per kind."""
    return {e.entity: str(e.value) for e in (parse.entities if parse is not None else ()) if e.entity in _KINDS}


def _wanted(info: LineInfo, said: dict[str, str]) -> dict[str, str]:
    """The line's options with the ones said put in their place."""
    wanted = {k: str(v) for k, v in (info.line.attributes or {}).items()}
    for kind, value in said.items():
        key = next((k for k in wanted if k.casefold() in _KINDS[kind]), kind)
        system = _SYSTEM.match(wanted.get(key, ""))
        # "make it size 7" / "换成7码" on a line in "US 8": the same size system, "US 7" (it matched nothing)
        wanted[key] = f"{system.group(0)}{value}" if system and _NUMBER.fullmatch(value) else value
    return wanted


def _find(variants: list[VariantView], wanted: dict[str, str]) -> VariantView | None:
    def norm(values: dict[str, str]) -> dict[str, str]:
        return {k.casefold(): v.strip().casefold() for k, v in values.items()}

    target = norm(wanted)
    return next((v for v in variants if v.stock > 0 and norm({k: str(x) for k, x in v.attributes.items()}) == target),
                None)


async def change_variant(info: LineInfo, said: dict[str, str], services: Services, state: Conversation,
                         t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                         now: datetime) -> tuple[str | None, Reply | None]:
    """The cart note after swapping the line's variant, or (None, the picker) when there is no such option."""
    product = await product_named(services.uows, info.product_external_id)
    if product is None:
        return None, None
    wanted = _wanted(info, said)
    variant = _find(active_variants(product), wanted)
    if variant is None:  # the options it has, as buttons that change this line (not the picker's adds)
        state.topic = swap_topic(info, said)
        return None, swap_picker(info, product, active_variants(product), said, t, lang, codec, user_id)
    title, label = html.escape(info.title), html.escape(variant_label(variant, lang))
    if variant.sku == info.line.sku:
        return t("<b>{title}</b> is already {option} in your cart.", title=title, option=label), None
    try:
        await swap_line(services, user_id, info.line.sku, variant, info.line.quantity)
    except StoreError:
        state.topic = swap_topic(info, said)
        return None, swap_picker(info, product, active_variants(product), said, t, lang, codec, user_id)
    state.focus_sku = variant.sku
    return t("<b>{title}</b>: changed to {option}.", title=title, option=label), None
