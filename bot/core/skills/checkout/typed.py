"""Checkout choices typed instead of pressed: "express please", "标准配送", "cash on delivery", an address typed
at the address step; and, after a side question mid-checkout, the step again.

WHY: the steps offer buttons, but shoppers type. "express please" at the shipping step reached the NLU,
which read an agreement and answered "Sorry, I didn't catch that"; "I'll pay cash on delivery" at the payment
step got the payment FAQ and "no unpaid orders"; an address typed at the address step was searched for as a
product. A question ("how long does express take?") is not a choice: it goes on to be answered, and
``resume`` puts the step's buttons back under the answer.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout import address_form, pay_trouble, ship_questions, steps
from bot.core.skills.checkout.labels import method_label
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from store.models.orders import ShippingOption

__all__ = ["router", "typed_choice", "resume", "shipping_said", "method_said", "says_pickup", "only_pickup",
           "pickup_chosen"]

router = Router("checkout.typed")

_SHIPPING = (
    (ShippingOption.PICKUP, re.compile(r"pick\s*-?\s*up|pick\s+(it|them|this|that|these|those|(my|the)\s+\w+)\s+up|"
                                       r"collect|in\s*store|自提|到店|自取|(店里|门店)(去|来)?(拿|取)|"
                                       r"自己(去|来)?(拿|取)", re.I)),
    (ShippingOption.EXPRESS, re.compile(r"express|fast(est)?|quick(est)?|next\s*day|overnight|加急|特快|最快|次日|"
                                        r"快一点|快点", re.I)),
    (ShippingOption.STANDARD, re.compile(r"standard|normal|regular|cheap(est)?|free|slow|普通|标准|平邮|免费|"
                                         r"便宜", re.I)),
)
_METHODS = (
    ("cod", re.compile(r"cash|on\s*delivery|\bcod\b|货到付款|到付|现金", re.I)),
    ("stars", re.compile(r"\bstars?\b|星星|星币|⭐", re.I)),
    ("tg", re.compile(r"\bcard\b|credit|debit|visa|master\s*card|amex|银行卡|信用卡|刷卡|借记卡", re.I)),
)
# Delivery to the address, without saying which: in Chinese 快递 is any courier delivery (standard or express),
# not tracking, which the NLU read it as.
_DELIVERY = re.compile(r"快递|送货上门|送到家|寄过来|^\s*(home\s+)?deliver(y|ed)?(\s+it)?(\s+(please|pls))?\s*$", re.I)
# A "can I …?" question about an option asks for it: "我自己去店里拿行吗", "can I pick it up in store?".
_CAN_I = re.compile(r"^\s*(can|could|may)\s+(i|we)\b|行吗|可以吗|可不可以|行不行|能不能|^\s*(我)?(能|可以)", re.I)
# Asking about the options is not choosing one.
_QUESTION = re.compile(r"[?？]|^\s*(how|what|which|when|why|is|are|does|do|can|could|will|would)\b|多久|多长|"
                       r"什么|怎么|为什么|哪个|哪种|吗|呢|区别|有没有|有无", re.I)


# What may stand around "pick it up" in a message that says nothing else ("I'll pick it up in store myself",
# "我自己到店自取吧"): with no checkout open, only such a message is taken as the delivery choice, never a search
# that happens to contain the words ("collectible cards", "pickup truck toy").
_PICKUP_FILLER = re.compile(r"\b(i'?ll|i'?d|i|we'?ll|we|will|would|shall|like|prefer|rather|want|wanna|going|gonna|"
                            r"let|me|us|just|can|it|them|myself|ourselves|in|at|from|the|your|a|store|shop|"
                            r"person|please|pls|thanks|ok(ay)?|instead|and|then|to)\b|我们|我|要|想|自己|去|到|店里|"
                            r"门店|店|来|吧|就行|就好|好了|了|可以|直接|打算|准备|的", re.I)


def says_pickup(text: str) -> bool:
    """The shopper says they will collect the order ("I'll pick it up", "到店自取", "can I pick it up in store?")."""
    return shipping_said(text) is ShippingOption.PICKUP or _asks_pickup(text)


def only_pickup(text: str) -> bool:
    """The whole message is the pickup choice, with nothing else in it (see ``_PICKUP_FILLER``)."""
    if not says_pickup(text):
        return False
    words = _PICKUP_FILLER.sub(" ", _SHIPPING[0][1].sub(" ", text))
    return not re.sub(r"[\W_]+", "", words)


def shipping_said(text: str) -> ShippingOption | None:
    if _QUESTION.search(text):
        return None
    found = [option for option, words in _SHIPPING if words.search(text)]
    return found[0] if len(found) == 1 else None


def method_said(text: str) -> str | None:
    if _QUESTION.search(text):
        return None
    found = [code for code, words in _METHODS if words.search(text)]
    return found[0] if len(found) == 1 else None


@router.intent("checkout_typed")
async def typed_choice(text: str, services: Services, user_id: int, state: Conversation, t: Translator,
                       codec: CallbackCodec) -> list[Reply] | None:
    """Not an NLU intent: the dispatcher offers free text here while a checkout is open and no step is typed.
    None leaves the message to the NLU."""
    from bot.core.skills.checkout.flow import confirm_buttons, payment_button_choice, shipping_button_choice
    from bot.core.skills.checkout.midflow import typed_edit

    co = state.checkout
    if pay_trouble.reports_problem(text):
        # "my card was declined" names the card but does not choose it (it placed a card order)
        troubled = await pay_trouble.trouble_reply(services, user_id, state, t, codec)
        if troubled:
            return troubled
    edited = await typed_edit(text, services, user_id, state, t, codec) if co else None
    if edited:  # "change the address", "make it express", "what's the total" (checkout.midflow)
        return edited
    if co and co.get("method") is None and not co.get("digital") and ("address_id" in co or "ship" in co) \
            and not _asks_pickup(text) and not any(words.search(text) for _, words in _METHODS):
        asked = ship_questions.asks_about_options(text)  # "is there anything faster?": answered, not chosen
        answer = await ship_questions.options_answer(asked, services, user_id, state, t, codec) if asked else None
        if answer:
            return answer
    if not co:
        if not only_pickup(text) or _QUESTION.search(text):  # "can I pick it up?" is answered, not acted on
            return None
        # "I'll pick it up in store" with no checkout open: the checkout starts with pickup chosen. WHY: the
        # message got "not sure what you mean", and "checkout" then asked for a home address first.
        return await pickup_chosen(await steps.start_checkout(services, user_id, state, t, codec), services, user_id,
                                   state, t, codec)
    if co.get("method") is not None:
        return None
    if co.get("digital") or "ship" in co:
        code = method_said(text)
        if code is None and not co.get("digital") and _QUESTION.search(text) and _asks_cash(text):
            return await _cash_question(services, user_id, state, t, codec)
        return await payment_button_choice(code, services, user_id, state, t, codec) if code else None
    option = shipping_said(text)
    if option is not None and ("address_id" in co or option is ShippingOption.PICKUP):
        return await shipping_button_choice(option, services, user_id, state, t, codec)
    if _asks_pickup(text):
        # "can I collect it myself?": yes, and it is chosen (the payment step says where; a shop or address
        # without pickup gets the refusal and the step it came from).
        chosen = await shipping_button_choice(ShippingOption.PICKUP, services, user_id, state, t, codec)
        return [Text(t("Yes, you can collect it yourself: pickup chosen.")), *chosen] if "ship" in co else chosen
    if "address_id" in co and _QUESTION.search(text) and _asks_cash(text):
        return await _cash_before_shipping(services, user_id, state, t, codec)
    code = method_said(text)
    if code is not None and option is None:
        return await _payment_first(code, services, user_id, state, t, codec)
    if "address_id" in co and not _QUESTION.search(text) and _DELIVERY.search(text):
        lead = t("Standard or express delivery? Choose one below.")
        return [Text(lead), *await steps.shipping_step(services, user_id, state, t, codec)]
    if "address_id" not in co and not _QUESTION.search(text) and address_form.looks_like_address(text):
        # The whole address typed at the address step: the form takes it as its first answer.
        step = address_form.take_answer({"fields": {}}, text, t)
        state.pending = Pending(kind="co_address", data=step.data)
        return [Text(step.text, buttons=confirm_buttons(t, codec, user_id) if step.complete else ())]
    return None


async def pickup_chosen(started: list[Reply], services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> list[Reply]:
    """A checkout just started (``started``) by a shopper who said they will collect it: where it stopped at the
    address step, pickup is chosen instead (no home address asked); anything else (empty cart, digital goods,
    items to adjust) is left as it was."""
    from bot.core.skills.checkout.flow import shipping_button_choice

    co = state.checkout
    if not co or co.get("digital") or "address_id" in co or state.pending is not None:
        return started
    chosen = await shipping_button_choice(ShippingOption.PICKUP, services, user_id, state, t, codec)
    if co.get("ship") != ShippingOption.PICKUP.value:
        return chosen  # the shop has no pickup point: the refusal and the address step
    return [Text(t("Pickup in store chosen, so no delivery address is needed.")), *chosen]


def _asks_pickup(text: str) -> bool:
    return bool(_CAN_I.search(text)) and [o for o, words in _SHIPPING if words.search(text)] == [ShippingOption.PICKUP]


def _asks_cash(text: str) -> bool:
    return [c for c, words in _METHODS if words.search(text)] == ["cod"]


async def _payment_first(code: str, services: Services, user_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> list[Reply]:
    """"刷卡", "pay by card", "cash on delivery" before the payment step: a preference, kept for the payment step
    (``steps.payment_step`` puts it first), and the open step again. WHY: the pay intent answered "your order
    isn't placed yet, so there is nothing to pay", which read as a refusal of the card."""
    if code == "cod" and "address_id" in state.checkout:
        country = await steps.address_country(services, user_id, state)
        if not services.settings.shipping_zones.collects_cash(ShippingOption.STANDARD, country):
            return await _cash_before_shipping(services, user_id, state, t, codec)  # no cash to this address
    state.checkout["prefer"] = code
    method = steps.METHOD_CODES[code]
    lead = t("Noted: you'd like to pay by {method}. You choose it at the payment step, right after this one.",
             method=method_label(method, t))
    step = await steps.stale_step(services, user_id, state, t, codec)
    return [Text(lead), *step]


