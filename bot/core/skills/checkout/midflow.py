"""Edits and questions typed in the middle of a checkout, and the step they come back to: another address ("change
the address", "换个地址"), another delivery ("make it express", "改成加急", "change shipping"), "what's the total",
and a coupon typed at any step.

WHY: the checkout's choices live in ``state.checkout`` until the order is placed, but these messages were answered
as if no checkout were open: "change the address" opened the address book (with delete buttons), "make it
express" at the payment step was "not understood", "what's the total" gave the cart's total without the delivery
chosen, and a coupon showed the cart, whose Checkout button started again from the address. Now each is done or
answered and the checkout's step follows, with everything chosen before kept (a new address only drops the
delivery chosen for the old one, which may not serve it).
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.pending import is_short
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.checkout import steps
from bot.core.skills.checkout.address_form import resume_checkout
from bot.core.skills.checkout.form_coupon import form_waiting
from bot.core.skills.checkout.labels import shipping_label
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart
from store.models.orders import ShippingOption
from store.money import Money
from store.pricing.engine import remove_coupon
from store.shipping.options import RATES
from store.users import list_addresses

__all__ = ["typed_edit", "after_coupon", "coupon_dropped", "in_cart_checkout"]

_ADDRESS = re.compile(
    r"\b(?:change|edit|update|switch|fix|correct)\b[\w\s']{0,20}\baddress\b|"
    r"\b(?:different|another|other|new|wrong)\s+(?:delivery\s+|shipping\s+)?address\b|\baddress\s+is\s+wrong\b|"
    r"(?:换|改|更改|修改|变更|更换)(?:个|一个|一下|下|成|到)?(?:别的|其他|另一个|新的?)?(?:收货|送货|配送|寄送)?地址|"
    r"(?:别的|其他|另一个|另外一个|新的?)(?:收货|送货)?地址|地址(?:写|填)?错|地址(?:要|得|想)?(?:改|换)", re.I)
_SHIPPING = re.compile(
    r"\b(?:change|switch|edit|update|different|another|other)\b[\w\s']{0,20}\b(?:shipping|delivery)\b|"
    r"(?:换|改|更改|修改|更换|别的|其他)(?:个|一个|一下|下|一种)?(?:配送|运送|送货|发货|快递|物流)(?:方式|方法)?", re.I)
# A change to the option named ("make it express", "把配送方式改成加急"), which _SHIPPING's "change the delivery"
# does not cover in Chinese word order.
_CHANGE_TO = re.compile(r"\b(?:change|switch|make|upgrade|go)\b|改成|换成|改为|换为|改用|改走|升级", re.I)
# Asking something is not choosing ("quick question: …" names no delivery).
_ASIDE = re.compile(r"\bquestions?\b|问题|问一下|请问", re.I)


def in_cart_checkout(state: Conversation) -> bool:
    """A checkout of the cart is open and no order is placed yet (a claimed order's checkout has no coupon)."""
    co = state.checkout
    return bool(co) and co.get("method") is None and "order" not in co


async def typed_edit(text: str, services: Services, user_id: int, state: Conversation, t: Translator,
                     codec: CallbackCodec) -> list[Reply] | None:
    """An edit or a total question typed while a checkout is open, done and followed by the step; None for any
    other message (``checkout.typed`` and then the NLU read it)."""
    from bot.core.skills.checkout.typed import method_said, shipping_said

    co = state.checkout
    if not co or co.get("method") is not None:
        return None
    physical = not co.get("digital")
    if physical and _ADDRESS.search(text):
        return await _address_again(services, user_id, state, t, codec)
    said = shipping_said(text) if physical and not _ASIDE.search(text) and method_said(text) is None else None
    if said is not None and "ship" in co and is_short(text):
        return await _shipping_changed(said, services, user_id, state, t, codec)
    if said is not None and (_SHIPPING.search(text) or _CHANGE_TO.search(text)):
        # "change the delivery to express" names the option: chosen at the shipping step (or pickup at any), and
        # before an address, said to come right after it. WHY: the shipping step was shown again with nothing
        # chosen, and at the address step the message was "not sure what you mean".
        if "address_id" in co or "ship" in co or said is ShippingOption.PICKUP:
            return await _shipping_changed(said, services, user_id, state, t, codec)
        lead = t("{option} is chosen at the next step, right after the delivery address:",
                 option=shipping_label(said, t))
        return [Text(lead), *await steps.stale_step(services, user_id, state, t, codec)]
    if physical and _SHIPPING.search(text) and method_said(text) is None and ("address_id" in co or "ship" in co):
        co.pop("ship", None)
        if "address_id" not in co:  # pickup was chosen without an address: delivery needs one first
            return await _address_again(services, user_id, state, t, codec)
        lead = t("Sure, choose the delivery again:")
        return [Text(lead), *await steps.shipping_step(services, user_id, state, t, codec)]
    from bot.core.skills.shopping.cart_questions import asks_cart_total, asks_free_shipping

    if asks_cart_total(text) or asks_free_shipping(text):
        return await _total(asks_free_shipping(text), services, user_id, state, t, codec)
    return None


async def _address_again(services: Services, user_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> list[Reply]:
    """The address step again; the delivery chosen for the old address goes (it may not serve the new one)."""
    for key in ("ship", "address_id"):
        state.checkout.pop(key, None)
    async with services.uows() as uow:
        addresses = await list_addresses(uow, user_id)
    lead = t("Sure, let's change the delivery address. Choose one or add a new one; the delivery is chosen again "
             "after it.")
    return [Text(lead), steps.address_step(addresses, t, codec, user_id)]


async def _shipping_changed(option: ShippingOption, services: Services, user_id: int, state: Conversation,
                            t: Translator, codec: CallbackCodec) -> list[Reply]:
    """Another delivery named at the shipping or payment step: chosen (or refused with the options that serve the
    address), and the payment step with the new total."""
    from bot.core.skills.checkout.flow import shipping_button_choice

    if state.checkout.get("ship") == option.value:
        lead = t("{option} is already chosen.", option=shipping_label(option, t))
        return [Text(lead), *await steps.payment_step(services, user_id, state, t, codec)]
    before = state.checkout.get("ship")
    replies = await shipping_button_choice(option, services, user_id, state, t, codec)
    if state.checkout.get("ship") != option.value:
        return replies  # not served here: the refusal and the options that are
    label = shipping_label(option, t)
    lead = t("Okay, {option} instead.", option=label) if before is not None else t("Okay, {option}.", option=label)
    return [Text(lead), *replies]


async def _total(free_asked: bool, services: Services, user_id: int, state: Conversation, t: Translator,
                 codec: CallbackCodec) -> list[Reply]:
    """"what's the total" / "一共多少钱" / "is shipping free?" mid-checkout: at the payment step the summary with the
    delivery chosen (the cart's total left it out); before it, what the total still depends on."""
    co = state.checkout
    lines = []
    if free_asked:
        rates = RATES.get(services.settings.currency)
        if rates is not None:
            lines.append(t("Standard shipping is free on orders from {amount} (after discounts).",
                           amount=Money(rates.free_standard_from, services.settings.currency).format()))
    if co.get("digital") or "ship" in co:
        lines.append(t("Here is your order with its total, delivery included:"))
    else:
        lines.append(t("The total depends on the delivery you choose: each option shows its price, and the next "
                       "step shows the total with everything included."))
    step = await steps.stale_step(services, user_id, state, t, codec)
    return [Text(("" if t.language == "zh" else " ").join(lines)), *step]


async def after_coupon(note: str, services: Services, user_id: int, state: Conversation, t: Translator,
                       codec: CallbackCodec) -> list[Reply] | None:
    """A coupon applied, refused or removed while a cart checkout is open: the note, then the checkout's step
    (with the new total at the payment step). None when no checkout is open: the cart is shown as usual."""
    if not in_cart_checkout(state):
        return None
    if form_waiting(state):  # typed in the address form (``form_coupon``): the form's question again
        waiting = await resume_checkout(state, t)
        return [Text(note), *([waiting] if waiting is not None else [])]
    return [Text(note), *await steps.stale_step(services, user_id, state, t, codec)]


async def coupon_dropped(services: Services, user_id: int, state: Conversation, t: Translator, codec: CallbackCodec,
                         now: datetime) -> list[Reply] | None:
    """"不用优惠券了" / "remove the coupon" mid-checkout: the coupon comes off and the step shows the new total.
    None when no checkout is open (``shopping.cart.drop_coupon_reply`` shows the cart)."""
    if not in_cart_checkout(state):
        return None
    async with services.uows() as uow:
        had = (await get_cart(uow, user_id, now)).coupon_code
        if had:
            await remove_coupon(uow, user_id)
    note = t("Coupon {code} removed.", code=html.escape(had)) if had else t("There is no coupon on your cart.")
    return await after_coupon(note, services, user_id, state, t, codec)
