"""The options a cart line can change to, as buttons that change the line ("actually size 7.5" on a shoe that
comes in US 7 and US 8): pressing one swaps the line's variant, the quantity kept.

WHY: the change said matched no option, and the product's picker was shown instead; its buttons add, so pressing
"US 7" put a second pair in the cart next to the US 8 the shopper meant to change (testers, s9-en). Only the
options that keep the line's other values are offered (the grey pair stays grey), all of them when none do.
"""

from __future__ import annotations

import html
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.errors_text import explain_store_error
from bot.core.replies import Button, CallbackAnswer, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cart_view import LineInfo, line_infos
from bot.core.skills.shopping.products import variant_from_arg, variant_label
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import add_to_cart, get_cart, remove_from_cart
from store.catalog.views import ProductView, VariantView
from store.errors import StoreError

__all__ = ["router", "swap_line", "swap_picker", "swap_topic", "swap_rows", "kept_options"]

router = Router("shopping.cart_swap")
SWAP_TOPIC = "swap:"  # "swap:<line sku>|grey": the options offered for that line (a typed "9" answers them)


def kept_options(variants: list[VariantView], line: dict[str, str], said: dict[str, str]) -> list[VariantView]:
    """The variants in stock with the line's values of the kinds not said (its colour when a size was said)."""
    kinds = {"color": ("color", "colour"), "size": ("size",)}
    changed = {k.casefold() for k in line if any(k.casefold() in kinds.get(s, (s,)) for s in said)}
    kept = {k.casefold(): v.strip().casefold() for k, v in line.items() if k.casefold() not in changed}
    in_stock = [v for v in variants if v.stock > 0]

    def values(v: VariantView) -> dict[str, str]:
        return {k.casefold(): str(x).strip().casefold() for k, x in v.attributes.items()}

    same = [v for v in in_stock if all(values(v).get(k, x) == x for k, x in kept.items())]
    return same or in_stock


def swap_topic(info: LineInfo, said: dict[str, str]) -> str:
    """The topic that lets a typed "9" / "us 7" answer the swap picker, narrowed to the line's kept values."""
    line = {k: str(v) for k, v in (info.line.attributes or {}).items()}
    kinds = {"color": ("color", "colour"), "size": ("size",)}
    kept = [v.replace(",", " ").replace("|", " ") for k, v in line.items()
            if not any(k.casefold() in kinds.get(s, (s,)) for s in said)]
    return f"{SWAP_TOPIC}{info.line.sku}|{','.join(kept)}"


def swap_picker(info: LineInfo, product: ProductView, variants: list[VariantView], said: dict[str, str],
                t: Translator, lang: str, codec: CallbackCodec, user_id: int) -> Reply:
    """"<title> doesn't come in 7.5. It comes in: …" with one button per option, each changing the cart line."""
    from bot.core.skills.shopping.details import matching_variants

    title = html.escape(info.title)
    words = html.escape(" / ".join(said.values()))
    line = {k: str(v) for k, v in (info.line.attributes or {}).items()}
    offered = [v for v in kept_options(variants, line, said) if v.sku != info.line.sku]
    if not offered:
        return Text(t("<b>{title}</b> doesn't come in {said}, and there is no other option to change to.",
                      title=title, said=words))
    if matching_variants(variants, set(said.values())):
        lead = t("Sorry, {title} in {said} is sold out.", title=title, said=words)
    else:
        lead = t("<b>{title}</b> doesn't come in {said}.", title=title, said=words)
    names = ", ".join(variant_label(v, lang) for v in offered[:8])
    ask = t("It comes in: {options}. Which should your cart have instead?", options=html.escape(names))
    rows = swap_rows(info, offered, t, lang, codec, user_id)
    return Text(f"{lead} {ask}" if lang != "zh" else lead + ask, buttons=keyboard(*rows))


def swap_rows(info: LineInfo, offered: list[VariantView], t: Translator, lang: str, codec: CallbackCodec,
              user_id: int) -> list[list[Button]]:
    """Up to eight options as buttons that change the cart line to them (the quantity kept), then the cart."""
    old = f"v.{info.line.variant_id}"
    rows = [[Button(variant_label(v, lang), data=codec.encode(user_id, "cswap", old, f"v.{v.id}"))
             for v in offered[i:i + 2]] for i in range(0, min(len(offered), 8), 2)]
    rows.append([Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))])
    return rows


async def swap_line(services: Services, user_id: int, old_sku: str, new: VariantView, qty: int) -> None:
    """The line in ``old_sku`` becomes ``new``, the same quantity (added first: a refused add keeps the line)."""
    async with services.uows() as uow:
        await add_to_cart(uow, user_id, new.sku, qty)
        await remove_from_cart(uow, user_id, old_sku)


async def _note_after_swap(services: Services, state: Conversation, t: Translator, lang: str,
                           codec: CallbackCodec, user_id: int, now: datetime, old_sku: str,
                           new: VariantView) -> list[Reply]:
    """Swaps the line in ``old_sku`` for ``new`` and shows the cart with a note of the change."""
    from bot.core.skills.shopping.cart import cart_reply

    try:
        async with services.uows.read() as uow:
            infos = line_infos(await get_cart(uow, user_id, now), lang)
        info = next((i for i in infos if i.line.sku == old_sku), None)
        if info is None:
            return [CallbackAnswer(t("That item is no longer in your cart.")),
                    await cart_reply(services, t, lang, codec, user_id, now)]
        await swap_line(services, user_id, old_sku, new, info.line.quantity)
    except StoreError as exc:
        return [CallbackAnswer(explain_store_error(exc, t), alert=True)]
    state.focus_sku = new.sku
    note = t("<b>{title}</b>: changed to {option}.", title=html.escape(info.title),
             option=html.escape(variant_label(new, lang)))
    return [await cart_reply(services, t, lang, codec, user_id, now, note=note)]


@router.intent("swap_typed_answer")
async def swap_typed_answer(text: str, topic: str | None, services: Services, state: Conversation,
                            t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                            now: datetime) -> list[Reply] | None:
    """"9" / "us 7" / "the 9 then" right after the swap picker: that option for the line (it searched for "9").
    Not an NLU intent; None when the words are not exactly one of the line's options."""
    from bot.core.followups import is_question
    from bot.core.skills.shopping.picker_typed import fitting_options
    from bot.core.skills.shopping.products import product_named
    from store.catalog.queries import get_variant_by_sku

    if not topic or not topic.startswith(SWAP_TOPIC) or "?" in text or is_question(text):
        return None
    sku, _, kept = topic[len(SWAP_TOPIC):].partition("|")
    try:
        async with services.uows.read() as uow:
            old = await get_variant_by_sku(uow, sku)
    except StoreError:
        return None
    product = await product_named(services.uows, old.product_external_id)
    if product is None:
        return None
    fitting = [v for v in fitting_options(text, product, {w for w in kept.split(",") if w}) if v.sku != sku]
    if len(fitting) != 1:
        return None
    return await _note_after_swap(services, state, t, lang, codec, user_id, now, sku, fitting[0])


@router.button("cswap")
async def swap_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                      lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    try:
        async with services.uows.read() as uow:
            old = await variant_from_arg(uow, payload.arg(0))
            new = await variant_from_arg(uow, payload.arg(1))
    except StoreError as exc:
        return [CallbackAnswer(explain_store_error(exc, t), alert=True)]
    return await _note_after_swap(services, state, t, lang, codec, user_id, now, old.sku, new)
