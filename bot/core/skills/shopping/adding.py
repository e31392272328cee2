"""Adding to the cart: by button (a card, a variant, a deep link) or by text ("add the second one", "加入购物车",
"add 2 red mugs"), then a confirmation with the cart total, -/+ for the quantity, and view cart / checkout.

Quantity defaults to 1 (the -/+ buttons fix it in one tap); the variant is asked only when a product has
several and neither the reference nor the colour/size words pick exactly one.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.errors_text import explain_store_error
from bot.core.replies import Button, Edit, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.add_several import add_picked, add_several, named_several
from bot.core.skills.shopping.details import matching_variants, variant_picker, which_one
from bot.core.skills.shopping.named_words import storage_said
from bot.core.skills.shopping.picker_answer import picker_topic
from bot.core.skills.shopping.products import active_variants, display_title, sku_arg, variant_from_arg, variant_label
from bot.core.skills.shopping.targets import NoMatch, Target, Unresolved, find_target, leftover_words
from bot.core.state import UNCLEAR_TOPIC, Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import MAX_QUANTITY, add_to_cart, get_cart, set_quantity
from store.catalog.queries import get_product
from store.catalog.views import ProductView, VariantView
from store.errors import CartCurrencyMismatch, InsufficientStock, StoreError

__all__ = ["router", "add_and_confirm", "asks_to_add", "add_target"]

router = Router("shopping.adding")


def _title(product: ProductView, variant: VariantView, lang: str) -> str:
    name = html.escape(display_title(product, lang))
    if len(active_variants(product)) > 1:
        name += f" ({html.escape(variant_label(variant, lang))})"
    return name


async def _confirmation(services: Services, variant: VariantView, product: ProductView, quantity: int,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                        added: int | None) -> tuple[str, Any]:
    async with services.uows.read() as uow:  # after the add's own write: a view, no writer lock
        cart = await get_cart(uow, user_id, now)
    total = cart.breakdown.total.format() if cart.breakdown else "—"
    title = _title(product, variant, lang)
    if added is None:
        head = t("🛒 <b>{title}</b>: {qty} in your cart.", title=title, qty=quantity)
    else:
        head = t("✅ Added {added} × <b>{title}</b> to your cart ({qty} in cart).", added=added, title=title,
                 qty=quantity)
    body = head + "\n" + t("Cart total: <b>{total}</b> · items: {items}", items=cart.item_count, total=total)
    if cart.breakdown is not None and cart.breakdown.discount.amount:
        # The total is below the prices shown: say why, or it looks like a mistake.
        body += "\n" + t("🎁 You save {amount} with our promotions (see the cart).",
                         amount=cart.breakdown.discount.format())
    arg = sku_arg(variant)
    rows = [
        [Button("➖", data=codec.encode(user_id, "qty", arg, quantity - 1)),
         Button(f"× {quantity}", data=codec.encode(user_id, "qty", arg, quantity)),
         Button("➕", data=codec.encode(user_id, "qty", arg, min(quantity + 1, MAX_QUANTITY)))],
        [Button(t("🛒 View cart"), data=codec.encode(user_id, "cart")),
         Button(t("💳 Checkout"), data=codec.encode(user_id, "co", "start"))],
    ]
    return body, keyboard(*rows)


def _refusal(exc: StoreError, product: ProductView, t: Translator, lang: str, codec: CallbackCodec,
             user_id: int, variant: VariantView | None = None) -> Reply:
    title = html.escape(display_title(product, lang))
    row = [Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id)),
           Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))]
    more = keyboard(row)
    if isinstance(exc, InsufficientStock):
        if exc.available <= 0:
            return Text(t("Sorry, {title} is out of stock right now.", title=title), buttons=more)
        text = t("Sorry, only {left} of {title} available (you asked for {asked} in total).",
                 left=exc.available, title=title, asked=exc.requested)
        if variant is None:
            return Text(text, buttons=more)
        take = Button(t("🛒 Take all {n}", n=exc.available),
                      data=codec.encode(user_id, "qty", sku_arg(variant), min(exc.available, MAX_QUANTITY)))
        return Text(text, buttons=keyboard([take], row))
    if isinstance(exc, CartCurrencyMismatch):
        return Text(t("{title} is priced in {item} but your cart is in {cart}: one order is paid in one currency. "
                      "Check out or clear your cart first.", title=title, item=exc.item_currency,
                      cart=exc.cart_currency), buttons=more)
    return Text(explain_store_error(exc, t), buttons=more)


async def add_and_confirm(services: Services, state: Conversation, variant: VariantView, product: ProductView,
                          qty: int, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                          now: datetime) -> Reply:
    if qty > MAX_QUANTITY:
        title = html.escape(display_title(product, lang))
        return Text(t("That's more than I can put in one cart: up to {maximum} of <b>{title}</b> per order. For a "
                      "bulk order, ask our staff.", maximum=MAX_QUANTITY, title=title),
                    buttons=keyboard([Button(t("🛒 Add {n}", n=MAX_QUANTITY),
                                             data=codec.encode(user_id, "add", sku_arg(variant), MAX_QUANTITY)),
                                      Button(t("🙋 Ask our staff"), data=codec.encode(user_id, "menu", "ask"))]))
    if qty < 1:
        return _how_many(variant, product, t, lang, codec, user_id)
    try:
        async with services.uows() as uow:
            item = await add_to_cart(uow, user_id, variant.sku, qty)
    except StoreError as exc:
        sold_out = isinstance(exc, InsufficientStock) and exc.available <= 0
        if sold_out and any(v.stock > 0 and v.id != variant.id for v in active_variants(product)):
            # One option sold out is not the product sold out: say which, and offer the ones in stock.
            said = {str(v) for v in variant.attributes.values() if str(v).strip()}
            return await variant_picker(product, services, t, lang, codec, user_id, now, qty, wanted=said or None)
        return _refusal(exc, product, t, lang, codec, user_id, variant)
    state.focus_sku = variant.sku
    state.topic = state.topic or f"{ADDED_TOPIC}{variant.sku}"  # "add it" next: already done (``_added_again``)
    text, buttons = await _confirmation(services, variant, product, item.quantity, t, lang, codec, user_id, now,
                                        added=qty)
    return Text(text, buttons=buttons)


def _how_many(variant: VariantView, product: ProductView, t: Translator, lang: str, codec: CallbackCodec,
              user_id: int) -> Reply:
    """"Add 0 of it" adds nothing: ask for the number instead of guessing one (a silent 1 would be a surprise
    at checkout)."""
    counts = [n for n in (1, 2, 3, 5) if n <= MAX_QUANTITY]
    buttons = [Button(f"× {n}", data=codec.encode(user_id, "add", sku_arg(variant), n)) for n in counts]
    return Text(t("Adding 0 of <b>{title}</b> would add nothing. How many would you like?",
                  title=_title(product, variant, lang)), buttons=keyboard(buttons))


def _wanted(parse: ParseResult | None) -> set[str]:
    """The colour and size words the shopper said ("burgundy", "m")."""
    return {str(v).strip() for name in ("color", "size") for v in
            (parse.entity_values(name) if parse is not None else []) if str(v).strip()}


def _pick_variant(product: ProductView, wanted: set[str]) -> VariantView | None:
    variants = active_variants(product)
    if len(variants) == 1:
        return variants[0]
    matching = matching_variants(variants, wanted) if wanted else []
    return matching[0] if len(matching) == 1 else None


def _quantity(parse: ParseResult | None) -> int:
    """The quantity asked for (1 when none). A bare number the NLU took for an order id ("add 10000 of it")
    is a quantity here: nobody adds an order to a cart."""
    if parse is None:
        return 1
    for name in ("quantity", "order_id"):
        entity = parse.first(name)
        if entity is not None and str(entity.value).isdigit():
            return int(entity.value)
    return 1


# Words that ask to add something ("加", "来两个", "抢一个", "add", "i'll take"). An add reading without one, whose
# words match no product ("算了 那我等着吧" -> "我等着吧"), was the classifier's guess, not a product to look for.
_ADD_VERB = re.compile(
    r"\b(add|put|buy|get|take|order|want|need|grab|purchase|cart|basket|bag|i'?ll have)\b|"
    r"加|买|要|来|拿|抢|购|放进|放到|装进|下单", re.IGNORECASE)


def asks_to_add(text: str) -> bool:
    return bool(_ADD_VERB.search(text))


ADDED_TOPIC = "added:"
# Words that ask for one more of what is already in the cart ("add another", "one more", "再来一个").
_MORE = re.compile(r"\b(another|more|again|extra|second|too|also|as well)\b|再|多|还要|也要|一样", re.IGNORECASE)


async def _added_again(target: Target, text: str, parse: ParseResult | None, topic: str | None,
                       services: Services, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                       now: datetime) -> Reply | None:
    """"add it" right after the bot added that very item: the shopper missed the confirmation, not asked for a
    second (walk6-en c13b silently made it 2). Say it is in the cart and offer one more; "add another", "one
    more" or a number said still add."""
    sku = topic[len(ADDED_TOPIC):] if topic and topic.startswith(ADDED_TOPIC) else None
    if sku is None or _MORE.search(text) or (parse is not None and parse.first("quantity") is not None):
        return None
    variant = target.variant or _pick_variant(target.product, set())
    if variant is None or variant.sku != sku:
        return None
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, now)
    have = next((ln.quantity for ln in cart.lines if ln.sku == sku), 0)
    if not have:
        return None
    return Text(t("<b>{title}</b> is already in your cart ({qty}). Add one more?",
                  title=_title(target.product, variant, lang), qty=have),
                buttons=keyboard([Button(t("➕ Add one more"), data=codec.encode(user_id, "add", sku_arg(variant), 1)),
                                  Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))],
                                 [Button(t("💳 Checkout"), data=codec.encode(user_id, "co", "start"))]))


