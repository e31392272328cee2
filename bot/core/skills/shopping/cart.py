"""The cart: show it (/cart, "show my cart", the menu), change it with buttons (edits the same message) or
with words ("make it 3", "remove the mug", "把第二个删除"), and clear it (after a confirmation)."""

from __future__ import annotations

import html
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.errors_text import explain_store_error
from bot.core.replies import Button, CallbackAnswer, Edit, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cart_delta import relative_change
from bot.core.skills.shopping.cart_line_pick import REMOVAL_WORDS, named_elsewhere, pick_line
from bot.core.skills.shopping.cart_variant import change_variant, options_said
from bot.core.skills.shopping.cart_view import LineInfo, line_arg, line_infos, render_cart
from bot.core.skills.shopping.clear_words import asks_clear_all, confirm_clear
from bot.core.skills.shopping.coupon_words import mentions_coupon
from bot.core.skills.shopping.products import variant_from_arg
from bot.core.skills.shopping.remove_count import units_to_remove
from bot.core.skills.shopping.targets import leftover_words
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import MAX_QUANTITY, clear_cart, get_cart, remove_from_cart, set_quantity
from store.cart import change_quantity as change_cart_quantity
from store.errors import NotFound, StoreError
from store.pricing.engine import remove_coupon

__all__ = ["router", "cart_reply", "drop_coupon_reply"]

router = Router("shopping.cart")


async def _cart(services: Services, user_id: int, lang: str, now: datetime) -> list[LineInfo]:
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, now)
        return line_infos(cart, lang)


async def cart_reply(services: Services, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                     now: datetime, *, edit: bool = False, note: str = "") -> Reply:
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, now)
        infos = line_infos(cart, lang)
    text, buttons = render_cart(cart, infos, t, codec, user_id)
    text = f"{note}\n\n{text}" if note else text
    return Edit(text, buttons=buttons) if edit else Text(text, buttons=buttons)


@router.intent("view_cart")
@router.command("cart")
async def view_cart(services: Services, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                    now: datetime, topic: str | None, state: Conversation) -> list[Reply]:
    return await _with_unpicked(await cart_reply(services, t, lang, codec, user_id, now), services, topic, t, codec,
                                user_id, state)


@router.button("cart")
async def cart_button(payload: CallbackPayload, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                      user_id: int, now: datetime, topic: str | None, state: Conversation) -> list[Reply]:
    edit = payload.arg(0) == "e"
    shown = await cart_reply(services, t, lang, codec, user_id, now, edit=edit)
    return [shown] if edit else await _with_unpicked(shown, services, topic, t, codec, user_id, state)


async def _with_unpicked(cart: Reply, services: Services, topic: str | None, t: Translator, codec: CallbackCodec,
                         user_id: int, state: Conversation) -> list[Reply]:
    """The cart, and under it the colour/size picker the shopper has not answered yet ("购物车" right after it).
    WHY: the cart showed empty with no word of the item whose option was still to choose (walk 6)."""
    from bot.core.skills.shopping.picker_answer import unpicked_reply

    unpicked = await unpicked_reply(services, topic, t, codec, user_id, state)
    return [cart, *(unpicked or [])]


