"""Order history (/orders, "my orders", the main menu's 📦 button) and one order's details (``ord:<id>``).

The details card offers exactly the actions this order allows now (pay, cancel, change the address, track,
return, invoice), so the shopper never has to guess what is possible.
"""

from __future__ import annotations

import html

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.digital import digital_button, items_text, load_items
from bot.core.skills.checkout.labels import day, method_label, order_status, when
from bot.core.skills.checkout.summary import breakdown_text, from_order
from bot.core.skills.checkout.titles import localize_order
from bot.core.skills.orders import modify
from bot.core.skills.orders.lookup import recent_orders
from bot.core.state import Conversation
from bot.i18n import Translator
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.service import CANCELLABLE
from store.orders.views import OrderView, get_order

__all__ = ["router", "order_card", "order_actions"]

router = Router("orders")

_TRACKABLE = frozenset({OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED,
                        OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED, OrderStatus.PACKED, OrderStatus.PAID})
RETURNABLE = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})


@router.command("orders")
@router.intent("order_history")
async def order_history(services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> Reply:
    orders = await recent_orders(services, user_id)
    if not orders:
        return Text(t("You have no orders yet. When you check out, your orders show up here."),
                    buttons=keyboard([Button(t("🔎 Search"), data=codec.encode(user_id, "menu", "search"))]))
    state.last_order = orders[0].number
    rows = [t("{number} · {date} · {status} · {total}", number=o.number, date=day(o.created_at),
              status=order_status(o, t), total=o.total.format()) for o in orders]
    buttons = [[Button(t("📄 {number}", number=o.number), data=codec.encode(user_id, "ord", o.id)),
                *([] if o.is_digital else [Button(t("🚚 Track"), data=codec.encode(user_id, "trk", o.id))])]
               for o in orders[:5]]
    return Text(t("<b>Your orders</b> (newest first):\n{rows}", rows="\n".join(rows)), buttons=keyboard(*buttons))


@router.button("orders")
async def orders_button(services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> Reply:
    return await order_history(services, user_id, state, t, codec)


def order_actions(order: OrderView, services: Services, t: Translator, codec: CallbackCodec,
                  user_id: int) -> list[list[Button]]:
    def b(label: str, prefix: str, *args: object) -> Button:
        return Button(label, data=codec.encode(user_id, prefix, *args))

    first: list[Button] = []
    if order.status is OrderStatus.PENDING_PAYMENT and order.payment_method is None:  # a flash-sale claim
        first.append(b(t("🚚 Choose delivery and pay"), "co", "o", order.id))
    if order.status is OrderStatus.PENDING_PAYMENT and order.payment_method in (
            PaymentMethodKind.TELEGRAM, PaymentMethodKind.STARS):
        first.append(b(t("💳 Pay"), "pm", "inv", order.id))
    if order.status in _TRACKABLE and not order.is_digital:  # digital goods arrive in the chat: nothing to track
        first.append(b(t("🚚 Track"), "trk", order.id))
    if order.status in RETURNABLE and not order.is_digital:
        first.append(b(t("↩️ Return"), "ret", order.id))
    second = [b(t("🧾 Invoice"), "inv", order.id)]
    if (digital := digital_button(order, t, codec, user_id)) is not None:
        second.insert(0, digital)
    if order.status is OrderStatus.PENDING_PAYMENT and not order.is_digital and order.payment_method is not None:
        second.append(b(t("✏️ Change"), "ord", order.id, "m"))
    if order.status in CANCELLABLE:
        second.append(b(t("❌ Cancel"), "cnl", order.id))
    return [first, second]


def order_card(order: OrderView, t: Translator, digital: str | None = None) -> str:
    parts = [t("<b>Order {number}</b> — {status}", number=order.number, status=order_status(order, t)),
             t("Placed {when}", when=when(order.created_at)), "", breakdown_text(from_order(order), t), ""]
    if digital:
        parts += [digital, ""]
    if order.shipping_option is ShippingOption.PICKUP:
        parts.append(t("Pickup at: {place}", place=t("our pickup counter")))
    elif order.address:
        a = order.address
        line = ", ".join(str(a.get(k) or "") for k in ("name", "line1", "line2", "city", "postcode", "country")
                         if a.get(k))
        parts.append(t("Deliver to: {address}", address=html.escape(line)))
    parts.append(t("Payment: {method}", method=method_label(order.payment_method, t)))
    if order.paid_at:
        parts.append(t("Paid {when}", when=when(order.paid_at)))
    elif order.status is OrderStatus.PENDING_PAYMENT and order.expires_at:
        parts.append(t("Waiting for payment until {when}", when=when(order.expires_at)))
    return "\n".join(parts)


@router.button("ord")
async def order_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                       t: Translator, lang: str, codec: CallbackCodec) -> list[Reply]:
    action = payload.arg(1)
    if action == "m":
        return await modify.explain(services, user_id, payload.int_arg(0), state, t, codec)
    if action == "ca":
        return await modify.change_address(services, user_id, payload.int_arg(0), payload.int_arg(2), state, t,
                                           codec)
    async with services.uows.read() as uow:
        order = await get_order(uow, payload.int_arg(0), user_id=user_id)
    state.last_order = order.number
    shown = await localize_order(order, services, lang)
    digital = None
    if any(line.is_digital for line in order.lines) and order.paid_at is not None:
        digital = items_text(await load_items(services, order.id, user_id), {ln.sku: ln.title for ln in shown.lines},
                             t)
    card = order_card(shown, t, digital)
    return [Text(card, buttons=keyboard(*order_actions(order, services, t, codec, user_id)))]
