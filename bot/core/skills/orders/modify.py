"""Changing an order: what can change depends on where it is, and the bot says so plainly.

While an order waits for payment its delivery address can be switched to another saved address
(``store.checkout.choose.choose_delivery`` keeps the shipping option and payment method, so the total and a
sent invoice stay valid); items cannot be edited in place — cancelling and ordering again is offered instead.
Once paid or packed only cancelling is possible; once shipped, nothing — tracking and returns are offered.
"""

from __future__ import annotations

import html
from dataclasses import replace

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.labels import order_status, status_label
from bot.core.skills.orders.lookup import find_order
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.checkout.choose import choose_delivery
from store.models.orders import OrderStatus, PaymentMethodKind
from store.orders.views import OrderView, get_order
from store.users import list_addresses

__all__ = ["router", "explain", "change_address"]

router = Router("modify_order")

_OPEN = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED,
                   OrderStatus.DELIVERED})


def _b(codec: CallbackCodec, user_id: int, label: str, prefix: str, *args: object) -> Button:
    return Button(label, data=codec.encode(user_id, prefix, *args))


@router.intent("modify_order")
async def modify_order(services: Services, user_id: int, state: Conversation, parse: ParseResult | None,
                       t: Translator, codec: CallbackCodec) -> list[Reply]:
    order, candidates = await find_order(services, user_id, state, parse, fits=lambda o: o.status in _OPEN)
    if order is None and not candidates:
        return [Text(t("You have no open orders to change."))]
    if order is None:
        rows = [[_b(codec, user_id, f"{o.number} · {order_status(o, t)}", "ord", o.id, "m")]
                for o in candidates[:5]]
        return [Text(t("Which order do you want to change?"), buttons=keyboard(*rows))]
    return await _explain_view(services, user_id, order, state, t, codec)


async def explain(services: Services, user_id: int, order_id: int, state: Conversation, t: Translator,
                  codec: CallbackCodec, lead: str = "") -> list[Reply]:
    """What can still change in the order; ``lead`` goes in front ("its address was not changed:")."""
    async with services.uows() as uow:
        order = await get_order(uow, order_id, user_id=user_id)
    replies = await _explain_view(services, user_id, order, state, t, codec)
    if lead and replies and isinstance(replies[0], Text):
        replies[0] = replace(replies[0], text=lead + ("" if t.language == "zh" else " ") + replies[0].text)
    return replies


async def _explain_view(services: Services, user_id: int, order: OrderView, state: Conversation,
                        t: Translator, codec: CallbackCodec) -> list[Reply]:
    state.last_order = order.number
    n, s = order.number, order.status
    if s is OrderStatus.PENDING_PAYMENT and order.payment_method is None:  # a flash-sale claim
        return [Text(t("Order {number} still needs its delivery and payment: choose them now.", number=n),
                     buttons=keyboard([_b(codec, user_id, t("🚚 Choose delivery and pay"), "co", "o", order.id)]))]
    if s is OrderStatus.PENDING_PAYMENT and not order.is_digital:
        async with services.uows() as uow:
            addresses = await list_addresses(uow, user_id)
        rows = [[_b(codec, user_id, "📍 " + short_label(a.one_line(), 46), "ord", order.id, "ca", a.id)]
                for a in addresses[:5]]
        rows.append([_b(codec, user_id, t("➕ New address"), "addr", "add", order.id),  # for this order
                     _b(codec, user_id, t("❌ Cancel order"), "cnl", order.id)])
        if order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY:  # never "waiting for payment"
            return [Text(t("Order {number} hasn't shipped yet, so you can still change where it goes: pick another "
                           "saved address below. Items can't be edited in an order — cancel it (the items can go "
                           "back into your cart) and check out again.", number=n), buttons=keyboard(*rows))]
        return [Text(t("Order {number} is waiting for payment, so you can still change where it goes: pick "
                       "another saved address below. Items can't be edited in an order — cancel it (the items "
                       "can go back into your cart) and check out again.", number=n), buttons=keyboard(*rows))]
    if s in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PACKED):
        return [Text(t("Order {number} is {status}, so its address and items can't be changed any more. You "
                       "can still cancel it and order again; anything you paid is refunded.", number=n,
                       status=status_label(s, t)),
                     buttons=keyboard([_b(codec, user_id, t("❌ Cancel order"), "cnl", order.id)]))]
    if s is OrderStatus.SHIPPED:
        return [Text(t("Order {number} has already shipped, so it can't be changed. You can follow it, and once "
                       "it arrives you can return anything that isn't right.", number=n),
                     buttons=keyboard([_b(codec, user_id, t("🚚 Track"), "trk", order.id)]))]
    if s in (OrderStatus.DELIVERED, OrderStatus.COMPLETED) and not order.is_digital:
        return [Text(t("Order {number} was delivered. If something is wrong with it, you can request a return.",
                       number=n), buttons=keyboard([_b(codec, user_id, t("↩️ Return"), "ret", order.id)]))]
    return [Text(t("Order {number} is {status}; there is nothing left to change.", number=n,
                   status=status_label(s, t)))]


async def change_address(services: Services, user_id: int, order_id: int, address_id: int, state: Conversation,
                         t: Translator, codec: CallbackCodec) -> list[Reply]:
    async with services.uows() as uow:
        order = await get_order(uow, order_id, user_id=user_id)
        if order.status is not OrderStatus.PENDING_PAYMENT or order.payment_method is None:
            return await _explain_view(services, user_id, order, state, t, codec)
    async with services.uows() as uow:
        updated = await choose_delivery(uow, order.id, user_id, address_id=address_id,
                                        shipping_option=order.shipping_option,
                                        payment_method=order.payment_method, now=services.clock(),
                                        zones=services.settings.shipping_zones)
    a = updated.address or {}
    line = ", ".join(str(a.get(k) or "") for k in ("name", "line1", "city", "postcode", "country") if a.get(k))
    text = t("Done: order {number} will now go to {address}. The total is still {total}.",
             number=updated.number, address=html.escape(line), total=updated.total.format())
    if updated.total != order.total:
        text = t("Done: order {number} will now go to {address}. The new total is {total}; please pay with a new "
                 "invoice.", number=updated.number, address=html.escape(line), total=updated.total.format())
    return [Text(text, buttons=keyboard([_b(codec, user_id, t("📄 Order details"), "ord", updated.id)]))]