def _names_nothing(text: str, parse: ParseResult | None) -> bool:
    """No reference, no product and no words of a product ("加购物车", "add to cart", "add it")."""
    entities = {e.entity for e in parse.entities} if parse is not None else set()
    return not entities & {"reference", "product"} and not leftover_words(text, parse, drop_options=True).strip()


@router.intent("add_to_cart")
async def add_intent(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                     t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                     topic: str | None = None) -> Reply | list[Reply] | None:
    """Add the product meant. None when the reading was a guess (see ``_ADD_VERB``): the dispatcher then falls
    back to the message's other reading or asks."""
    from bot.core.skills.orders.cancel import typed_put_back

    put_back = await typed_put_back(text, parse, topic, services, user_id, t, codec)
    if put_back is not None:  # "put it back in cart" right after cancelling: the order's items
        return put_back[0]
    if (several := named_several(text, parse, state.last_results)) is not None:  # "the first and the second"
        return await add_several(several, services, state, t, lang, codec, user_id, now)
    if topic == UNCLEAR_TOPIC and _names_nothing(text, parse):
        # "加购物车" right after "再给我找个手冲壶" was not understood: not the old focus again (walk7 c15 added a
        # third cookbook); which of those shown, or what to search for.
        return await which_one(services, state, t, lang, codec, user_id, action="add",
                               qty=min(_quantity(parse), MAX_QUANTITY))
    try:
        target = await find_target(services, state, text, parse, lang)
    except Unresolved as exc:
        return await which_one(services, state, t, lang, codec, user_id, exc.words, action="add",
                               qty=min(_quantity(parse), MAX_QUANTITY))
    except NoMatch as exc:
        if not asks_to_add(text):
            return None  # "那我等着吧" read as an add: nothing asked to add it (the dispatcher reads it otherwise)
        return Text(t("I couldn't find “{words}” in the shop. Search for it first, then tap “Add to cart”.",
                      words=html.escape(exc.words)))
    if target is None:
        return await which_one(services, state, t, lang, codec, user_id, action="add",
                               qty=min(_quantity(parse), MAX_QUANTITY))
    again = await _added_again(target, text, parse, topic, services, t, lang, codec, user_id, now)
    if again is not None:
        state.topic = topic  # another "add it" next still means this item
        if isinstance(again, Text) and again.buttons:  # "yes" adds one more, "no" shows the cart
            row = again.buttons[0]
            state.yes_no = {"yes": str(row[0].data), "no": str(row[1].data)}
        return again
    return await add_target(target, text, parse, services, state, t, lang, codec, user_id, now)


