"""Returns and refunds: pick a delivered order, say why (buttons or free text), add photos if you like,
submit; staff review it and the shopper is told what happens next at every step.

WHY the reason sent to the store is English: staff read it; the shopper sees everything in their language.
Photos arrive as ``PhotoMessage`` events while the ``ret_photo`` step is pending; only Telegram file ids are
kept (the store never downloads anything).
"""

from __future__ import annotations

import html
import re

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.events import Event, PhotoMessage
from bot.core.replies import Button, Notify, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.address_form import is_cancel
from bot.core.skills.checkout.labels import status_label
from bot.core.skills.community.support import support_button
from bot.core.skills.orders.lookup import find_order, recent_orders
from bot.core.skills.orders.refund_status import asks_refund_status, refund_status
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from nlu.result import ParseResult
from store.models.orders import OrderStatus
from store.orders.views import OrderView, get_order
from store.returns import MAX_PHOTOS, request_return

__all__ = ["router"]

router = Router("returns")

_RETURNABLE = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})
_REASONS = {  # code -> English reason recorded for staff
    "damaged": "Arrived damaged or defective",
    "wrong": "Wrong item received",
    "desc": "Not as described",
    "unneeded": "No longer needed",
}
_SUBMIT_WORDS = frozenset({"submit", "done", "send", "finish", "提交", "完成", "好了"})


# A question asked while the return waits for its reason or photos (refunds, shipping back): not the reason.
_QUESTION = re.compile(r"[?？]\s*$|^\s*(how|when|what|where|why|will|can|do|does|did|is|are|has|have)\b|"
                       r"多久|多长时间|什么时候|怎么|如何|能不能|可不可以|吗\s*$", re.IGNORECASE)


# What is wrong with it, said with the return ("too small", "左边没声音"): the reason, not asked again.
_WHY = re.compile(r"\btoo (?:small|big|large|tight|loose|short|long)\b|\b(?:wrong (?:size|colou?r|item)|doesn'?t fit|"
                  r"don'?t fit|didn'?t fit)\b|太小|太大|偏小|偏大|不合适|不合身|尺码不对|发错", re.IGNORECASE)


def _says_why(text: str) -> bool:
    from bot.core.skills.community.bought_problems import names_a_fault

    return bool(_WHY.search(text)) or names_a_fault(text)


def _own_words(data: dict[str, object], text: str) -> bool:
    """The return steps' own answers, taken before the NLU is asked: "cancel" and "submit"."""
    return is_cancel(text) or text.strip().lower() in _SUBMIT_WORDS