@router.button("cq")
async def change_quantity(payload: CallbackPayload, services: Services, t: Translator, lang: str,
                          codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    arg, delta = payload.arg(0), max(-MAX_QUANTITY, min(payload.int_arg(1), MAX_QUANTITY))
    try:
        async with services.uows() as uow:
            sku = (await variant_from_arg(uow, arg)).sku if arg.startswith("v.") else arg
            await change_cart_quantity(uow, user_id, sku, delta)
    except NotFound as exc:
        if exc.kind == "variant":
            return [CallbackAnswer(explain_store_error(exc, t), alert=True)]
        return [CallbackAnswer(t("That item is no longer in your cart.")),
                await cart_reply(services, t, lang, codec, user_id, now, edit=True)]
    except StoreError as exc:
        return [CallbackAnswer(explain_store_error(exc, t), alert=True)]
    return [await cart_reply(services, t, lang, codec, user_id, now, edit=True)]


@router.button("crm")
async def remove_line(payload: CallbackPayload, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                      user_id: int, now: datetime) -> list[Reply]:
    try:
        async with services.uows() as uow:
            variant = await variant_from_arg(uow, payload.arg(0))
        async with services.uows() as uow:
            item = await remove_from_cart(uow, user_id, variant.sku)
    except StoreError:
        return [CallbackAnswer(t("That item is no longer in your cart.")),
                await cart_reply(services, t, lang, codec, user_id, now, edit=True)]
    return [CallbackAnswer(t("Removed {title}.", title=item.title)),
            await cart_reply(services, t, lang, codec, user_id, now, edit=True)]


@router.button("cclr")
async def clear_button(payload: CallbackPayload, services: Services, t: Translator, lang: str,
                       codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    if payload.arg(0) != "y":
        return Edit(t("Remove everything from your cart?"), buttons=keyboard([
            Button(t("Yes, clear it"), data=codec.encode(user_id, "cclr", "y")),
            Button(t("No, keep it"), data=codec.encode(user_id, "cart", "e"))]))
    async with services.uows() as uow:
        await clear_cart(uow, user_id)
    return await cart_reply(services, t, lang, codec, user_id, now, edit=True, note=t("Your cart is now empty."))


async def _absent_reply(words: str, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                        user_id: int, now: datetime) -> Reply:
    note = t("There is no “{words}” in your cart, so nothing was changed.", words=html.escape(words))
    return await cart_reply(services, t, lang, codec, user_id, now, note=note)


async def _line_meant(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                      t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> LineInfo | Reply:
    """The cart line a typed change means, or the reply when there is none: the empty cart, "X isn't in your
    cart" (a named product never falls back to another line), or "which item?"."""
    infos = await _cart(services, user_id, lang, now)
    if not infos:
        return await cart_reply(services, t, lang, codec, user_id, now)
    absent = await named_elsewhere(infos, services, text, parse, lang)
    if absent is not None:
        return await _absent_reply(absent, services, t, lang, codec, user_id, now)
    info = pick_line(infos, state, text, parse)
    if info is None:
        return await cart_reply(services, t, lang, codec, user_id, now,
                                note=t("Which item? Use ➖ ➕ 🗑 next to it, or say e.g. “remove the first one”."))
    return info


async def _change_by_text(quantity: int | None, text: str, parse: ParseResult | None, services: Services,
                          state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                          now: datetime) -> Reply:
    info = await _line_meant(text, parse, services, state, t, lang, codec, user_id, now)
    if not isinstance(info, LineInfo):
        return info
    title = html.escape(info.title)
    async with services.uows() as uow:
        if quantity is None or quantity == 0:
            await remove_from_cart(uow, user_id, info.line.sku)
            note = t("Removed <b>{title}</b>.", title=title)
        else:
            await set_quantity(uow, user_id, info.line.sku, min(quantity, MAX_QUANTITY))
            note = t("<b>{title}</b>: quantity set to {qty}.", title=title, qty=min(quantity, MAX_QUANTITY))
    state.focus_sku = info.line.sku
    return await cart_reply(services, t, lang, codec, user_id, now, note=note)


async def set_line_by_text(quantity: int, text: str, parse: ParseResult | None, services: Services,
                           state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                           now: datetime) -> Reply | None:
    """Set the quantity of the line the text means (``cart_said``); None when the cart has no such line."""
    infos = await _cart(services, user_id, lang, now)
    if not infos or pick_line(infos, state, text, parse) is None \
            or await named_elsewhere(infos, services, text, parse, lang) is not None:
        return None
    return await _change_by_text(quantity, text, parse, services, state, t, lang, codec, user_id, now)


@router.intent("update_cart")
async def update_intent(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    delta = relative_change(text)
    if delta is not None:  # "数量+1", "再减一个": from the line's quantity, not a quantity to set
        return await _change_by_delta(delta, text, parse, services, state, t, lang, codec, user_id, now)
    entity = parse.first("quantity") if parse is not None else None
    said = options_said(parse)
    if said and (entity is None or not str(entity.value).isdigit()):
        return await _change_option(said, text, parse, services, state, t, lang, codec, user_id, now)
    if entity is None or not str(entity.value).isdigit():
        return Text(t("How many would you like? Say e.g. “make it 2”, or use ➖ ➕ in your cart."),
                    buttons=keyboard([Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))]))
    return await _change_by_text(int(entity.value), text, parse, services, state, t, lang, codec, user_id, now)


async def _change_by_delta(delta: int, text: str, parse: ParseResult | None, services: Services,
                           state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                           now: datetime) -> Reply:
    info = await _line_meant(text, parse, services, state, t, lang, codec, user_id, now)
    if not isinstance(info, LineInfo):
        return info
    title, have = html.escape(info.title), info.line.quantity
    state.focus_sku = info.line.sku
    if have + delta <= 0:
        # Down to nothing: ask (a misread "minus" must not take the line away), with the line's remove button.
        return Text(t("<b>{title}</b> is at {qty} in your cart. Remove it?", title=title, qty=have),
                    buttons=keyboard([Button(t("🗑 Remove it"), data=codec.encode(user_id, "crm", line_arg(info.line))),
                                      Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))]))
    try:
        async with services.uows() as uow:
            item = await change_cart_quantity(uow, user_id, info.line.sku, delta)
    except StoreError as exc:
        return await cart_reply(services, t, lang, codec, user_id, now, note=explain_store_error(exc, t))
    note = t("<b>{title}</b>: quantity set to {qty}.", title=title, qty=item.quantity)
    return await cart_reply(services, t, lang, codec, user_id, now, note=note)


