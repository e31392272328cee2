"""Payments in the dialogue: Telegram's pre-checkout query, the successful payment, and "how do I pay?".

WHY so little in ``pre_checkout``: Telegram cancels the payment if we do not answer within 10 seconds, so
the handler makes exactly one store call (signature + one primary-key read) and answers. The successful
payment is applied by the store exactly once per charge; a repeated delivery of the same charge gets
``DUPLICATE`` back and we stay silent, so the shopper never sees a second receipt.
"""

from __future__ import annotations

import asyncio
import html
import logging
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.events import Event, PaymentSucceeded, PreCheckout
from bot.core.followups import asks_something
from bot.core.replies import Button, Notify, PreCheckoutAnswer, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.digital import delivery_replies, digital_button
from bot.core.skills.checkout.gift_card import card_line
from bot.core.skills.checkout.invoices import INVOICE_METHODS, build_invoice, payments_for
from bot.core.skills.checkout.labels import status_label
from bot.core.skills.checkout.pay_methods import asks_which_methods, unsupported_named
from bot.core.skills.checkout.summary import breakdown_text, from_order, item_lines
from bot.core.skills.checkout.titles import localize_order
from bot.core.state import Conversation
from bot.i18n import Translator
from store.models.orders import OrderStatus, PaymentMethodKind
from store.money import Money, MoneyError
from store.orders.views import OrderView, get_order, list_orders
from store.payments.base import PaymentStatus
from store.payments.errors import RefusalReason

__all__ = ["router", "refusal_text", "resend_invoice", "paid_by_gift_card"]

log = logging.getLogger("shopbot.payments")

# Seconds the pre-checkout check may take: Telegram allows 10 for the answer, which must still travel there.
PRE_CHECKOUT_BUDGET = 7.0
router = Router("payments")


def refusal_text(reason: RefusalReason | None, t: Translator) -> str:
    texts = {
        RefusalReason.BAD_PAYLOAD: t("This invoice is not valid. Please ask me for a new one."),
        RefusalReason.UNKNOWN_ORDER: t("We could not find the order for this invoice."),
        RefusalReason.WRONG_USER: t("This invoice belongs to another customer."),
        RefusalReason.AMOUNT_MISMATCH: t("The amount changed. Please ask me for a new invoice."),
        RefusalReason.CURRENCY_MISMATCH: t("The currency changed. Please ask me for a new invoice."),
        RefusalReason.WRONG_METHOD: t("This order is paid another way."),
        RefusalReason.NOT_PAYABLE: t("This order can no longer be paid (it was paid or cancelled)."),
        RefusalReason.EXPIRED: t("This order expired and its items were released. Please order again."),
        RefusalReason.STOCK_RELEASED: t("The items of this order are no longer reserved. Please order again."),
        RefusalReason.DELIVERY_NOT_CHOSEN: t("Please choose delivery for this order first."),
    }
    return texts.get(reason, t("This payment can't be accepted.")) if reason else t("This payment can't be accepted.")


@router.on_event(PreCheckout)
async def pre_checkout(event: Event, services: Services, user_id: int, t: Translator) -> Reply:
    """Telegram cancels the payment when the pre-checkout query is not answered within 10 s; a check that
    cannot finish in ``PRE_CHECKOUT_BUDGET`` (the database's write lock held by a long checkout, say) is
    refused with a "try again" instead of never answering. Nothing is charged before the answer."""
    assert isinstance(event, PreCheckout)
    payments = payments_for(event.currency, services.settings)

    async def validate() -> Any:
        async with services.uows() as uow:
            return await payments.validate_pre_checkout(uow, event.payload, event.total_amount, event.currency,
                                                        user_id, now=services.clock())

    try:
        result = await asyncio.wait_for(validate(), PRE_CHECKOUT_BUDGET)
    except TimeoutError:
        log.warning("pre-checkout of user %s not checked within %.1f s: refused", user_id, PRE_CHECKOUT_BUDGET)
        return PreCheckoutAnswer(False, t("Sorry, we couldn't confirm your order in time, so nothing was charged. "
                                          "Please try paying again in a moment."))
    return PreCheckoutAnswer(result.ok, None if result.ok else refusal_text(result.reason, t))


def _what_next(order: OrderView, t: Translator) -> str:
    if order.is_digital:
        return t("Your digital items are delivered below: the order is complete. You can get them again any time "
                 "from the order under /orders.")
    if order.shipping_option is not None and order.shipping_option.value == "pickup":
        return t("We're preparing it for pickup and will message you when it's ready at the store.")
    return t("We're packing your order now and will message you when it ships, with a tracking number. "
             "Ask “where is my order?” any time.")