def _still_waiting(order_id: int, reason_given: bool, t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    if reason_given:
        return Text(t("Your return request isn't sent yet: press 📨 Submit to send it, or ✖️ Never mind to drop "
                      "it."),
                    buttons=keyboard([_b(codec, user_id, t("📨 Submit return request"), "ret", order_id, "send")],
                                     [_b(codec, user_id, t("✖️ Never mind"), "ret", order_id, "x")]))
    return Text(t("I'm still waiting for the reason of your return: pick one below or tell me in a few words, "
                  "or press ✖️ Never mind."),
                buttons=keyboard(*[[_b(codec, user_id, label, "ret", order_id, "r", code)]
                                   for code, label in _reason_labels(t).items()],
                                 [_b(codec, user_id, t("✖️ Never mind"), "ret", order_id, "x")]))


async def _remind(state: Conversation, t: Translator, codec: CallbackCodec, user_id: int) -> Reply | None:
    """After the shopper asked for something else (bot.core.pending): the return waits; say how to finish it."""
    if state.pending is None:
        return None
    return _still_waiting(int(state.pending.data["order_id"]), state.pending.kind == "ret_photo", t, codec,
                          user_id)


def _b(codec: CallbackCodec, user_id: int, label: str, prefix: str, *args: object) -> Button:
    return Button(label, data=codec.encode(user_id, prefix, *args))


def _returnable(order: OrderView) -> bool:
    return order.status in _RETURNABLE and not order.is_digital


def _why_not(order: OrderView, t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    n = order.number
    if order.is_digital:
        return Text(t("Order {number} is digital, so there is nothing to send back. If something is wrong with "
                      "it, please contact support and we'll sort out a refund.", number=n))
    if order.status in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PACKED):
        return Text(t("Order {number} hasn't shipped yet, so there's no need to return it: you can simply "
                      "cancel it.", number=n), buttons=keyboard([_b(codec, user_id, t("❌ Cancel order"), "cnl",
                                                                    order.id)]))
    if order.status is OrderStatus.SHIPPED:
        return Text(t("Order {number} is on its way. Once it's delivered you can request a return here.",
                      number=n), buttons=keyboard([_b(codec, user_id, t("🚚 Track"), "trk", order.id)]))
    if order.status is OrderStatus.RETURN_REQUESTED:
        return Text(t("You already asked to return order {number}; our staff are reviewing it and will message "
                      "you.", number=n))
    if order.status is OrderStatus.CANCELLED and order.paid_at is not None:
        return Text(t("Order {number} was cancelled after payment: its refund of {total} is being handled by "
                      "our staff.", number=n, total=order.total.format()))
    return Text(t("Order {number} is {status}, so it can't be returned.", number=n,
                  status=status_label(order.status, t)))


def _reason_labels(t: Translator) -> dict[str, str]:
    return {"damaged": t("Damaged or defective"), "wrong": t("Wrong item"), "desc": t("Not as described"),
            "unneeded": t("No longer needed")}


def _reason_step(order: OrderView, state: Conversation, t: Translator, codec: CallbackCodec,
                 user_id: int) -> Text:
    state.pending = Pending(kind="ret_reason", data={"order_id": order.id})
    state.last_order = order.number
    labels = _reason_labels(t)
    rows = [[_b(codec, user_id, labels[code], "ret", order.id, "r", code)] for code in _REASONS]
    rows.append([_b(codec, user_id, t("✖️ Never mind"), "ret", order.id, "x")])
    return Text(t("Returning order {number}. Why are you returning it? Pick a reason or tell me in your own "
                  "words.", number=order.number), buttons=keyboard(*rows))


def _photo_prompt(order_id: int, count: int, t: Translator, codec: CallbackCodec, user_id: int,
                  lead: str) -> Text:
    rows = keyboard([_b(codec, user_id, t("📨 Submit return request"), "ret", order_id, "send")],
                    [_b(codec, user_id, t("✖️ Never mind"), "ret", order_id, "x")])
    extra = t("Photos so far: {count}.", count=count) if count else ""
    sep = "" if t.language == "zh" else " "
    return Text(sep.join(p for p in (lead, t("You can send photos of the item (optional, up to {max}) — they "
                                              "help our staff decide faster. Then press Submit.",
                                              max=MAX_PHOTOS), extra) if p), buttons=rows)


@router.intent("return_or_refund")
async def return_intent(services: Services, user_id: int, state: Conversation, parse: ParseResult | None,
                        t: Translator, codec: CallbackCodec, text: str = "") -> Reply:
    if asks_refund_status(text):  # "where is my refund" / "退款到哪了": where it stands, no new return
        return await refund_status(services, user_id, t, codec)
    order, candidates = await find_order(services, user_id, state, parse, fits=_returnable)
    if order is not None and not _returnable(order):
        return _why_not(order, t, codec, user_id)
    if order is not None and _says_why(text):
        # "return the shoes, they're too small" / "耳机左边没声音 想退": the reason is said; photos or Submit next
        state.pending = Pending(kind="ret_photo", data={"order_id": order.id, "reason": text[:500], "photos": []})
        state.last_order = order.number
        return _photo_prompt(order.id, 0, t, codec, user_id,
                             t("Returning order {number}. Thanks, I've noted why.", number=order.number))
    if order is not None:
        return _reason_step(order, state, t, codec, user_id)
    if candidates:
        rows = [[_b(codec, user_id, f"{o.number} · {o.total.format()}", "ret", o.id)] for o in candidates[:5]]
        return Text(t("Which order would you like to return?"), buttons=keyboard(*rows))
    human = support_button(t, codec, user_id)
    orders = await recent_orders(services, user_id, limit=5)
    if orders:
        # Say what is true of the order they most likely mean, and let them reach a person (a broken item in a
        # parcel we think is still on its way is exactly that case).
        why = _why_not(orders[0], t, codec, user_id)
        return Text(why.text, buttons=keyboard(*why.buttons, [human]))
    return Text(t("You have no orders yet, so there is nothing to return. If something is wrong, tell a person "
                  "from our team."), buttons=keyboard([human]))


@router.button("ret")
async def return_button(payload: CallbackPayload, services: Services, user_id: int, state: Conversation,
                        t: Translator, codec: CallbackCodec) -> list[Reply]:
    order_id, action = payload.int_arg(0), payload.arg(1)
    if action == "x":
        state.pending = None
        return [Text(t("Okay, no return. Your order stays as it is."))]
    async with services.uows() as uow:
        order = await get_order(uow, order_id, user_id=user_id)
    if not _returnable(order):
        state.pending = None
        return [_why_not(order, t, codec, user_id)]
    if action == "":
        return [_reason_step(order, state, t, codec, user_id)]
    if action == "r" and payload.arg(2) in _REASONS:
        state.pending = Pending(kind="ret_photo", data={"order_id": order.id, "reason": _REASONS[payload.arg(2)],
                                                        "photos": []})
        return [_photo_prompt(order.id, 0, t, codec, user_id, t("Thanks."))]
    if action == "send":
        return await _submit(services, user_id, order, state, t, codec)
    return [_reason_step(order, state, t, codec, user_id)]


# A reason is prose ("it came broken, I want my money back" reads as return_or_refund, which both steps keep);
# a short navigational message leaves (bot.core.pending) and the return waits for its reason or Submit.
@router.on_pending("ret_reason", keeps=("return_or_refund",), prose=True, answers=_own_words, resume=_remind)
async def reason_text(text: str, services: Services, state: Conversation, t: Translator, codec: CallbackCodec,
                      user_id: int) -> list[Reply]:
    assert state.pending is not None
    if is_cancel(text):
        state.pending = None
        return [Text(t("Okay, no return. Your order stays as it is."))]
    order_id = int(state.pending.data["order_id"])
    if text.strip().lower() in _SUBMIT_WORDS:
        return [_still_waiting(order_id, False, t, codec, user_id)]
    if _QUESTION.search(text):
        # "how do i send it back?" / "退款多久到账" asked when the bot wants the reason: answered, and the reason
        # is still awaited (it was recorded as the reason and sent to staff)
        return [*await _answer(text, services, state, t, codec, user_id), _still_waiting(order_id, False, t, codec,
                                                                                          user_id)]
    state.pending = Pending(kind="ret_photo", data={"order_id": order_id, "reason": text[:500], "photos": []})
    return [_photo_prompt(order_id, 0, t, codec, user_id, t("Thanks, I've noted that."))]


@router.on_pending("ret_photo", keeps=("return_or_refund",), prose=True, answers=_own_words, resume=_remind)
async def photo_step_text(text: str, services: Services, state: Conversation, t: Translator,
                          codec: CallbackCodec, user_id: int) -> list[Reply]:
    assert state.pending is not None
    data = dict(state.pending.data)
    if is_cancel(text):
        state.pending = None
        return [Text(t("Okay, no return. Your order stays as it is."))]
    if text.strip().lower() in _SUBMIT_WORDS:
        async with services.uows() as uow:
            order = await get_order(uow, int(data["order_id"]), user_id=user_id)
        return await _submit(services, user_id, order, state, t, codec)
    if _QUESTION.search(text):
        # "退款多久到账" / "how long does the refund take?": a question to answer, not more of the reason
        answer = await _answer(text, services, state, t, codec, user_id)
        return [*answer, _still_waiting(int(data["order_id"]), True, t, codec, user_id)]
    data["reason"] = f"{data.get('reason', '')}; {text}"[:500]
    state.pending = Pending(kind="ret_photo", data=data)
    return [_photo_prompt(int(data["order_id"]), len(data.get("photos", [])), t, codec, user_id,
                          t("Added to your reason."))]


async def _answer(text: str, services: Services, state: Conversation, t: Translator, codec: CallbackCodec,
                  user_id: int) -> list[Reply]:
    """A question asked mid-return: where the shopper's returns stand, or the knowledge base's answer."""
    if asks_refund_status(text):
        return [await refund_status(services, user_id, t, codec)]
    from bot.core.skills.community.questions import answer_question

    return list(await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec))


