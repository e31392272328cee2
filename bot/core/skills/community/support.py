"""Talking to a person: support requests, complaints and feedback become tickets staff answer in Telegram.

A new ticket carries a snapshot of the shopper's recent messages, cart and orders, and every staff member
(``settings.staff_ids``) gets its card with [Reply] [Close]. Replies are relayed both ways with Notify, so
neither side ever needs the other's contact details. Shoppers are told the ticket number and when to expect
an answer.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.events import Event
from bot.core.followups import asks_something
from bot.core.replies import Button, CallbackAnswer, Notify, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.bought_problems import names_a_fault
from bot.core.skills.community.common import display_name, notify_staff, translator_for
from bot.core.skills.community.frustrated_requests import frustrated_request
from bot.core.skills.community.open_tickets import has_substance, open_ticket_status
from bot.core.skills.community.ticket_cards import closed_notice, staff_card, to_shopper, to_staff
from bot.core.skills.community.ticket_guards import TICKET_TOPIC, product_instead
from bot.core.skills.community.who_answers import asks_if_bot, bot_answer
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from store.models.support import TicketKind
from store.support.views import TicketView

__all__ = ["router", "EXPECTED_REPLY_HOURS", "open_ticket_replies", "support_button", "add_to_ticket"]

router = Router("support")

# What shoppers are promised when a ticket opens (a shop with other hours changes it here).
EXPECTED_REPLY_HOURS = 4
_FEEDBACK_WORDS = re.compile(r"feedback|suggest|建议|反馈|意见", re.IGNORECASE)


def _is_bare_request(text: str) -> bool:
    """ "I want to give feedback" carries no feedback yet: ask for it instead of storing the request."""
    words = text.split()
    short = len(words) <= 6 if len(words) > 1 else len(text) <= 10  # Chinese has no spaces: count characters
    return bool(_FEEDBACK_WORDS.search(text)) and short


async def open_ticket_replies(kind: TicketKind, subject: str, *, services: Services, state: Conversation,
                              t: Translator, user_id: int, chat_id: int, event: Event, now: datetime,
                              codec: CallbackCodec) -> list[Reply]:
    from store.support.context import build_ticket_context
    from store.support.service import open_ticket

    # Staff answers go to the shopper's private chat, never into a group.
    home = user_id if event.chat.is_group else chat_id
    async with services.uows() as uow:
        context = await build_ticket_context(uow, user_id, state.recent_messages, now=now)
    async with services.uows() as uow:
        ticket = await open_ticket(uow, user_id=user_id, chat_id=home, subject=subject, kind=kind,
                                   context=context, now=now)
    shopper = await display_name(services, user_id)
    staff = await notify_staff(services, lambda sid, st: staff_card(st, codec, sid, ticket, shopper))
    if kind is TicketKind.FEEDBACK:
        told = t("Thank you for your feedback! I've passed it to our team (reference {number}).",
                 number=ticket.number)
    elif kind is TicketKind.COMPLAINT:
        told = t("I'm sorry about this. I've opened complaint {number} and flagged it for our team. They "
                 "usually reply within {hours} hours, and I'll message you here.", number=ticket.number,
                 hours=EXPECTED_REPLY_HOURS)
    else:
        told = t("I've opened ticket {number} for you. A person from our team usually replies within {hours} "
                 "hours, and I'll message you here.", number=ticket.number, hours=EXPECTED_REPLY_HOURS)
    if kind is TicketKind.FEEDBACK:
        return [Text(told), *staff]
    state.topic = f"{TICKET_TOPIC}{ticket.id}"  # "it's about order SB10002" next is for this ticket (ticket_guards)
    more = keyboard([Button(t("✍️ Add details"), data=codec.encode(user_id, "tk", "u", ticket.id))])
    return [Text(told, buttons=more), *staff]


@router.intent("talk_to_human")
async def talk_to_human(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                        chat_id: int, event: Event, now: datetime, codec: CallbackCodec, lang: str) -> list[Reply]:
    if asks_if_bot(text):  # "are you a real person or a bot": the answer, and the way to a person
        return [bot_answer(t, codec, user_id)]
    instead = await product_instead("talk_to_human", text, services, state, t, lang, codec, user_id, now)
    if instead is not None:  # "2 person" with tents on screen: the tent, not a ticket
        return instead
    if not has_substance(text):  # "人工啥时候回我", "talk to a human" again: the open ticket, not another one
        status = await open_ticket_status(services, user_id, t, codec, EXPECTED_REPLY_HOURS)
        if status is not None:
            return [status]
    return await open_ticket_replies(TicketKind.SUPPORT, text or t("Support request"), services=services,
                                     state=state, t=t, user_id=user_id, chat_id=chat_id, event=event, now=now,
                                     codec=codec)


# A short complaint with no substance (open_tickets.SUBSTANCE: an order, a delivery, a product, money, a person)
# is venting ("this bot is useless", "wtf", "你们是骗子吧"): a ticket of it gives staff nothing to act on.
_ABOUT_STAFF = re.compile(r"staff|support|客服", re.IGNORECASE)


def _is_venting(text: str) -> bool:
    words = text.split()
    short = len(words) <= 6 if len(words) > 1 else len(text) <= 12  # Chinese has no spaces: count characters
    # "the french press, it leaks" names the item and its fault: a complaint staff can act on, not venting
    # (asked "What went wrong?" again, or read as out of scope before).
    return short and not has_substance(text) and not _ABOUT_STAFF.search(text) and not names_a_fault(text)


@router.intent("complain")
async def complain(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                   chat_id: int, event: Event, now: datetime, codec: CallbackCodec, lang: str) -> list[Reply]:
    instead = await product_instead("complain", text, services, state, t, lang, codec, user_id, now)
    if instead:
        return instead
    if _is_venting(text):
        state.pending = Pending(kind="tk_new", data={"kind": TicketKind.COMPLAINT.value})
        return [Text(t("I'm sorry this has been frustrating. 😔 What went wrong? Tell me in one message (an order, "
                       "a product, or something I got wrong) and I'll pass it to our staff as a complaint."))]
    return await open_ticket_replies(TicketKind.COMPLAINT, text, services=services, state=state, t=t,
                                     user_id=user_id, chat_id=chat_id, event=event, now=now, codec=codec)


@router.intent("give_feedback")
async def give_feedback(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                        chat_id: int, event: Event, now: datetime, codec: CallbackCodec, lang: str) -> list[Reply]:
    instead = await product_instead("give_feedback", text, services, state, t, lang, codec, user_id, now)
    if instead:  # "slow feeder pls" with bowls on screen: the bowl, not "thank you for your feedback"
        return instead
    if _is_bare_request(text):
        state.pending = Pending(kind="tk_new", data={"kind": TicketKind.FEEDBACK.value})
        return [Text(t("I'd love to hear it! Write your feedback in one message."))]
    return await open_ticket_replies(TicketKind.FEEDBACK, text, services=services, state=state, t=t,
                                     user_id=user_id, chat_id=chat_id, event=event, now=now, codec=codec)


def _ask_what(state: Conversation, t: Translator) -> Text:
    state.pending = Pending(kind="tk_new", data={"kind": TicketKind.SUPPORT.value})
    return Text(t("Tell me in one message what you need help with, and I'll pass it to a person."))


def support_button(t: Translator, codec: CallbackCodec, user_id: int) -> Button:
    """A "talk to a person" button any skill can offer where a shopper may be stuck."""
    return Button(t("🙋 Talk to a person"), data=codec.encode(user_id, "sup"))


@router.button("sup")
async def support_pressed(state: Conversation, t: Translator) -> Reply:
    return _ask_what(state, t)


@router.command("support")
async def support_command(args: str, services: Services, state: Conversation, t: Translator, user_id: int,
                          chat_id: int, event: Event, now: datetime, codec: CallbackCodec) -> list[Reply]:
    if not args.strip():
        return [_ask_what(state, t)]
    return await open_ticket_replies(TicketKind.SUPPORT, args, services=services, state=state, t=t,
                                     user_id=user_id, chat_id=chat_id, event=event, now=now, codec=codec)


# The shopper asked for a person: whatever they say about an order, a payment or their data is the request.
@router.on_pending("tk_new", prose=True, keeps=("track_order", "order_history", "modify_order", "cancel_order",
                                                "return_or_refund", "get_invoice", "pay", "manage_address",
                                                "privacy", "my_points", "talk_to_human"))
async def new_ticket_text(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                          chat_id: int, event: Event, now: datetime, codec: CallbackCodec,
                          lang: str) -> list[Reply]:
    pending = state.pending
    data = pending.data if pending else {}
    state.pending = None
    kind = TicketKind(data.get("kind", TicketKind.SUPPORT.value))
    if kind is TicketKind.COMPLAINT and (found := await frustrated_request(text, services, state, t, lang, codec,
                                                                         user_id, now)):
        return found  # "wtf why cant u just find me a cheap tv" after "What went wrong?": the search, no ticket
    if kind is TicketKind.COMPLAINT and asks_something(text) and not has_substance(text):
        # "能不能给个电话" while the complaint is asked for: a question to answer, not the complaint itself
        from bot.core.skills.community.questions import answer_question

        answer = await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec)
        state.pending = pending
        return [*answer, Text(t("When you're ready, tell me in one message what went wrong and I'll pass it to "
                                "our staff."))]
    return await open_ticket_replies(kind, text, services=services, state=state, t=t, user_id=user_id,
                                     chat_id=chat_id, event=event, now=now, codec=codec)


@router.button("tk")
async def ticket_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                        user_id: int, now: datetime) -> list[Reply]:
    from store.support.events import staff_actor, user_actor
    from store.support.service import assign_ticket, close_ticket, get_ticket

    action, ticket_id = payload.arg(0), payload.int_arg(1)
    staff = services.is_staff(user_id)
    if action == "r" and staff:
        async with services.uows() as uow:
            ticket = await assign_ticket(uow, ticket_id, user_id, now=now)
        state.pending = Pending(kind="tk_reply", data={"id": ticket_id})
        name = await display_name(services, ticket.user_id)
        return [Text(t("Write your reply to {name} (ticket {number}):", name=name, number=ticket.number))]
    if action == "u":
        async with services.uows() as uow:
            ticket = await get_ticket(uow, ticket_id, user_id=user_id)
        state.pending = Pending(kind="tk_reply", data={"id": ticket_id})
        return [Text(t("Write your message for our team (ticket {number}):", number=ticket.number))]
    if action == "c":
        async with services.uows() as uow:
            closed = await close_ticket(uow, ticket_id, actor=staff_actor(user_id) if staff else user_actor(user_id),
                                        now=now, user_id=None if staff else user_id)
        out: list[Reply] = [Text(t("Ticket {number} closed.", number=closed.number))]
        if staff:
            out.append(Notify(closed.chat_id, closed_notice(await translator_for(services, closed.user_id), closed)))
        return out
    return [CallbackAnswer(t("This button has expired."), alert=True)]


@router.on_pending("tk_reply", closed=True)  # a message for the other side of a ticket: it all goes there
async def ticket_reply(text: str, services: Services, state: Conversation, t: Translator, user_id: int,
                       now: datetime, codec: CallbackCodec) -> list[Reply]:
    ticket_id = int((state.pending.data if state.pending else {}).get("id", 0))
    state.pending = None
    return await add_to_ticket(ticket_id, text, services=services, state=state, t=t, user_id=user_id, now=now,
                               codec=codec)


async def add_to_ticket(ticket_id: int, text: str, *, services: Services, state: Conversation, t: Translator,
                        user_id: int, now: datetime, codec: CallbackCodec, told: str | None = None) -> list[Reply]:
    """``text`` added to the ticket by its shopper (or, from staff, relayed to the shopper); ``told``: what the
    shopper is told instead of "Sent!" (the ticket number, when they did not press [Add details])."""
    from store.support.errors import TicketClosed
    from store.support.service import add_ticket_message, get_ticket

    async with services.uows() as uow:
        current = await get_ticket(uow, ticket_id)
    from_staff = services.is_staff(user_id) and current.user_id != user_id
    try:
        async with services.uows() as uow:
            ticket = await add_ticket_message(uow, ticket_id, author_id=user_id, text=text, now=now,
                                              from_staff=from_staff)
    except TicketClosed:
        return [Text(t("That ticket is closed. Send /support to open a new one."))]
    if from_staff:
        relay = to_shopper(await translator_for(services, ticket.user_id), codec, ticket, text)
        return [Text(t("Sent to the shopper (ticket {number}).", number=ticket.number)),
                Notify(ticket.chat_id, relay)]
    sent = t(told, number=ticket.number) if told else t("Sent! Our team will reply here.")
    return [Text(sent), *await _to_team(services, codec, ticket, text)]


async def _to_team(services: Services, codec: CallbackCodec, ticket: TicketView, text: str) -> list[Reply]:
    shopper = await display_name(services, ticket.user_id)
    if ticket.assigned_to is not None:
        st = await translator_for(services, ticket.assigned_to)
        return [Notify(ticket.assigned_to, to_staff(st, codec, ticket.assigned_to, ticket, shopper, text))]
    return await notify_staff(services, lambda sid, st: to_staff(st, codec, sid, ticket, shopper, text))
