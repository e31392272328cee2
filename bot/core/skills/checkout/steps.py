"""The checkout steps after the cart: address -> shipping -> payment method -> order (+ invoice).

WHY the choices live in ``state.checkout`` until the very end: nothing is reserved or charged while the shopper is
still choosing, so leaving (/cancel, "cancel", or just walking away) leaves the cart exactly as it was; only
``store.checkout.service.checkout`` creates the order, reserves stock and clears the cart, in one transaction.
Digital-only carts skip address and shipping; when only one payment method fits a digital order (Stars for
Stars-priced goods) the payment step is a summary with that one button, and the order is placed (and its invoice
sent) when it is pressed. The payment methods offered are those the
store accepts for the chosen shipping and address (no cash on delivery abroad); a stale or typed choice the store
refuses is explained and the step shown again, with nothing ordered. The payment step shows the cart's gift card
(``gift_card``) after the total with what is left to pay; when the card pays everything the only choice is "🎁 Pay
with the gift card" and the order is paid as it is placed (no invoice).
"""

from __future__ import annotations

import html

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.checkout import for_order
from bot.core.skills.checkout.gift_card import gift_card_button, gift_card_error_text
from bot.core.skills.checkout.labels import method_label, shipping_label
from bot.core.skills.checkout.preference import METHOD_CODES, labels_for, preferred_first
from bot.core.skills.checkout.ship_questions import offered
from bot.core.skills.checkout.summary import breakdown_text, from_breakdown
from bot.core.skills.checkout.titles import localize_breakdown, localize_order
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart
from store.checkout.delivery import allowed_payment_methods
from store.checkout.service import digital_variants
from store.giftcards import GiftCardError, GiftCardUse
from store.giftcards.service import lenient_quote
from store.models.orders import PaymentMethodKind, ShippingOption
from store.money import Money
from store.payments.instalments import instalment_plan
from store.pricing.engine import cart_items, price_cart
from store.shipping.options import quote
from store.users import AddressView, list_addresses

__all__ = ["start_checkout", "start_for_order", "address_step", "shipping_step", "payment_step",
           "expired_step", "stale_step", "METHOD_CODES", "address_country", "not_served_text"]

_CODE_OF = {kind: code for code, kind in METHOD_CODES.items()}


def step_button(codec: CallbackCodec, user_id: int, label: str, prefix: str, *args: object) -> Button:
    return Button(label, data=codec.encode(user_id, prefix, *args))


def cancel_row(t: Translator, codec: CallbackCodec, user_id: int) -> list[Button]:
    return [step_button(codec, user_id, t("✖️ Cancel checkout"), "co", "x")]


