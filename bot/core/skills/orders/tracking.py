"""Where is my order: status plus a timeline of what happened, with the carrier's milestones.

The carrier is asked for news first (``refresh_tracking``, idempotent), so the answer is current and a
"delivered" milestone moves the order to delivered before we describe it. Internal bookkeeping events (stock
reserved, coupon recorded) are left out: the shopper sees what matters to them.
"""

from __future__ import annotations

import html
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.labels import method_label, shipping_label, status_label, when
from bot.core.skills.orders.lookup import find_order
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.errors import ValidationFailed
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.money import Money
from store.orders.views import OrderView, TimelineEntry, get_order, order_timeline
from store.shipping.errors import NotShipped
from store.shipping.options import quote
from store.shipping.service import ShipmentView, get_shipment, refresh_tracking

__all__ = ["router", "tracking_reply"]

router = Router("tracking")


def _money(params: dict[str, Any], key: str) -> str:
    value = params.get(key) or {}
    try:
        return Money(int(value["amount"]), str(value["currency"])).format()
    except (KeyError, TypeError, ValueError):
        return ""


def _tracking_text(status: str, t: Translator) -> str:
    texts = {
        "label_created": t("Shipping label created"),
        "picked_up": t("Picked up by the carrier"),
        "in_transit": t("In transit"),
        "out_for_delivery": t("Out for delivery"),
        "delivered": t("Delivered"),
    }
    return texts.get(status, status)


def _entry(e: TimelineEntry, t: Translator) -> str | None:
    p = e.params
    if e.kind.startswith("tracking:"):
        text = _tracking_text(e.kind.split(":", 1)[1], t)
        location = str(p.get("location") or "")
        return f"{text} ({html.escape(location)})" if location else text
    texts = {
        "placed": lambda: t("Order placed ({total})", total=_money(p, "total")),
        "claimed": lambda: t("Flash-sale item claimed"),
        "delivery_chosen": lambda: t("Delivery and payment chosen"),
        "payment_captured": lambda: t("Payment received ({amount})", amount=_money(p, "amount")),
        "expired": lambda: t("Not paid in time: cancelled, nothing charged"),
        "cancelled": lambda: t("Cancelled"),
        "shipped": lambda: t("Handed to the carrier {carrier}, tracking number {number}",
                             carrier=html.escape(str(p.get("carrier", ""))),
                             number=html.escape(str(p.get("tracking_number", "")))),
        "return_requested": lambda: t("Return requested"),
        "return_approved": lambda: t("Return approved"),
        "return_rejected": lambda: t("Return not accepted: {note}", note=html.escape(str(p.get("note", "")))),
        "refunded": lambda: t("Refunded {amount}", amount=_money(p, "amount")),
    }
    if e.kind == "status_changed" and p.get("to_status") in ("packed", "completed", "returned"):
        return t("Status: {status}", status=status_label(OrderStatus(p["to_status"]), t))
    if e.kind == "status_changed" and p.get("to_status") == "delivered" and p.get("reason") != \
            "carrier reported delivery":
        return t("Delivered")
    make = texts.get(e.kind)
    return make() if make else None


def _headline(order: OrderView, shipment: ShipmentView | None, t: Translator) -> str:
    # A cash-on-delivery order stays PENDING_PAYMENT until the courier collects; "waiting for payment" would
    # contradict the "nothing to pay now" the shopper was told at checkout, so it is named by its method.
    cod_unpaid = (order.status is OrderStatus.PENDING_PAYMENT
                  and order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY)
    status = method_label(order.payment_method, t) if cod_unpaid else status_label(order.status, t)
    head = t("<b>Order {number}</b> — {status}", number=order.number, status=status)
    if shipment is not None:
        head += "\n" + t("Carrier: {carrier} · tracking number <code>{number}</code>",
                         carrier=html.escape(shipment.carrier), number=html.escape(shipment.tracking_number))
    elif order.status in (OrderStatus.PAID, OrderStatus.PACKED):
        head += "\n" + t("We're preparing it; you'll get a tracking number as soon as it ships.")
    elif cod_unpaid and order.shipping_option is ShippingOption.PICKUP:
        head += "\n" + t("Nothing to pay now: pay {total} in cash when you collect it.", total=order.total.format())
    elif cod_unpaid:
        head += "\n" + t("Nothing to pay now: pay {total} in cash when it arrives. We'll pack it and message you when "
                         "it ships, with tracking.", total=order.total.format())
    elif order.status is OrderStatus.PENDING_PAYMENT and order.expires_at is not None:
        head += "\n" + t("It ships after payment. Please pay by {when}.", when=when(order.expires_at))
    return head