@router.on_event(PhotoMessage)
async def photo(event: Event, state: Conversation, t: Translator, codec: CallbackCodec, user_id: int) -> Reply:
    assert isinstance(event, PhotoMessage)
    pending = state.pending
    if pending is None or pending.kind != "ret_photo":
        return Text(t("Thanks for the photo! I use photos for return requests: say “return” to start one."))
    data = dict(pending.data)
    photos = list(data.get("photos", []))
    if len(photos) >= MAX_PHOTOS:
        return _photo_prompt(int(data["order_id"]), len(photos), t, codec, user_id,
                             t("That's the maximum number of photos."))
    photos.append(event.file_id)
    if event.caption.strip():
        data["reason"] = f"{data.get('reason', '')}; {event.caption.strip()}"[:500]
    state.pending = Pending(kind="ret_photo", data={**data, "photos": photos})
    return _photo_prompt(int(data["order_id"]), len(photos), t, codec, user_id, t("Photo added."))


async def _submit(services: Services, user_id: int, order: OrderView, state: Conversation, t: Translator,
                  codec: CallbackCodec) -> list[Reply]:
    pending = state.pending
    if pending is None or pending.kind != "ret_photo" or int(pending.data.get("order_id", 0)) != order.id:
        return [_reason_step(order, state, t, codec, user_id)]
    reason, photos = str(pending.data.get("reason", "")), list(pending.data.get("photos", []))
    async with services.uows() as uow:
        request = await request_return(uow, order.id, user_id, reason, photos, now=services.clock())
    state.pending = None
    text = t("📨 Return request for order {number} received.\n\nWhat happens next: our staff review it and "
             "message you here. If it's approved, we tell you how to send the items back; once they arrive, we "
             "refund {total} to the way you paid.", number=order.number, total=order.total.format())
    replies: list[Reply] = [Text(text, buttons=keyboard([_b(codec, user_id, t("🚚 Order status"), "trk",
                                                            order.id)]))]
    note = (f"Return request #{request.id} for order {order.number} ({order.total.format()}): {html.escape(reason)} "
            f"— {len(photos)} photo(s).")
    replies += [Notify(staff, Text(note)) for staff in services.settings.staff_ids]
    return replies