def receipt(order: OrderView, paid: Money, t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    lines = [t("✅ <b>Payment received — thank you!</b>"), t("Order {number}", number=order.number)]
    lines += item_lines(from_order(order), t)
    if order.gift_card is not None:  # the invoice paid the rest; the card paid its part at checkout
        lines.append(card_line(order.gift_card.masked, order.gift_card.amount, order.gift_card.balance_after, t))
    lines += [t("Total paid: <b>{amount}</b>", amount=paid.format()), "", _what_next(order, t)]
    track = [] if order.is_digital else [Button(t("🚚 Track"), data=codec.encode(user_id, "trk", order.id))]
    buttons = keyboard([*track, Button(t("🧾 Invoice"), data=codec.encode(user_id, "inv", order.id))],
                       [b for b in [digital_button(order, t, codec, user_id)] if b is not None])
    return Text("\n".join(lines), buttons=buttons)


def _amount_text(amount: int, currency: str) -> str:
    """A refused payment can carry any amount and currency: show it even when it is not money we know."""
    try:
        return Money(amount, currency).format()
    except MoneyError:
        return html.escape(f"{amount} {currency}")


@router.on_event(PaymentSucceeded)
async def payment_succeeded(event: Event, services: Services, user_id: int, state: Conversation,
                            t: Translator, lang: str, codec: CallbackCodec) -> list[Reply]:
    assert isinstance(event, PaymentSucceeded)
    payments = payments_for(event.currency, services.settings)
    async with services.uows() as uow:
        result = await payments.record_successful_payment(
            uow, event.payload, event.total_amount, event.currency, event.provider_charge_id,
            event.telegram_charge_id or None, user_id, now=services.clock())
    if result.status is PaymentStatus.DUPLICATE:
        log.info("payment %s delivered again; already applied", event.provider_charge_id)
        return []
    if result.status is PaymentStatus.REFUSED:
        shown = _amount_text(event.total_amount, event.currency)
        replies: list[Reply] = [Text(t(
            "We received your payment of {amount}, but couldn't apply it to an order: {reason} It is recorded, "
            "and our staff will refund it to you — you don't need to do anything.",
            amount=shown, reason=refusal_text(result.reason, t)))]
        note = (f"Payment {html.escape(event.provider_charge_id or event.telegram_charge_id)} of {shown} "
                f"from user {user_id} was refused ({result.reason}); it needs a manual refund.")
        replies += [Notify(staff, Text(note)) for staff in services.settings.staff_ids]
        return replies
    paid = Money(event.total_amount, event.currency)
    assert result.order_id is not None
    from store.loyalty.service import on_order_paid

    async with services.uows() as uow:
        await on_order_paid(uow, result.order_id, now=services.clock())  # points for the order, credited once
    async with services.uows() as uow:
        order = await get_order(uow, result.order_id, user_id=user_id)
    state.last_order = order.number
    localized = await localize_order(order, services, lang)
    # The codes and files this payment delivered (issued with the payment itself, so exactly once).
    return [receipt(localized, paid, t, codec, user_id), *await delivery_replies(services, localized, user_id, t)]


def _payable(order: OrderView, services: Services) -> bool:
    expires = order.expires_at
    return (order.status is OrderStatus.PENDING_PAYMENT and order.payment_method in INVOICE_METHODS
            and order.stock_held and (expires is None or expires > services.clock()))


async def resend_invoice(services: Services, user_id: int, order_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> list[Reply]:
    async with services.uows() as uow:
        order = await get_order(uow, order_id, user_id=user_id)
    if not _payable(order, services):
        return [Text(t("Order {number} can't be paid now: it is {status}.", number=order.number,
                       status=_status(order, t)))]
    state.last_order = order.number
    return [Text(t("Here is the invoice for order {number} again ({total}).", number=order.number,
                   total=order.amount_due.format())), await build_invoice(order, services, t)]


def _status(order: OrderView, t: Translator) -> str:
    """Why an order cannot take an invoice payment, in a word or two."""
    if order.status is not OrderStatus.PENDING_PAYMENT:
        return status_label(order.status, t)
    if order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY:
        return t("cash on delivery")
    if order.payment_method is None:
        return t("waiting for your delivery choice")
    return t("expired")


@router.intent("pay")
async def pay(text: str, services: Services, user_id: int, state: Conversation, t: Translator,
              codec: CallbackCodec) -> list[Reply]:
    """Explain how paying works; re-send the invoice of the newest unpaid order, offer the others."""
    async with services.uows() as uow:
        pending = await list_orders(uow, user_id, limit=10, statuses=frozenset({OrderStatus.PENDING_PAYMENT}))
    threshold = Money(services.settings.instalment_threshold_minor, services.settings.currency).format()
    intro = t("How paying works: at checkout you choose 💳 a card through Telegram Payments (secure, inside "
              "Telegram), ⭐ Telegram Stars for digital goods, or 💵 cash on delivery for physical goods. Each "
              "order is paid on its own. Card payments over {threshold} can be split into monthly instalments.",
              threshold=threshold)
    if (home := services.settings.shipping_zones.home) is not None:  # the store's rule: no cash abroad
        intro += " " + t("Cash on delivery is only for addresses in {home} and for pickup orders.", home=home)
    if asks_which_methods(text):
        # "do you take paypal?": the ways the shop takes, and "no" for the one named (an open checkout's step is
        # shown again under it by the dispatcher)
        named = unsupported_named(text)
        no = t("Sorry, we don't take {method}.", method=named) + " " if named else ""
        return [Text(no + intro)]
    payable = [o for o in pending if _payable(o, services)]
    cod = [o for o in pending if o.payment_method is PaymentMethodKind.CASH_ON_DELIVERY]
    unchosen = [o for o in pending if o.payment_method is None and o.stock_held]  # flash-sale claims
    if state.checkout and not (payable or cod or unchosen):
        # "怎么还没付款成功" at the address step got the payment lesson, "no unpaid orders" and the step: the
        # order does not exist yet. The dispatcher shows the open step under this (RESUME_CHECKOUT_AFTER).
        return [Text(t("Your order isn't placed yet, so there is nothing to pay: finish the checkout step below "
                       "and you'll get the payment right after."))]
    # Someone with an order to pay wants its invoice, not a lesson: the explanation is for everyone else.
    replies: list[Reply] = [] if payable or cod or unchosen else [Text(intro)]
    if unchosen:
        rows = [[Button(t("🚚 Choose delivery for {number}", number=o.number),
                        data=codec.encode(user_id, "co", "o", o.id))] for o in unchosen[:3]]
        replies.append(Text(t("These orders wait for your delivery choice before they can be paid:"),
                            buttons=keyboard(*rows)))
    if payable:
        first = payable[0]
        replies += await resend_invoice(services, user_id, first.id, state, t, codec)
        others = [[Button(t("Pay {number} ({total})", number=o.number, total=o.amount_due.format()),
                          data=codec.encode(user_id, "pm", "inv", o.id))] for o in payable[1:4]]
        if others:
            replies.append(Text(t("You have other unpaid orders too:"), buttons=keyboard(*others)))
    for order in cod[:3]:
        replies.append(Text(t("Order {number} is cash on delivery: pay {total} when it arrives.",
                              number=order.number, total=order.amount_due.format())))
    if not payable and not cod and not unchosen and not asks_something(text):
        # Only for "pay"/"i want to pay": "can i pay cash when it arrives?" asked how, and got a second,
        # unasked message about their orders.
        replies.append(Text(t("You have no unpaid orders right now.")))
    return replies


async def paid_by_gift_card(services: Services, order: OrderView, user_id: int, state: Conversation,
                            t: Translator, codec: CallbackCodec) -> list[Reply]:
    """The order the gift card paid in full as it was placed: the receipt at once, no invoice (and the digital
    items it delivered, and its points, as after any payment)."""
    from store.loyalty.service import on_order_paid

    async with services.uows() as uow:
        await on_order_paid(uow, order.id, now=services.clock())
    state.last_order = order.number
    localized = await localize_order(order, services, t.language)
    lines = [t("✅ <b>Order {number} is placed and paid with your gift card — thank you!</b>", number=order.number),
             breakdown_text(from_order(localized), t), "", _what_next(order, t)]
    track = [] if order.is_digital else [Button(t("🚚 Track"), data=codec.encode(user_id, "trk", order.id))]
    buttons = keyboard([*track, Button(t("🧾 Invoice"), data=codec.encode(user_id, "inv", order.id))],
                       [Button(t("📦 My orders"), data=codec.encode(user_id, "orders"))])
    return [Text("\n".join(lines), buttons=buttons), *await delivery_replies(services, localized, user_id, t)]