async def _change_option(said: dict[str, str], text: str, parse: ParseResult | None, services: Services,
                         state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                         now: datetime) -> Reply:
    """"change it to size M": the line in focus (or the only one) in that option (``cart_variant``)."""
    infos = await _cart(services, user_id, lang, now)
    if not infos:
        return await cart_reply(services, t, lang, codec, user_id, now)
    info = next((i for i in infos if state.focus_sku in (i.line.sku, i.product_external_id)), None) \
        or (infos[0] if len(infos) == 1 else None)
    if info is None:
        return await cart_reply(services, t, lang, codec, user_id, now,
                                note=t("Which item should change? Say e.g. “change the first one to size M”."))
    note, picker = await change_variant(info, said, services, state, t, lang, codec, user_id, now)
    if note is None:
        return picker or await cart_reply(services, t, lang, codec, user_id, now)
    return await cart_reply(services, t, lang, codec, user_id, now, note=note)


async def drop_coupon_reply(services: Services, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                            now: datetime, *, edit: bool = False) -> Reply:
    """Takes the coupon off the cart (nothing else changes) and shows the cart."""
    async with services.uows() as uow:
        had = (await get_cart(uow, user_id, now)).coupon_code
        if had:
            await remove_coupon(uow, user_id)
    note = t("Coupon {code} removed.", code=html.escape(had)) if had else t("There is no coupon on your cart.")
    return await cart_reply(services, t, lang, codec, user_id, now, edit=edit, note=note)


def _means_coupon(text: str, parse: ParseResult | None, topic: str | None) -> bool:
    """"remove the coupon", or "remove it" / "删掉" right after a coupon was applied: a pronoun, no ordinal and no
    item words (those name a cart line)."""
    if mentions_coupon(text):
        return True
    if topic != "coupon":
        return False
    reference = parse.first("reference") if parse is not None else None
    words = REMOVAL_WORDS.sub(" ", leftover_words(text, parse))
    return (reference is None or reference.ordinal is None) and not words.strip()


@router.intent("remove_from_cart")
async def remove_intent(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                        topic: str | None) -> Reply:
    if _means_coupon(text, parse, topic):
        return await drop_coupon_reply(services, t, lang, codec, user_id, now)
    if asks_clear_all(text):  # "清空购物车", "empty my cart": the whole cart, confirmed first (clear_words)
        return await confirm_clear(services, state, t, codec, user_id, now)
    units = units_to_remove(text)
    if units is not None:  # "remove one": units out of the line, not the line
        return await _remove_units(units, text, parse, services, state, t, lang, codec, user_id, now)
    return await _change_by_text(None, text, parse, services, state, t, lang, codec, user_id, now)


async def _remove_units(units: int, text: str, parse: ParseResult | None, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    infos = await _cart(services, user_id, lang, now)
    info = pick_line(infos, state, text, parse) if infos else None
    if info is not None and await named_elsewhere(infos, services, text, parse, lang) is not None:
        info = None  # "remove one coffee bean" with no coffee in the cart: said so below
    if info is None or units >= info.line.quantity:  # all of the line's units: the line goes, as before
        return await _change_by_text(None, text, parse, services, state, t, lang, codec, user_id, now)
    async with services.uows() as uow:
        item = await change_cart_quantity(uow, user_id, info.line.sku, -units)
    state.focus_sku = info.line.sku
    note = t("<b>{title}</b>: quantity set to {qty}.", title=html.escape(info.title), qty=item.quantity)
    return await cart_reply(services, t, lang, codec, user_id, now, note=note)