def expired_step(t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    return Text(t("This checkout step is no longer active (the checkout finished or was cancelled). "
                  "Your cart is unchanged — press Checkout to start again."),
                buttons=keyboard([step_button(codec, user_id, t("🧾 Checkout"), "co", "start"),
                                  step_button(codec, user_id, t("🛒 Cart"), "cart")]))


async def stale_step(services: Services, user_id: int, state: Conversation, t: Translator,
                     codec: CallbackCodec) -> list[Reply]:
    """A checkout button pressed twice or out of order: show where the checkout stands now, never a
    misleading "expired" while it is still going, and say so when it already ended in an order."""
    co = state.checkout
    if co and co.get("method") is None:
        if co.get("digital") or "ship" in co:
            return await payment_step(services, user_id, state, t, codec)
        if "address_id" in co:
            return await shipping_step(services, user_id, state, t, codec)
        async with services.uows() as uow:
            addresses = await list_addresses(uow, user_id)
        return [address_step(addresses, t, codec, user_id)]
    async with services.uows() as uow:
        cart = await get_cart(uow, user_id, services.clock())
    if state.last_order and cart.is_empty:
        return [Text(t("Order {number} is already placed; nothing more to choose here.", number=state.last_order),
                     buttons=keyboard([step_button(codec, user_id, t("📦 My orders"), "orders")]))]
    return [expired_step(t, codec, user_id)]


async def start_checkout(services: Services, user_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec, *, topic: str | None = None) -> list[Reply]:
    state.pending, state.checkout = None, {}
    now = services.clock()
    async with services.uows() as uow:
        cart = await get_cart(uow, user_id, now)
        if not cart.is_empty:
            digital = await digital_variants(uow.session, [line.variant_id for line in cart.lines])
            addresses = await list_addresses(uow, user_id)
    if cart.is_empty:  # after the unit of work: the picker's reads need not hold SQLite's writer queue
        from bot.core.skills.shopping.picker_answer import unpicked_reply

        unpicked = await unpicked_reply(services, topic, t, codec, user_id, state)
        if unpicked is not None:  # "结账" right after the colour/size picker: the choice is still open
            return unpicked
        return [Text(t("Your cart is empty, so there is nothing to check out yet. Tell me what you are "
                       "looking for and add something first."),
                     buttons=keyboard([step_button(codec, user_id, t("🔎 Search"), "menu", "search")]))]
    short = [line for line in cart.lines if not line.is_available]
    if short:
        rows = "\n".join(t("• {title}: {left} available, {qty} in your cart", title=html.escape(line.title),
                           left=line.stock_available, qty=line.quantity) for line in short)
        return [Text(t("Before checking out, please adjust these items in your cart:\n{rows}", rows=rows),
                     buttons=keyboard([step_button(codec, user_id, t("🛒 Cart"), "cart")]))]
    is_digital = all(digital.get(line.variant_id, False) for line in cart.lines)
    state.checkout = {"digital": is_digital}
    if is_digital:
        return await payment_step(services, user_id, state, t, codec)
    return [address_step(addresses, t, codec, user_id)]


async def start_for_order(services: Services, user_id: int, order_id: int, state: Conversation, t: Translator,
                          codec: CallbackCodec) -> list[Reply]:
    """Delivery and payment for a claimed order (see ``for_order``)."""
    order = await for_order.load(services, user_id, order_id)
    if not for_order.needs_choice(order):
        return [Text(t("Delivery for order {number} is already chosen.", number=order.number),
                     buttons=keyboard([step_button(codec, user_id, t("📄 Order details"), "ord", order.id)]))]
    state.pending, state.checkout = None, {"digital": order.is_digital, "order": order.id}
    if order.is_digital:
        return await payment_step(services, user_id, state, t, codec)
    async with services.uows() as uow:
        addresses = await list_addresses(uow, user_id)
    return [address_step(addresses, t, codec, user_id)]


def address_step(addresses: list[AddressView], t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    rows = [[step_button(codec, user_id, "📍 " + short_label(a.one_line(), 46), "co", "a", a.id)]
            for a in addresses[:5]]
    rows.append([step_button(codec, user_id, t("➕ New address"), "co", "new")])
    rows.append(cancel_row(t, codec, user_id))
    if addresses:
        text = t("<b>Checkout — step 1 of 3: delivery address</b>\nWhere should we deliver? Pick a saved "
                 "address (the one you used last is first) or add a new one.")
    else:
        text = t("<b>Checkout — step 1 of 3: delivery address</b>\nWhere should we deliver? Tap “➕ New "
                 "address” to add one — it's saved for next time.")
    return Text(text, buttons=keyboard(*rows))


async def address_country(services: Services, user_id: int, state: Conversation) -> str | None:
    """The country of the address chosen in this checkout (None: none chosen, e.g. pickup typed first)."""
    address_id = state.checkout.get("address_id")
    if address_id is None:
        return None
    async with services.uows() as uow:
        addresses = await list_addresses(uow, user_id)
    return next((a.country for a in addresses if a.id == int(address_id)), None)


def _no_option(country: str, t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    """No option serves the address: say so, and offer another address or a person (never a dead end)."""
    from bot.core.skills.community.support import support_button

    text = t("<b>Checkout — step 2 of 3: shipping</b>\nSorry, we can't deliver to addresses in {country} yet, so "
             "there is no shipping option for this address. You can use another address, or talk to a person "
             "and we'll see what we can do. Your cart is unchanged.", country=html.escape(country))
    return Text(text, buttons=keyboard([step_button(codec, user_id, t("📍 Use another address"), "co", "addr")],
                                       [support_button(t, codec, user_id)], cancel_row(t, codec, user_id)))


async def shipping_step(services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> list[Reply]:
    """The options that serve the chosen address's country (``store.shipping.zones``), priced."""
    found = await offered(services, user_id, state)
    if found is None:
        return [Text(t("Your cart is empty now, so there is nothing to check out."))]
    merchandise, quotes = found
    if not quotes:
        return [_no_option(await address_country(services, user_id, state) or "", t, codec, user_id)]
    rows = []
    for q in quotes:
        price = t("free") if q.price.amount == 0 else q.price.format()
        days = t("today") if q.days == "0" else t("{days} days", days=q.days)
        rows.append([step_button(codec, user_id, f"{shipping_label(q.option, t)} · {days} · {price}", "ship",
                        q.option.value)])
    rows.append(cancel_row(t, codec, user_id))
    text = t("<b>Checkout — step 2 of 3: shipping</b>\nYour items come to {amount}. How should we send them?",
             amount=merchandise.format())
    standard = quote(ShippingOption.STANDARD, merchandise, is_digital=False)
    offers_standard = any(q.option is ShippingOption.STANDARD for q in quotes)
    if offers_standard and standard.price.amount and (threshold := _free_from(merchandise)):
        text += "\n" + t("Standard delivery is free from {threshold}: add {more} more to get it free.",
                         threshold=threshold.format(), more=(threshold - merchandise).format())
    return [Text(text, buttons=keyboard(*rows))]


def not_served_text(option: ShippingOption, country: str | None, t: Translator) -> str:
    """A shipping choice that does not serve the address (a button from before the address changed)."""
    if country:
        return t("{option} isn't available for an address in {country}, so nothing was ordered. Please choose "
                 "one of the options below.", option=shipping_label(option, t), country=html.escape(country))
    return t("{option} isn't available for this order, so nothing was ordered. Please choose one of the options "
             "below.", option=shipping_label(option, t))


def _free_from(merchandise: Money) -> Money | None:
    from store.shipping.options import RATES

    rates = RATES.get(merchandise.currency)
    return Money(rates.free_standard_from, merchandise.currency) if rates else None


def _instalments(total: Money, threshold: int, t: Translator) -> str:
    plans = instalment_plan(total, threshold_minor=threshold)
    if not plans:
        return ""
    options = ", ".join(t("{months} × {amount}", months=p.months, amount=p.per_month.format()) for p in plans)
    return "\n\n" + t("💡 Over {threshold}, you can also pay by card in monthly instalments: {options} "
                      "(the instalments add up exactly to the total; your card provider offers them on the "
                      "payment screen).", threshold=Money(threshold, total.currency).format(), options=options)


async def payment_step(services: Services, user_id: int, state: Conversation, t: Translator,
                       codec: CallbackCodec) -> list[Reply]:
    is_digital = bool(state.checkout.get("digital"))
    option = ShippingOption.DIGITAL if is_digital else ShippingOption(state.checkout["ship"])
    use: GiftCardUse | None = None
    problem: GiftCardError | None = None
    card_code: str | None = None
    if "order" in state.checkout:
        claimed = await for_order.load(services, user_id, int(state.checkout["order"]))
        rows = for_order.priced_rows(await localize_order(claimed, services, t.language), option)
    else:
        now = services.clock()
        async with services.uows() as uow:
            merchandise = await price_cart(uow, user_id, now=now)
            shipping = quote(option, merchandise.total, is_digital=is_digital).price
            price = merchandise if is_digital else await price_cart(uow, user_id, shipping=shipping, now=now)
            cart, items = await cart_items(uow.session, user_id)
            card_code = cart.gift_card_code if cart is not None else None
            use, problem = await lenient_quote(uow.session, card_code, price.total, [v for v, _ in items])
        if not price.lines:
            return [Text(t("Your cart is empty now, so there is nothing to check out."))]
        rows = from_breakdown(await localize_breakdown(price, services, t.language), option, use)
    country = None if is_digital else await address_country(services, user_id, state)
    fits = allowed_payment_methods(rows.currency, is_digital=is_digital, option=option, country=country,
                                   zones=services.settings.shipping_zones)
    allowed = [m for m, why in fits.items() if why is None]  # no cash on delivery abroad (the store's rule)
    if use is not None and use.covers_all:
        allowed = [PaymentMethodKind.GIFT_CARD]
    step = t("<b>Checkout — step 3 of 3: payment</b>") if not is_digital else t("<b>Checkout: payment</b>")
    lines = [step, breakdown_text(rows, t)]
    if problem is not None:
        lines.append("💡 " + gift_card_error_text(problem, t))
    preferred = preferred_first(state.checkout.get("prefer"), fits, allowed, labels_for(option, t), t)
    if preferred is not None:
        allowed, note = preferred
        lines.append("💡 " + note)
    icons = {PaymentMethodKind.TELEGRAM: "💳 ", PaymentMethodKind.STARS: "⭐ ",
             PaymentMethodKind.CASH_ON_DELIVERY: "💵 ", PaymentMethodKind.GIFT_CARD: "🎁 "}
    labels = labels_for(option, t)
    named = {m: icons[m] + labels.get(m, method_label(m, t)) for m in allowed}
    if allowed == [PaymentMethodKind.GIFT_CARD]:
        question = t("Your gift card pays for everything. Confirm to place the order.")
    elif len(allowed) == 1 and is_digital:
        # One way to pay (Stars for Stars-priced digital goods): the summary first, and the order only when the
        # shopper confirms. WHY: "checkout" placed the order and sent the invoice at once, with no look at it.
        question = t("Check the order above, then press “{button}” to place it; the invoice comes right after.",
                     button=named[allowed[0]])
    else:
        question = t("How would you like to pay?")
    text = "\n".join([*lines, "", question])
    text += _instalments(rows.left_to_pay, services.settings.instalment_threshold_minor, t)
    buttons = [[step_button(codec, user_id, named[m], "pm", _CODE_OF[m])] for m in allowed]
    if len(allowed) == 1 and is_digital:  # a typed "yes" / "好的" presses it, "no" cancels (dispatcher: yes_no)
        cancel = cancel_row(t, codec, user_id)[0]
        state.yes_no = {"yes": str(buttons[0][0].data), "no": str(cancel.data)}
    if "order" not in state.checkout:
        buttons.append([gift_card_button(card_code is not None, "co", t, codec, user_id)])
    buttons.append(cancel_row(t, codec, user_id))
    return [Text(text, buttons=keyboard(*buttons))]