async def _cash_question(services: Services, user_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> list[Reply]:
    """"can i pay cash?" at the payment step: yes or no for this order, then the step. WHY: the FAQ answered
    an order to Canada with another entry's "Yes" (instalments), and the step offered no cash button."""
    zones = services.settings.shipping_zones
    option = ShippingOption(state.checkout["ship"])
    country = await steps.address_country(services, user_id, state)
    if option is ShippingOption.PICKUP:
        answer = t("Yes: choose “💵 Cash at pickup” below and pay when you collect it.")
    elif zones.collects_cash(option, country):
        answer = t("Yes: choose “💵 Cash on delivery” below and pay when it arrives.")
    else:
        answer = t("Cash on delivery is only for addresses in {home} and for pickup orders, so this order can't be "
                   "paid in cash. You can pay by card below.", home=zones.home or "—")
    return [Text(answer), *await steps.payment_step(services, user_id, state, t, codec)]


async def _cash_before_shipping(services: Services, user_id: int, state: Conversation, t: Translator,
                                codec: CallbackCodec) -> list[Reply]:
    """"能货到付款吗" at the shipping step, the address chosen: yes or no for that address, then the step. WHY: the
    payment FAQ answered a Shanghai order "可以，美国地址…支持货到付款", which says nothing about this order."""
    zones = services.settings.shipping_zones
    country = await steps.address_country(services, user_id, state)
    if zones.collects_cash(ShippingOption.STANDARD, country):
        answer = t("Yes: choose how to send it below, then “💵 Cash on delivery” at the payment step.")
    else:
        answer = t("Cash on delivery is only for addresses in {home} and for pickup orders, so an order to this "
                   "address can't be paid in cash: you'll pay by card at the payment step.", home=zones.home or "—")
    return [Text(answer), *await steps.shipping_step(services, user_id, state, t, codec)]


@router.intent("checkout_resume")
async def resume(services: Services, user_id: int, state: Conversation, t: Translator,
                 codec: CallbackCodec) -> list[Reply]:
    """The open checkout's current step, with a line saying it is still open (after a side question)."""
    if not state.checkout or state.checkout.get("method") is not None or state.pending is not None:
        return []
    step = await steps.stale_step(services, user_id, state, t, codec)
    lead = t("You're still checking out — carry on here when you're ready:")
    return [Text(lead + "\n\n" + r.text, buttons=r.buttons) if isinstance(r, Text) else r for r in step]
