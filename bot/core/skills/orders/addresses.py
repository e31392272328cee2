"""The address book: list saved addresses, add one (same form as checkout), delete one.

Placed orders keep their own copy of the address, so deleting or adding here never changes where an
existing order goes (changing an unpaid order's address is in ``modify``).
"""

from __future__ import annotations

import html
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout import address_form, form_coupon
from bot.core.skills.checkout.flow import agrees
from bot.core.skills.orders import modify
from bot.core.skills.orders.order_address import (
    form_heading,
    new_address_for_order,
    order_of_form,
    order_to_readdress,
)
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from store.users import delete_address, list_addresses, save_address

__all__ = ["router", "address_book"]

router = Router("addresses")


def _b(codec: CallbackCodec, user_id: int, label: str, *args: object) -> Button:
    return Button(label, data=codec.encode(user_id, "addr", *args))


async def address_book(services: Services, user_id: int, t: Translator, codec: CallbackCodec) -> Text:
    async with services.uows.read() as uow:
        addresses = await list_addresses(uow, user_id)
    add = [_b(codec, user_id, t("➕ Add an address"), "add")]
    if not addresses:
        return Text(t("You have no saved addresses yet. Add one now, or at checkout."), buttons=keyboard(add))
    rows = [f"{i}. {html.escape(a.one_line())}" for i, a in enumerate(addresses, 1)]
    buttons = [[_b(codec, user_id, t("🗑 Delete {n}", n=i), "del", a.id)] for i, a in enumerate(addresses[:8], 1)]
    return Text(t("<b>Your saved addresses</b> (the one used last is offered first at checkout):\n{rows}",
                  rows="\n".join(rows)), buttons=keyboard(*buttons, add))


@router.intent("manage_address")
async def manage_address(text: str, services: Services, user_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> Reply | list[Reply]:
    order_id = await order_to_readdress(text, services, user_id)  # "我要改收货地址" with an order still open
    if order_id is not None:
        return await modify.explain(services, user_id, order_id, state, t, codec)
    return await address_book(services, user_id, t, codec)


@router.button("addr")
async def address_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                         t: Translator, codec: CallbackCodec) -> list[Reply]:
    action = payload.arg(0)
    if action == "add":  # with an order id: a new address for that order (order_address)
        order_id = payload.int_arg(1, 0)
        state.pending = Pending(kind="addr_new", data={"fields": {}, **({"order_id": order_id} if order_id else {})})
        head = await form_heading(services, user_id, order_id, t) if order_id else ""
        return [Text(head + address_form.first_prompt(t))]
    if action == "ok":
        return await _save_typed(services, user_id, state, t, codec)
    if action == "del":
        address_id = payload.int_arg(1)
        return [Text(t("Delete this address? Orders already placed keep their own copy."),
                     buttons=keyboard([_b(codec, user_id, t("Yes, delete it"), "dy", address_id),
                                       _b(codec, user_id, t("No, keep it"), "list")]))]
    if action == "dy":
        async with services.uows() as uow:
            await delete_address(uow, user_id, payload.int_arg(1))
        return [Text(t("Address deleted.")), await address_book(services, user_id, t, codec)]
    return [await address_book(services, user_id, t, codec)]


async def _save_typed(services: Services, user_id: int, state: Conversation, t: Translator,
                      codec: CallbackCodec) -> list[Reply]:
    """The typed address confirmed (✅, or "yes" / "对" typed at the confirmation): saved, and set on the order
    the form is for, if any."""
    pending = state.pending
    if pending is None or pending.kind != "addr_new" or pending.data.get("asking"):
        return [await address_book(services, user_id, t, codec)]
    async with services.uows() as uow:
        saved = await save_address(uow, user_id, address_form.to_input(pending.data["fields"]), services.clock())
    state.pending = None
    if (for_order := order_of_form(pending.data)) is not None:
        return await new_address_for_order(services, user_id, for_order, saved, state, t, codec)
    return [Text(t("Saved: {address}", address=html.escape(saved.one_line()))),
            await address_book(services, user_id, t, codec)]


@router.on_pending("addr_new")
async def address_answer(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                         codec: CallbackCodec, user_id: int, now: datetime) -> Reply | list[Reply]:
    assert state.pending is not None
    if address_form.is_cancel(text):
        state.pending = None
        return Text(t("Okay, no new address."))
    coupon = await form_coupon.coupon_in_form(text, services, user_id, state, t, lang, codec, now)
    if coupon:  # "I have a coupon SAVE5" while a field is asked: applied to the cart, the same field asked again
        return coupon
    data = state.pending.data
    again = [order_id] if (order_id := order_of_form(data)) is not None else []
    buttons = keyboard([_b(codec, user_id, t("✅ Save this address"), "ok"),
                        _b(codec, user_id, t("✏️ Start again"), "add", *again)])
    if address_form.awaiting_confirmation(data) and agrees(text):  # "对" / "yes" to "Is this address right?"
        return await _save_typed(services, user_id, state, t, codec)
    if address_form.awaiting_confirmation(data) and not address_form.looks_like_address(text):
        return Text(address_form.render(data["fields"], t) + "\n\n"
                    + t("Press ✅ to save this address, ✏️ to type it again, or send the corrected address in one "
                        "message."), buttons=buttons)
    step = address_form.take_answer(data, text, t)
    state.pending = Pending(kind="addr_new", data=step.data)
    if not step.complete:
        return Text(step.text)
    return Text(step.text, buttons=buttons)