async def tracking_reply(services: Services, user_id: int, order_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> Text:
    now = services.clock()
    async with services.uows.read() as uow:
        order = await get_order(uow, order_id, user_id=user_id)  # NotFound unless it is theirs
    shipment: ShipmentView | None = None
    try:
        async with services.uows() as uow:
            shipment = await refresh_tracking(uow, order.id, now)
    except NotShipped:
        shipment = None
    async with services.uows.read() as uow:
        order = await get_order(uow, order.id, user_id=user_id)
        timeline = await order_timeline(uow, order.id, user_id=user_id)
        if shipment is None:
            try:
                shipment = await get_shipment(uow, order.id, user_id=user_id)
            except NotShipped:
                shipment = None
    state.last_order = order.number
    rows = [f"• {when(e.at)} — {text}" for e in timeline if (text := _entry(e, t))]
    head = _headline(order, shipment, t)
    if (estimate := _estimate(order, services, t)) is not None:
        head += "\n" + estimate
    body = head + "\n\n" + "\n".join(rows)
    return Text(body, buttons=keyboard([Button(t("🔄 Refresh"), data=codec.encode(user_id, "trk", order.id)),
                                        Button(t("📄 Details"), data=codec.encode(user_id, "ord", order.id))]))


_UNDERWAY = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED})


def _estimate(order: OrderView, services: Services, t: Translator) -> str | None:
    """How long delivery takes, for an order still on its way. WHY: "啥时候能到" / "when will it arrive" got the
    timeline of an unshipped order and no answer; the estimate is the one checkout quoted for the address."""
    option = order.shipping_option
    if order.status not in _UNDERWAY or option is None:
        return None
    zones = services.settings.shipping_zones
    if option is ShippingOption.PICKUP:
        point = zones.pickup
        return t("🏬 Pickup: we'll message you as soon as it's ready to collect at our {city} pickup counter.",
                 city=html.escape(point.city)) if point is not None else None
    if option not in (ShippingOption.STANDARD, ShippingOption.EXPRESS):
        return None
    country = str((order.address or {}).get("country") or "") or None
    try:
        days = quote(option, Money.zero(order.currency), is_digital=False,
                     domestic=zones.is_domestic(country)).days
    except ValidationFailed:
        return None
    return t("🚚 {option}: usually {days} business days once it ships.", option=shipping_label(option, t),
             days=days)


@router.command("track")
async def track_command(services: Services, user_id: int, state: Conversation, args: str, t: Translator,
                        codec: CallbackCodec) -> Reply:
    return await _track(services, user_id, state, None, args, t, codec)


@router.intent("track_order")
async def track_intent(services: Services, user_id: int, state: Conversation, parse: ParseResult | None,
                       t: Translator, codec: CallbackCodec, text: str = "") -> Reply:
    return await _track(services, user_id, state, parse, "", t, codec, text)


async def _track(services: Services, user_id: int, state: Conversation, parse: ParseResult | None, args: str,
                 t: Translator, codec: CallbackCodec, text: str = "") -> Reply:
    order, candidates = await find_order(services, user_id, state, parse, args)
    if order is None:
        live = [o for o in candidates if o.status not in (OrderStatus.CANCELLED, OrderStatus.REFUNDED)]
        pool = live or candidates
        order = pool[0] if pool else None
    if order is None:
        # "我快递一直没到 都两周了" with no order found here: someone waiting for a parcel needs a way to a person
        # (it was a dead end with no buttons), whatever account or channel they ordered through.
        from bot.core.skills.community.bought_problems import names_a_fault
        from bot.core.skills.community.questions import is_confident, shop_answer
        from bot.core.skills.community.support import support_button

        # "my package arrived damaged" with no order here: what the FAQ says to do, then the way to a person.
        answer = await shop_answer(services, text) if names_a_fault(text) else None
        if answer is not None and is_confident(services, answer) and answer.answer:
            return Text(answer.answer, buttons=keyboard([support_button(t, codec, user_id)]))
        return Text(t("You have no orders to track yet. If you're waiting for a parcel, a person from our team "
                      "can look into it."), buttons=keyboard([support_button(t, codec, user_id)]))
    return await tracking_reply(services, user_id, order.id, state, t, codec)


@router.button("trk")
async def track_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                       t: Translator, codec: CallbackCodec) -> Reply:
    return await tracking_reply(services, user_id, payload.int_arg(0), state, t, codec)
