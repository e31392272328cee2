"""Product details: photo, full description, attributes, every variant with its price and stock, and buttons to
pick a variant and add it. Also the variant picker the cards' "Add to cart" opens for multi-variant products.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Photo, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cards import card_caption
from bot.core.skills.shopping.products import (
    LOW_STOCK,
    Shown,
    active_variants,
    display_title,
    load_shown,
    sku_arg,
    variant_label,
)
from bot.core.skills.shopping.targets import NoMatch, Unresolved, find_target
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.catalog.views import ProductView, VariantView

__all__ = ["router", "details_replies", "variant_picker", "which_one"]

router = Router("shopping.details")

# Product attributes that are bookkeeping or already shown elsewhere on the card.
_HIDDEN_ATTRS = frozenset({"title_zh", "rating", "sales_count", "tags", "tags_zh", "image_url", "description_zh"})
MAX_VARIANT_BUTTONS = 10


def _variant_line(v: VariantView, shown: Shown, t: Translator) -> str:
    flash = shown.flash.get(v.id)
    price = (t("{price} ⚡ (was {was})", price=flash.price.format(), was=v.price.format()) if flash
             else v.price.format())
    if v.stock <= 0:
        stock = t("out of stock")
    elif v.stock <= LOW_STOCK:
        stock = t("only {n} left", n=v.stock)
    else:
        stock = t("{n} in stock", n=v.stock)
    return f"• {html.escape(variant_label(v))} — {price} — {stock}"


def _attributes(product: ProductView) -> list[str]:
    lines = []
    for key, value in product.attributes.items():
        if key in _HIDDEN_ATTRS or value in (None, "", [], {}):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append(f"• {html.escape(key.replace('_', ' '))}: {html.escape(shown)}")
    return lines[:12]


def _variant_buttons(product: ProductView, shown: Shown, t: Translator, codec: CallbackCodec, user_id: int,
                     qty: int) -> list[list[Button]]:
    buttons = []
    for v in [v for v in active_variants(product) if v.stock > 0][:MAX_VARIANT_BUTTONS]:
        price = shown.flash[v.id].price if v.id in shown.flash else v.price
        label = t("🛒 {option} · {price}", option=variant_label(v), price=price.format())
        buttons.append(Button(label[:60], data=codec.encode(user_id, "add", sku_arg(v), qty)))
    return [buttons[i:i + 2] for i in range(0, len(buttons), 2)]


async def details_replies(product: ProductView, services: Services, state: Conversation, t: Translator, lang: str,
                          codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    loaded = await load_shown(services.uows, [product.id], now)
    if not loaded:
        return [Text(t("Sorry, {title} is no longer available.", title=html.escape(display_title(product, lang))))]
    shown = loaded[0]
    product = shown.product
    state.focus_sku = product.external_id
    parts = [card_caption(shown, t, lang, now)]
    if product.description:
        parts.append(html.escape(product.description))
    attrs = _attributes(product)
    if attrs:
        parts.append(t("<b>Details</b>") + "\n" + "\n".join(attrs))
    variants = active_variants(product)
    if len(variants) > 1:
        parts.append(t("<b>Options</b>") + "\n" + "\n".join(_variant_line(v, shown, t) for v in variants))
    rows = _variant_buttons(product, shown, t, codec, user_id, 1)
    if len(variants) == 1 and rows:
        rows = [[Button(t("🛒 Add to cart"), data=codec.encode(user_id, "add", sku_arg(variants[0]), 1))]]
    rows.append([Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id)),
                 Button(t("🛒 Cart"), data=codec.encode(user_id, "cart"))])
    text = "\n\n".join(parts)
    if product.image_url:
        return [Photo(photo=product.image_url, caption=text, buttons=keyboard(*rows))]
    return [Text(text, buttons=keyboard(*rows))]


async def variant_picker(product: ProductView, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                         user_id: int, now: datetime, qty: int = 1) -> Reply:
    loaded = await load_shown(services.uows, [product.id], now)
    shown = loaded[0] if loaded else Shown(product)
    rows = _variant_buttons(product, shown, t, codec, user_id, qty)
    title = html.escape(display_title(product, lang))
    if not rows:
        return Text(t("Sorry, {title} is sold out in every option right now.", title=title),
                    buttons=keyboard([Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id))]))
    return Text(t("Which option of <b>{title}</b> would you like?", title=title), buttons=keyboard(*rows))


def which_one(t: Translator, state: Conversation, words: str | None = None) -> Reply:
    if words and state.last_results:
        return Text(t("I'm not sure which one you mean by “{words}” — I showed {n} items. Say “the first one” or "
                      "tap a button.", words=html.escape(words), n=len(state.last_results)))
    return Text(t("Which product do you mean? Search for it first, e.g. “show me mugs”, then say "
                  "“the second one”."))


@router.intent("show_product_details")
async def details_intent(text: str, parse: ParseResult | None, vector: Any, services: Services,
                         state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                         now: datetime) -> list[Reply]:
    try:
        target = await find_target(services, state, text, parse, lang)
    except Unresolved as exc:
        return [which_one(t, state, exc.words)]
    except NoMatch as exc:
        return [Text(t("I couldn't find “{words}” in the shop.", words=html.escape(exc.words)))]
    if target is None:
        return [which_one(t, state)]
    return await details_replies(target.product, services, state, t, lang, codec, user_id, now)


@router.button("pd")
async def details_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                         lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    from store.catalog.queries import get_product

    async with services.uows() as uow:
        product = await get_product(uow, payload.int_arg(0))
    return await details_replies(product, services, state, t, lang, codec, user_id, now)


@router.button("var")
async def variant_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                         lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    from store.catalog.queries import get_product

    async with services.uows() as uow:
        product = await get_product(uow, payload.int_arg(0))
    state.focus_sku = product.external_id
    return await variant_picker(product, services, t, lang, codec, user_id, now, max(1, payload.int_arg(1, 1)))
