"""Placing the order once every choice is made: the order (or the claimed flash-sale order's delivery), its
summary with what happens next, and the invoice.

WHY apart from the steps (steps.py): the steps only show choices and change nothing; this is the one place a
checkout writes, and each refusal the store can give here (the gift card, an address no longer served, a payment
method not allowed) goes back to the step that fixes it, with nothing placed.
"""

from __future__ import annotations

import html
import math

from bot.core.callbacks import CallbackCodec
from bot.core.errors_text import payment_refused_text
from bot.core.replies import Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.checkout import for_order
from bot.core.skills.checkout.gift_card import gift_card_button, gift_card_error_text
from bot.core.skills.checkout.invoices import INVOICE_METHODS, build_invoice
from bot.core.skills.checkout.labels import method_label
from bot.core.skills.checkout.preference import METHOD_CODES
from bot.core.skills.checkout.steps import (
    address_country,
    cancel_row,
    not_served_text,
    payment_step,
    shipping_step,
    step_button,
)
from bot.core.skills.checkout.summary import breakdown_text, from_order
from bot.core.skills.checkout.titles import localize_order
from bot.core.state import Conversation
from bot.i18n import Translator
from store.checkout.errors import PaymentMethodNotAllowed
from store.checkout.service import checkout
from store.giftcards import GiftCardError, GiftCardRefusal
from store.models.orders import PaymentMethodKind, ShippingOption
from store.orders.views import OrderView
from store.shipping.errors import ShippingNotServed

__all__ = ["place_order"]


def _address_line(order: OrderView) -> str:
    a = order.address or {}
    parts = [a.get(k) or "" for k in ("name", "line1", "line2", "city", "region", "postcode", "country")]
    return html.escape(", ".join(p for p in parts if p))


def _pickup_place(services: Services, t: Translator) -> str:
    point = services.settings.shipping_zones.pickup
    return (t("our {city} pickup counter", city=html.escape(point.city)) if point is not None
            else t("our pickup counter"))


def _next_steps(order: OrderView, services: Services, t: Translator) -> str:
    pickup = order.shipping_option is ShippingOption.PICKUP
    if order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY and pickup:
        # A pickup order was told "pay when it arrives … message you when it ships, with tracking" (walk 3).
        return t("Nothing to pay now: pay {total} in cash when you collect it at {place}. We'll message you as "
                 "soon as it's ready.", total=order.amount_due.format(), place=_pickup_place(services, t))
    if order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY:
        return t("Nothing to pay now: pay {total} in cash when it arrives. We'll pack it and message you when "
                 "it ships, with tracking.", total=order.amount_due.format())
    if order.expires_at is None:
        return t("Pay with the invoice below.")
    minutes = max(1, math.ceil((order.expires_at - services.clock()).total_seconds() / 60))
    return t("Pay with the invoice below within {minutes} minutes; until then your items are reserved for you. "
             "If you don't pay in time, the order is cancelled and nothing is charged.", minutes=minutes)


async def place_order(services: Services, user_id: int, state: Conversation, t: Translator,
                      codec: CallbackCodec) -> list[Reply]:
    """Create the order from the cart with the choices made, then show its summary (and invoice)."""
    state.yes_no = {}  # the payment step's "yes" (one way to pay) is answered: a later "yes" is not this one
    is_digital = bool(state.checkout.get("digital"))
    method = METHOD_CODES[str(state.checkout["method"])]
    option = None if is_digital else ShippingOption(state.checkout["ship"])
    address_id = None if is_digital else state.checkout.get("address_id")
    claimed = state.checkout.get("order")
    try:
        if claimed is not None:
            order = await for_order.choose(services, user_id, int(claimed), address_id=address_id, option=option,
                                           method=method)
            headline = t("🧾 <b>Order {number}: delivery chosen.</b>", number=order.number)
        else:
            async with services.uows() as uow:
                order = await checkout(uow, user_id, address_id=address_id, shipping_option=option,
                                       payment_method=method, now=services.clock(),
                                       expiry_minutes=services.settings.order_expiry_minutes,
                                       zones=services.settings.shipping_zones)
            headline = t("🧾 <b>Order {number} is placed.</b>", number=order.number)
    except GiftCardError as exc:
        return await _card_refused(exc, services, user_id, state, t, codec)
    except ShippingNotServed:
        assert option is not None  # digital orders need no shipping option
        return await _not_served(option, services, user_id, state, t, codec)
    except PaymentMethodNotAllowed as exc:  # a stale or typed choice (cash on delivery abroad): choose again
        state.checkout.pop("method", None)
        return [Text(payment_refused_text(exc, t)), *await payment_step(services, user_id, state, t, codec)]
    state.checkout, state.last_order = {}, order.number
    if order.payment_method is PaymentMethodKind.GIFT_CARD and order.paid_at is not None:
        from bot.core.skills.checkout.paying import paid_by_gift_card

        return await paid_by_gift_card(services, order, user_id, state, t, codec)
    parts = [headline, breakdown_text(from_order(await localize_order(order, services, t.language)), t)]
    if order.shipping_option is ShippingOption.PICKUP:
        parts.append(t("Pickup at: {place}", place=_pickup_place(services, t)))
    elif order.address:
        parts.append(t("Deliver to: {address}", address=_address_line(order)))
    parts.append(t("Payment: {method}", method=method_label(order.payment_method, t)))
    if order.gift_card is not None:
        parts.append(t("The gift card pays {amount}; the rest, {due}, is paid this way.",
                       amount=order.gift_card.amount.format(), due=order.amount_due.format()))
    parts.append("")
    parts.append(_next_steps(order, services, t))
    buttons = keyboard([step_button(codec, user_id, t("❌ Cancel order"), "cnl", order.id),
                        step_button(codec, user_id, t("📦 My orders"), "orders")])
    replies: list[Reply] = [Text("\n".join(parts), buttons=buttons)]
    if order.payment_method in INVOICE_METHODS:
        replies.append(await build_invoice(order, services, t))
    return replies


async def _not_served(option: ShippingOption, services: Services, user_id: int, state: Conversation,
                      t: Translator, codec: CallbackCodec) -> list[Reply]:
    """The store refused the option for the address (it changed under a stale choice): choose again."""
    state.checkout.pop("method", None)
    state.checkout.pop("ship", None)
    country = await address_country(services, user_id, state)
    return [Text(not_served_text(option, country, t)), *await shipping_step(services, user_id, state, t, codec)]


async def _card_refused(exc: GiftCardError, services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> list[Reply]:
    """The cart's gift card could not pay at order time: say why; nothing was placed or taken."""
    state.checkout.pop("method", None)
    note = Text(gift_card_error_text(exc, t))
    if exc.refusal in (GiftCardRefusal.BALANCE_CHANGED, GiftCardRefusal.NOT_ENOUGH):
        return [note, *await payment_step(services, user_id, state, t, codec)]  # the new amount, to confirm
    return [Text(note.text, buttons=keyboard([gift_card_button(True, "co", t, codec, user_id)],
                                             cancel_row(t, codec, user_id)))]
