"""Checkout handlers: the intent, the cart's Checkout button (``co:start``) and each step's buttons.

Prefixes: ``co`` (start, saved address ``a:<id>``, new address ``new``, confirm typed address ``ok``,
back to the addresses ``addr``, cancel ``x``, delivery for a claimed order ``o:<order id>``), ``ship``
(shipping option), ``pm`` (payment method; ``pm:inv:<order id>`` re-sends an invoice). The typed address is a
pending step ``co_address``.
Store errors at order time (stock ran out, coupon expired) are explained by the dispatcher; the cart is
untouched by a failed checkout. Choosing an address drops any shipping choice made for the previous one, and a
shipping button that does not serve the address chosen (pressed from an older message) is refused with the
options that do; the store refuses such an order too (``store.checkout.delivery.check_serves``).
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout import address_form, form_coupon, reopen, steps, typed
from bot.core.skills.checkout.paying import resend_invoice
from bot.core.skills.checkout.placing import place_order
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from store.models.orders import ShippingOption
from store.users import list_addresses, save_address, touch_address

__all__ = ["router", "confirm_buttons", "shipping_button_choice", "payment_button_choice", "agrees"]

router = Router("checkout")


@router.intent("checkout")
async def checkout_intent(text: str, services: Services, user_id: int, state: Conversation, t: Translator,
                          codec: CallbackCodec, topic: str | None) -> list[Reply]:
    resumed = None if typed.says_pickup(text) else await reopen.resume(services, user_id, state, t, codec)
    if resumed:  # "checkout" again mid-checkout: the open step, with the address and delivery chosen
        return resumed
    picked_up = state.checkout.get("ship") == ShippingOption.PICKUP.value and not state.checkout.get("order")
    started = await steps.start_checkout(services, user_id, state, t, codec, topic=topic)
    if picked_up or typed.says_pickup(text):
        # "结账，我到店自取", or "checkout" again after pickup was chosen: pickup, not "where should we deliver?"
        return await typed.pickup_chosen(started, services, user_id, state, t, codec)
    return started


def _cancelled(state: Conversation, t: Translator) -> Text:
    state.pending, state.checkout = None, {}
    return Text(t("Checkout cancelled. Your cart is untouched — check out whenever you're ready."))


def confirm_buttons(t: Translator, codec: CallbackCodec, user_id: int) -> tuple[tuple[Button, ...], ...]:
    return keyboard([Button(t("✅ Use this address"), data=codec.encode(user_id, "co", "ok")),
                     Button(t("✏️ Start again"), data=codec.encode(user_id, "co", "new"))],
                    [Button(t("✖️ Cancel checkout"), data=codec.encode(user_id, "co", "x"))])


@router.button("co")
async def checkout_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                          t: Translator, codec: CallbackCodec) -> list[Reply]:
    action = payload.arg(0)
    if action == "start":  # the cart's 💳 Checkout: an open checkout goes on where it stands (``reopen``)
        return await reopen.open_or_start(services, user_id, state, t, codec)
    if action == "x":
        return [_cancelled(state, t)]
    if action == "o":
        return await steps.start_for_order(services, user_id, payload.int_arg(1), state, t, codec)
    if not state.checkout or state.checkout.get("digital"):
        return await steps.stale_step(services, user_id, state, t, codec)
    if action == "new":
        state.pending = Pending(kind="co_address", data={"fields": {}})
        return [Text(address_form.first_prompt(t))]
    if action == "addr":
        _choose_address(state, None)
        async with services.uows() as uow:
            addresses = await list_addresses(uow, user_id)
        return [steps.address_step(addresses, t, codec, user_id)]
    if action == "a":
        address_id = payload.int_arg(1)
        async with services.uows() as uow:
            await touch_address(uow, user_id, address_id, services.clock())  # NotFound if not theirs
        _choose_address(state, address_id)
        return await steps.shipping_step(services, user_id, state, t, codec)
    if action == "ok":
        return await _use_typed_address(services, user_id, state, t, codec)
    return [steps.expired_step(t, codec, user_id)]


def _choose_address(state: Conversation, address_id: int | None) -> None:
    """A new address (or none yet): the shipping choice made for the old one may not serve it, so it goes."""
    for key in ("ship", "method", "address_id"):
        state.checkout.pop(key, None)
    if address_id is not None:
        state.checkout["address_id"] = address_id


async def _use_typed_address(services: Services, user_id: int, state: Conversation, t: Translator,
                             codec: CallbackCodec) -> list[Reply]:
    """The typed address confirmed (✅, or "yes" typed at the confirmation): save it, go on to shipping."""
    pending = state.pending
    if pending is None or pending.kind != "co_address" or pending.data.get("asking"):
        return await steps.stale_step(services, user_id, state, t, codec)
    async with services.uows() as uow:
        saved = await save_address(uow, user_id, address_form.to_input(pending.data["fields"]), services.clock())
    state.pending = None
    _choose_address(state, saved.id)
    replies: list[Reply] = [Text(t("Saved to your addresses: {address}", address=saved.one_line()))]
    return replies + await steps.shipping_step(services, user_id, state, t, codec)


# "yes", "that's right", "对的": the address shown is right (a typed agreement looped back to the question).
_AGREES = re.compile(r"^\W*(yes|yeah|yep|yup|correct|right|that'?s right|that'?s correct|looks good|good|ok|okay|"
                     r"sure|perfect|confirm(ed)?|use it|对|对的|是的|是|没错|正确|好的|好|可以|确认|就这个)\W*$", re.I)


def agrees(text: str) -> bool:
    """"yes", "对的": the address shown is right (both address forms)."""
    return bool(_AGREES.match(text.strip()))


@router.on_pending("co_address")
async def address_answer(text: str, services: Services, state: Conversation, t: Translator, codec: CallbackCodec,
                         user_id: int, lang: str, now: datetime) -> Reply | list[Reply]:
    assert state.pending is not None
    if address_form.is_cancel(text):
        return _cancelled(state, t)
    coupon = await form_coupon.coupon_in_form(text, services, user_id, state, t, lang, codec, now)
    if coupon:  # "I have a coupon SAVE5" while a field is asked: applied, and the same field asked again
        return coupon
    data = state.pending.data
    if typed.says_pickup(text) and not address_form.looks_like_address(text):
        # "I'll pick it up in store" while the form asks for a name: pickup, not a recipient called that.
        state.pending = None
        return await typed.pickup_chosen([], services, user_id, state, t, codec)
    if address_form.awaiting_confirmation(data) and _AGREES.match(text.strip()):
        return await _use_typed_address(services, user_id, state, t, codec)
    if address_form.awaiting_confirmation(data) and not address_form.looks_like_address(text):
        # A short message now is not a correction of one field (it used to replace the name): ask again.
        return Text(address_form.render(data["fields"], t) + "\n\n"
                    + t("Press ✅ to use this address, ✏️ to type it again, or send the corrected address in one "
                        "message."), buttons=confirm_buttons(t, codec, user_id))
    step = address_form.take_answer(data, text, t)
    state.pending = Pending(kind="co_address", data=step.data)
    if step.complete:
        return Text(step.text, buttons=confirm_buttons(t, codec, user_id))
    return Text(step.text)


@router.button("ship")
async def shipping_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                          t: Translator, codec: CallbackCodec) -> list[Reply]:
    try:
        option = ShippingOption(payload.arg(0))
    except ValueError:
        return [steps.expired_step(t, codec, user_id)]
    return await shipping_button_choice(option, services, user_id, state, t, codec)


async def shipping_button_choice(option: ShippingOption, services: Services, user_id: int, state: Conversation,
                                 t: Translator, codec: CallbackCodec) -> list[Reply]:
    """A shipping option chosen, by button or typed (``typed``)."""
    if not state.checkout or state.checkout.get("digital") or option is ShippingOption.DIGITAL:
        return await steps.stale_step(services, user_id, state, t, codec)
    if "address_id" not in state.checkout and option is not ShippingOption.PICKUP:
        async with services.uows() as uow:
            addresses = await list_addresses(uow, user_id)
        return [steps.address_step(addresses, t, codec, user_id)]
    country = await steps.address_country(services, user_id, state)
    if not services.settings.shipping_zones.serves(option, country):
        state.checkout.pop("ship", None)
        refused = Text(steps.not_served_text(option, country, t))
        if "address_id" not in state.checkout:  # pickup typed first, and the shop has no pickup point
            async with services.uows() as uow:
                addresses = await list_addresses(uow, user_id)
            return [refused, steps.address_step(addresses, t, codec, user_id)]
        return [refused, *await steps.shipping_step(services, user_id, state, t, codec)]
    state.checkout["ship"] = option.value
    return await steps.payment_step(services, user_id, state, t, codec)


@router.button("pm")
async def payment_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                         t: Translator, codec: CallbackCodec) -> list[Reply]:
    code = payload.arg(0)
    if code == "inv":
        return await resend_invoice(services, user_id, payload.int_arg(1), state, t, codec)
    return await payment_button_choice(code, services, user_id, state, t, codec)


async def payment_button_choice(code: str, services: Services, user_id: int, state: Conversation, t: Translator,
                                codec: CallbackCodec) -> list[Reply]:
    """A payment method chosen, by button or typed (``typed``)."""
    if code not in steps.METHOD_CODES or not state.checkout:
        return await steps.stale_step(services, user_id, state, t, codec)
    if not state.checkout.get("digital") and "ship" not in state.checkout:
        return await steps.stale_step(services, user_id, state, t, codec)
    state.checkout["method"] = code
    return await place_order(services, user_id, state, t, codec)
