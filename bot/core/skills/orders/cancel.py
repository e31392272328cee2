"""Cancelling an order: confirm with buttons, cancel, and say what happens to the money and the items.

WHY a confirmation: cancelling releases the reserved items at once and cannot be undone. When the store
refuses (``IllegalTransition``: the order shipped meanwhile), the shopper hears why and what they can do
instead (track it, return it once delivered). A paid order's refund is recorded by staff, who are notified.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Notify, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.labels import method_label, status_label
from bot.core.skills.orders.into_cart import order_into_cart
from bot.core.skills.orders.lookup import find_order, recent_orders
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.errors import StoreError
from store.models.orders import OrderStatus
from store.orders import events
from store.orders.errors import IllegalTransition
from store.orders.service import CANCELLABLE, cancel_order
from store.orders.views import OrderView, get_order

# The topic of the reply that cancelled an order ("cancelled:<order id>"): its items can go back in the cart.
CANCELLED_TOPIC = "cancelled:"
# Words of "put it back in my cart" / "add them all back" / "放回购物车" / "重新加回去" that name no product.
_BACK_WORDS = re.compile(r"\b(?:back|again|re-?add|all|everything|items?|stuff|things|order|them)\b|"
                         r"放回|加回|回去|回来|重新|全部|都|东西|订单|商品|原来", re.IGNORECASE)

__all__ = ["router", "not_cancellable", "typed_put_back", "CANCELLED_TOPIC"]

router = Router("cancel_order")


def _b(codec: CallbackCodec, user_id: int, label: str, prefix: str, *args: object) -> Button:
    return Button(label, data=codec.encode(user_id, prefix, *args))


def not_cancellable(order: OrderView, t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    """Why this order cannot be cancelled, and what to do instead."""
    n = order.number
    if order.status is OrderStatus.SHIPPED:
        return Text(t("Order {number} has already shipped, so it can't be cancelled any more. Once it arrives "
                      "you can request a return and get your money back.", number=n),
                    buttons=keyboard([_b(codec, user_id, t("🚚 Track"), "trk", order.id)]))
    if order.status in (OrderStatus.DELIVERED, OrderStatus.COMPLETED) and not order.is_digital:
        return Text(t("Order {number} was already delivered, so it can't be cancelled — but you can return it.",
                      number=n), buttons=keyboard([_b(codec, user_id, t("↩️ Return"), "ret", order.id)]))
    if order.status is OrderStatus.CANCELLED:
        return Text(t("Order {number} is already cancelled.", number=n))
    return Text(t("Order {number} is {status}, so it can't be cancelled.", number=n,
                  status=status_label(order.status, t)))


def _card_money(order: OrderView, t: Translator, *, done: bool) -> str:
    """What happens to the money of an order a gift card paid (part of): said before and after cancelling."""
    card = order.gift_card
    assert card is not None
    if order.paid_at is None:
        if done:
            return t("Nothing was charged, and the {amount} from gift card {code} is back on the card.",
                     amount=card.amount.format(), code=card.masked)
        return t("Nothing has been charged for it; the {amount} from gift card {code} goes back on the card.",
                 amount=card.amount.format(), code=card.masked)
    if order.amount_due.amount == 0:
        return t("Gift card {code} paid {amount}; it goes back on the card with the refund.",
                 code=card.masked, amount=card.amount.format())
    return t("We'll refund {due} to your {method}, and the {amount} from gift card {code} goes back on the card.",
             due=order.amount_due.format(), method=method_label(order.payment_method, t),
             amount=card.amount.format(), code=card.masked)


def _confirm(order: OrderView, t: Translator, codec: CallbackCodec, user_id: int, state: Conversation) -> Text:
    if order.gift_card is not None:
        money = _card_money(order, t, done=False)
    elif order.paid_at is not None:
        money = t("You paid {total}; we'll refund it to your {method}.", total=order.total.format(),
                  method=method_label(order.payment_method, t))
    else:
        money = t("Nothing has been charged for it.")
    yes, no = _b(codec, user_id, t("Yes, cancel it"), "cnl", order.id, "y"), _b(codec, user_id, t("No, keep it"),
                                                                                  "cnl", order.id, "n")
    # a typed "yes" / "是的" / "对 取消吧" presses them
    state.yes_no = {"yes": str(yes.data), "no": str(no.data), "about": "cancel"}
    return Text(t("Cancel order {number} ({total})? {money} The reserved items go back on sale.",
                  number=order.number, total=order.total.format(), money=money), buttons=keyboard([yes, no]))


@router.intent("cancel_order")
async def cancel_intent(services: Services, user_id: int, state: Conversation, parse: ParseResult | None,
                        t: Translator, codec: CallbackCodec) -> Reply:
    order, candidates = await find_order(services, user_id, state, parse, fits=lambda o: o.status in CANCELLABLE)
    if order is None and candidates:
        rows = [[_b(codec, user_id, f"{o.number} · {o.total.format()} · {status_label(o.status, t)}", "cnl", o.id)]
                for o in candidates[:5]]
        return Text(t("Which order do you want to cancel?"), buttons=keyboard(*rows))
    if order is None:
        recent = await recent_orders(services, user_id, limit=1)
        if recent and recent[0].status not in CANCELLABLE:
            return not_cancellable(recent[0], t, codec, user_id)
        return Text(t("You have no orders that can still be cancelled."))
    state.last_order = order.number
    if order.status not in CANCELLABLE:
        return not_cancellable(order, t, codec, user_id)
    return _confirm(order, t, codec, user_id, state)


async def typed_put_back(text: str, parse: ParseResult | None, topic: str | None, services: Services,
                         user_id: int, t: Translator, codec: CallbackCodec) -> list[Reply] | None:
    """"put it back in cart" typed right after an order was cancelled: that order's items, as its button does.

    WHY: the add read "back" as a product's name and the search's top hit ("Gregory Zulu 28 L Daypack,
    Ventilated Back Panel", never shown) went into the cart. None when the message names a product of its own
    or no order was just cancelled."""
    from bot.core.skills.orders.reorder import asks_reorder, reorder
    from bot.core.skills.shopping.targets import leftover_words

    if asks_reorder(text):  # "order the same again" / "再来一单一样的": an earlier order's items (orders.reorder)
        return await reorder(text, parse, services, user_id, t, codec)
    if not topic or not topic.startswith(CANCELLED_TOPIC) or not topic[len(CANCELLED_TOPIC):].isdigit():
        return None
    if _BACK_WORDS.sub(" ", leftover_words(text, parse, drop_options=True)).strip():
        return None
    try:
        async with services.uows.read() as uow:
            order = await get_order(uow, int(topic[len(CANCELLED_TOPIC):]), user_id=user_id)
    except StoreError:
        return None
    if order.status is not OrderStatus.CANCELLED:
        return None
    return await _put_back(services, user_id, order, t, codec)


async def _put_back(services: Services, user_id: int, order: OrderView, t: Translator,
                    codec: CallbackCodec) -> list[Reply]:
    return await order_into_cart(services, user_id, order, t, codec,
                                 lambda items: t("Back in your cart: {items}.", items=items))


@router.button("cnl")
async def cancel_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                        t: Translator, codec: CallbackCodec) -> list[Reply]:
    action = payload.arg(1)
    async with services.uows() as uow:
        order = await get_order(uow, payload.int_arg(0), user_id=user_id)
    if action == "n":
        return [Text(t("Okay, order {number} stays as it is.", number=order.number))]
    if action == "re":
        if order.status is not OrderStatus.CANCELLED:
            return [Text(t("Order {number} is still active.", number=order.number))]
        return await _put_back(services, user_id, order, t, codec)
    if action != "y":
        return [not_cancellable(order, t, codec, user_id) if order.status not in CANCELLABLE
                else _confirm(order, t, codec, user_id, state)]
    try:
        async with services.uows() as uow:
            done = await cancel_order(uow, order.id, events.user_actor(user_id), "cancelled by the shopper",
                                      now=services.clock(), user_id=user_id)
    except IllegalTransition:
        async with services.uows() as uow:
            current = await get_order(uow, order.id, user_id=user_id)
        return [not_cancellable(current, t, codec, user_id)]
    if done.gift_card is not None:
        money = _card_money(done, t, done=True)
    elif done.paid_at is not None:
        money = t("We'll refund {total} to your {method}; our staff have been told and will message you when "
                  "it's done.", total=done.total.format(), method=method_label(done.payment_method, t))
    else:
        money = t("Nothing was charged.")
    replies: list[Reply] = [Text(t("Order {number} is cancelled. {money}", number=done.number, money=money),
                                 buttons=keyboard([_b(codec, user_id, t("🛒 Put the items back in my cart"),
                                                      "cnl", done.id, "re")]))]
    state.topic = f"{CANCELLED_TOPIC}{done.id}"  # "put it back in cart" next: these items (``typed_put_back``)
    if done.paid_at is not None:
        note = f"Order {done.number} (paid {done.total.format()}) was cancelled by the shopper: refund it."
        replies += [Notify(staff, Text(note)) for staff in services.settings.staff_ids]
    return replies