async def add_target(target: Target, text: str, parse: ParseResult | None, services: Services, state: Conversation,
                     t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    """Add the product meant in the option and quantity said, or ask for the option still open."""
    qty = _quantity(parse)
    wanted = _wanted(parse) | storage_said(text, target.product)  # "黑色 128G的": the 128GB one
    variant = target.variant or _pick_variant(target.product, wanted)
    said = _wanted(parse)
    if variant is not None and said and not matching_variants([variant], said):
        # "白色的加2条" when it has no white: the one variant (or the one in focus) is not what was asked for.
        # The picker says it doesn't come in white and offers what it does (it added 2 of the other one). The
        # product's white one when it has one ("the same in white" with the black one in focus).
        variant = _pick_variant(target.product, wanted) if len(active_variants(target.product)) > 1 else None
    if variant is None:
        state.focus_sku = target.product.external_id
        state.topic = picker_topic(target.product, min(qty, MAX_QUANTITY), wanted)  # "charcoal pls" next: that one
        return await variant_picker(target.product, services, t, lang, codec, user_id, now, min(qty, MAX_QUANTITY),
                                    wanted)
    return await add_and_confirm(services, state, variant, target.product, qty, t, lang, codec, user_id, now)


async def _variant_and_product(services: Services, arg: str) -> tuple[VariantView, ProductView]:
    async with services.uows.read() as uow:
        variant = await variant_from_arg(uow, arg)
        product = await get_product(uow, variant.product_id)
    return variant, product


@router.button("add")
async def add_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator, lang: str,
                     codec: CallbackCodec, user_id: int, now: datetime, topic: str | None = None) -> list[Reply]:
    variant, product = await _variant_and_product(services, payload.arg(0))  # a picker's: the next said, if any
    return await add_picked(topic, variant, product, payload.int_arg(1, 1), services, state, t, lang, codec,
                            user_id, now)


@router.button("qty")
async def quantity_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                          lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    """-/+ on the confirmation: set the line's quantity and edit the confirmation in place."""
    variant, product = await _variant_and_product(services, payload.arg(0))
    quantity = max(0, min(payload.int_arg(1), MAX_QUANTITY))
    try:
        async with services.uows() as uow:
            await set_quantity(uow, user_id, variant.sku, quantity)
    except StoreError as exc:
        return _refusal(exc, product, t, lang, codec, user_id, variant)
    if quantity == 0:
        return Edit(t("Removed <b>{title}</b> from your cart.", title=_title(product, variant, lang)),
                    buttons=keyboard([Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))]))
    text, buttons = await _confirmation(services, variant, product, quantity, t, lang, codec, user_id, now,
                                        added=None)
    return Edit(text, buttons=buttons)
