"""A text invoice/receipt for an order: number, date, billing address, items, each discount, shipping,
total and how it was (or will be) paid.

WHY text and not a PDF: it reads the same in Telegram, the web chat and the console, can be forwarded, and
is built from the order's own price snapshot, so it always matches what was charged. Orders carry no tax
amount in this shop, so no tax line is invented.
"""

from __future__ import annotations

import html

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.labels import method_label, order_status, when
from bot.core.skills.checkout.summary import breakdown_text, from_order
from bot.core.skills.checkout.titles import localize_order
from bot.core.skills.orders.lookup import find_order
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.models.orders import OrderStatus, PaymentMethodKind
from store.orders.views import OrderView, get_order

__all__ = ["router", "invoice_text"]

router = Router("invoice")


def _payment_line(order: OrderView, t: Translator) -> str:
    method = method_label(order.payment_method, t)
    card = order.gift_card
    if card is not None and card.held and order.payment_method is not PaymentMethodKind.GIFT_CARD:
        method = t("{method} ({due}) and gift card {code} ({amount})", method=method,
                   due=order.amount_due.format(), code=card.masked, amount=card.amount.format())
    if order.paid_at is not None:
        return t("Payment: {method}, paid {when}", method=method, when=when(order.paid_at))
    if order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY and order.status is not OrderStatus.CANCELLED:
        return t("Payment: {method}, due on delivery", method=method)
    return t("Payment: {method}, not paid", method=method)


def invoice_text(order: OrderView, t: Translator) -> str:
    parts = [t("🧾 <b>Invoice — order {number}</b>", number=order.number),
             t("Date: {when}", when=when(order.created_at)),
             t("Status: {status}", status=order_status(order, t))]
    if order.address:
        a = order.address
        billed = ", ".join(str(a.get(k)) for k in ("name", "line1", "line2", "city", "region", "postcode", "country")
                           if a.get(k))
        parts.append(t("Billed to: {address}", address=html.escape(billed)))
    parts += ["", breakdown_text(from_order(order), t)]
    if order.discount.amount:
        parts.append(t("You saved {amount}.", amount=order.discount.format()))
    parts += ["", _payment_line(order, t)]
    return "\n".join(parts)


async def _reply(order: OrderView, services: Services, lang: str, state: Conversation, t: Translator,
                 codec: CallbackCodec, user_id: int) -> Text:
    state.last_order = order.number
    return Text(invoice_text(await localize_order(order, services, lang), t),
                buttons=keyboard([Button(t("📄 Order details"), data=codec.encode(user_id, "ord", order.id))]))


@router.intent("get_invoice")
async def invoice_intent(services: Services, user_id: int, state: Conversation, parse: ParseResult | None,
                         t: Translator, lang: str, codec: CallbackCodec) -> Reply:
    order, candidates = await find_order(services, user_id, state, parse)
    if order is None and not candidates:
        return Text(t("You have no orders yet, so there is no invoice to show."))
    if order is None:
        rows = [[Button(f"{o.number} · {o.total.format()}", data=codec.encode(user_id, "inv", o.id))]
                for o in candidates[:5]]
        return Text(t("Which order do you need the invoice for?"), buttons=keyboard(*rows))
    return await _reply(order, services, lang, state, t, codec, user_id)


@router.button("inv")
async def invoice_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                         t: Translator, lang: str, codec: CallbackCodec) -> Reply:
    async with services.uows() as uow:
        order = await get_order(uow, payload.int_arg(0), user_id=user_id)
    return await _reply(order, services, lang, state, t, codec, user_id)
