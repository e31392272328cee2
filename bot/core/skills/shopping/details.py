"""Product details: photo, full description, attributes, every variant with its price and stock, and buttons to
pick a variant and add it. Also the variant picker the cards' "Add to cart" opens for multi-variant products.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Photo, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.attributes import attribute_lines
from bot.core.skills.shopping.cards import card_caption
from bot.core.skills.shopping.products import (
    LOW_STOCK,
    Shown,
    active_variants,
    display_description,
    display_title,
    load_shown,
    sku_arg,
    variant_label,
)
from bot.core.skills.shopping.query import PAGE_SIZE
from bot.core.skills.shopping.targets import NoMatch, Unresolved, find_target
from bot.core.skills.shopping.words import colour_name, short_label, size_name
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.catalog.views import ProductView, VariantView

__all__ = ["router", "details_replies", "variant_picker", "which_one", "matching_variants", "variant_buttons"]

router = Router("shopping.details")

MAX_VARIANT_BUTTONS = 10


def _variant_line(v: VariantView, shown: Shown, t: Translator, lang: str) -> str:
    flash = shown.flash.get(v.id)
    price = (t("{price} ⚡ (was {was})", price=flash.price.format(), was=v.price.format()) if flash
             else v.price.format())
    if v.stock <= 0:
        stock = t("out of stock")
    elif v.stock <= LOW_STOCK:
        stock = t("only {n} left", n=v.stock)
    else:
        stock = t("{n} in stock", n=v.stock)
    return f"• {html.escape(variant_label(v, lang))} — {price} — {stock}"


def variant_buttons(variants: list[VariantView], shown: Shown, t: Translator, lang: str, codec: CallbackCodec,
                     user_id: int, qty: int) -> list[list[Button]]:
    buttons = []
    for v in [v for v in variants if v.stock > 0][:MAX_VARIANT_BUTTONS]:
        price = shown.flash[v.id].price if v.id in shown.flash else v.price
        label = t("🛒 {option} · {price}", option=variant_label(v, lang), price=price.format())
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
    description = display_description(product, lang)
    if description:
        parts.append(html.escape(description))
    attrs = attribute_lines(product.attributes, t)
    if attrs:
        parts.append(t("<b>Details</b>") + "\n" + "\n".join(attrs))
    variants = active_variants(product)
    if len(variants) > 1:
        parts.append(t("<b>Options</b>") + "\n" + "\n".join(_variant_line(v, shown, t, lang) for v in variants))
    rows = variant_buttons(variants, shown, t, lang, codec, user_id, 1)
    if len(variants) == 1 and rows:
        rows = [[Button(t("🛒 Add to cart"), data=codec.encode(user_id, "add", sku_arg(variants[0]), 1))]]
    rows.append([Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id)),
                 Button(t("🛒 Cart"), data=codec.encode(user_id, "cart"))])
    text = "\n\n".join(parts)
    if product.image_url:
        return [Photo(photo=product.image_url, caption=text, buttons=keyboard(*rows))]
    return [Text(text, buttons=keyboard(*rows))]


def matching_variants(variants: list[VariantView], wanted: set[str]) -> list[VariantView]:
    """The variants that have every option value said ("black", "M"), case aside. A bare number is the size
    of that number in the product's own system ("10" is "US 10"): "add brooks size 10" answered that the
    shoe "doesn't come in 10" and listed "Blue / US 10"."""
    said = [w.strip().casefold() for w in wanted]

    def has(values: set[str], w: str) -> bool:
        return w in values or (_NUMBER.fullmatch(w) is not None
                               and any(_SYSTEM_SIZE.fullmatch(x) and x.split()[-1] == w for x in values))

    return [v for v in variants
            if all(has({str(x).strip().casefold() for x in v.attributes.values()}, w) for w in said)]


_NUMBER = re.compile(r"\d{1,2}(?:\.5)?")
_SYSTEM_SIZE = re.compile(r"[a-z]+\.?\s+\d{1,2}(?:\.5)?")  # "us 10", "eu 42", "toddler 7"


def _gap(lang: str) -> str:
    """Between two sentences: a space in English, none after Chinese full stops."""
    return "" if lang == "zh" else " "


def _options_text(variants: list[VariantView], lang: str) -> str:
    labels = list(dict.fromkeys(variant_label(v, lang) for v in variants if v.stock > 0))
    return html.escape(", ".join(labels[:8]) + (" …" if len(labels) > 8 else ""))


async def variant_picker(product: ProductView, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                         user_id: int, now: datetime, qty: int = 1, wanted: set[str] | None = None) -> Reply:
    """Ask only what is still open: with "burgundy" said, only the burgundy options are offered; when what was
    said matches no option, say so and offer them all."""
    loaded = await load_shown(services.uows, [product.id], now)
    shown = loaded[0] if loaded else Shown(product)
    variants = active_variants(product)
    title = html.escape(display_title(product, lang))
    more = Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id))
    if not any(v.stock > 0 for v in variants):
        return Text(t("Sorry, {title} is sold out in every option right now.", title=title),
                    buttons=keyboard([more]))
    lead, matching = "", []
    if wanted:
        said = html.escape(" / ".join(colour_name(size_name(w, lang), lang) for w in sorted(wanted)))
        matching = matching_variants(variants, wanted)
        if matching and any(v.stock > 0 for v in matching):
            variants = matching
            lead = t("Yes, <b>{title}</b> comes in {said}.", title=title, said=said) + _gap(lang)
        elif matching:
            lead = t("Sorry, {title} in {said} is sold out.", title=title, said=said) + _gap(lang)
        else:
            lead = t("<b>{title}</b> doesn't come in {said}.", title=title, said=said) + _gap(lang)
    rows = variant_buttons(variants, shown, t, lang, codec, user_id, qty)
    if lead and variants is matching:
        return Text(lead + t("Which would you like?"), buttons=keyboard(*rows))
    if lead:
        return Text(lead + t("Available: {options}. Which would you like?", options=_options_text(variants, lang)),
                    buttons=keyboard(*rows, [more]))
    in_stock = [v for v in variants if v.stock > 0]
    if len(in_stock) == 1 and len(variants) > 1:  # one button is no choice: say so ("Which option?" over one)
        ask = t("Only {option} of <b>{title}</b> is in stock right now. Shall I add it?",
                option=html.escape(variant_label(in_stock[0], lang)), title=title)
    else:
        ask = t("Which option of <b>{title}</b> would you like?", title=title)
    if qty > 1:
        ask += " " + t("(quantity: {qty})", qty=qty)
    return Text(ask, buttons=keyboard(*rows))


async def which_one(services: Services, state: Conversation, t: Translator, lang: str, codec: CallbackCodec,
                    user_id: int, words: str | None = None, *, action: str = "details", qty: int = 1) -> Reply:
    """Ask which of the products on screen was meant, with one button per product doing ``action``
    ("add", "details", or "ask": answer the question just asked about it) on it, so answering costs one tap."""
    from store.catalog.queries import get_product
    from store.errors import NotFound

    if not state.last_results:
        return Text(t("Which product do you mean? Search for it first, e.g. “show me mugs”, then say "
                      "“the second one”."))
    rows = []
    async with services.uows.read() as uow:
        for i, ref in enumerate(state.last_results[:PAGE_SIZE], 1):
            try:
                product = await get_product(uow, ref)
            except NotFound:
                continue
            label = f"{i}. {short_label(display_title(product, lang), 30)}"
            variants = active_variants(product)
            if action == "add" and len(variants) == 1:
                data = codec.encode(user_id, "add", sku_arg(variants[0]), qty)
            elif action == "add":
                data = codec.encode(user_id, "var", product.id, qty)
            elif action == "ask":  # answer the question just asked about this one (community.questions)
                data = codec.encode(user_id, "qa", "on", product.id)
            else:
                data = codec.encode(user_id, "pd", product.id)
            rows.append([Button(label, data=data)])
    if words and len(state.last_results) == 1:  # "add the second one" under a single result
        text = t("I'm not sure which one you mean by “{words}” — I showed only one item. This one?",
                 words=html.escape(words))
    elif words:
        text = t("I'm not sure which one you mean by “{words}” — I showed {n} items. Which one?",
                 words=html.escape(words), n=len(state.last_results))
    else:
        text = t("Which one do you mean?")
    if action == "add":  # "the first one" typed next adds it, with this quantity (which_add.py)
        from bot.core.skills.shopping.which_add import which_add_topic

        state.topic = which_add_topic(qty)
    return Text(text, buttons=keyboard(*rows))


@router.intent("show_product_details")
async def details_intent(text: str, parse: ParseResult | None, vector: Any, services: Services,
                         state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                         now: datetime) -> list[Reply]:
    try:
        target = await find_target(services, state, text, parse, lang)
    except Unresolved as exc:
        return [await which_one(services, state, t, lang, codec, user_id, exc.words)]
    except NoMatch as exc:
        return [Text(t("I couldn't find “{words}” in the shop.", words=html.escape(exc.words)))]
    if target is None:
        return [await which_one(services, state, t, lang, codec, user_id)]
    lacking = await lacking_option_reply(target.product, parse, services, state, t, lang, codec, user_id, now)
    if lacking is not None:
        return [lacking]
    return await details_replies(target.product, services, state, t, lang, codec, user_id, now)


async def lacking_option_reply(product: ProductView, parse: ParseResult | None, services: Services,
                               state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                               now: datetime, *, had_too: bool = False) -> Reply | None:
    """"<title> doesn't come in Pink. Available: Black, Coral." with its option buttons, when the message asks a
    colour or size the product named lacks (``lacks_option``); with ``had_too`` (a question, "is it available in
    black?") also "Yes, <title> comes in Black." for one it has. None otherwise."""
    from bot.core.skills.shopping.options_asked import offered_options
    from bot.core.skills.shopping.picker_answer import picker_topic

    wanted = options_said(product, parse) if had_too else lacks_option(product, parse)
    if not wanted:
        return None
    state.focus_sku = product.external_id  # "coral then" next: its picker's answer
    state.topic = picker_topic(product, 1, offered_options(product, wanted))
    return await variant_picker(product, services, t, lang, codec, user_id, now, wanted=wanted)


def options_said(product: ProductView, parse: ParseResult | None) -> set[str]:
    """The colours and sizes said, of the kinds the product's options have ("in pink" for a product in colours),
    leaving out those its own name says ("the pink mat")."""
    variants = active_variants(product)
    if parse is None or not variants:
        return set()
    kinds = {key for v in variants for key in v.attributes}
    title = f"{product.title} {product.title_zh or ''}".casefold()
    return {str(e.value) for e in parse.entities
            if next((k for k in ("color", "size") if e.entity == k and k in kinds), None) is not None
            and str(e.value).casefold() not in title}


def lacks_option(product: ProductView, parse: ParseResult | None) -> set[str] | None:
    """The colours or sizes said (``options_said``) when the product has none of them, else None. WHY: "do you have
    the stanley tumbler in pink" showed the card with no word about pink (it comes in Black and Coral)."""
    wanted = options_said(product, parse)
    return wanted if wanted and not matching_variants(active_variants(product), wanted) else None


@router.button("pd")
async def details_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                         lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    from store.catalog.queries import get_product

    async with services.uows.read() as uow:
        product = await get_product(uow, payload.int_arg(0))
    return await details_replies(product, services, state, t, lang, codec, user_id, now)


@router.button("var")
async def variant_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                         lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    from store.catalog.queries import get_product

    async with services.uows.read() as uow:
        product = await get_product(uow, payload.int_arg(0))
    state.focus_sku = product.external_id
    return await variant_picker(product, services, t, lang, codec, user_id, now, max(1, payload.int_arg(1, 1)))
