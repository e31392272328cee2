"""Messages the NLU reads as a support request that are not one: a short product phrase, a detail for a ticket
that just opened.

WHY: a walk of the real stack found "2 person" (tent size, tents on screen) read as talk_to_human and "slow
feeder pls" (bowls on screen) as give_feedback: each opened a ticket staff could do nothing with, and the shopper
got no tents or bowls. And "its about order SB10002", typed right after "I've opened ticket T1003 [Add details]",
showed that order's tracking screen while the ticket never learned what it was about.

The rules:
- a request for a person names one (human, agent, staff, support, 人工, 客服...); "person"/"人" after a number is
  a size ("2 person", "4人"), not a person. A short message to talk_to_human, give_feedback or complain that is a
  product phrase (``bare_product``: every word in a product title) is that search; a talk_to_human naming no
  person and no product is not understood (the dispatcher asks), rather than a ticket;
- the message right after a ticket opened (``state.topic`` "ticket:<id>") that is a bare order number or says
  what it is about ("it's about", "regarding", "关于", "是…的事") is added to that ticket.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.intent_labels import N_
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "names_a_person", "product_instead", "TICKET_TOPIC", "ticket_of_topic", "asks_about_tickets"]

router = Router("community.ticket_guards")

TICKET_TOPIC = "ticket:"
_SIZE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|eight|ten)[\s-]*(?:person|people|man|men)\b|"
                   r"(?:\d+|[一两二三四五六八十双单多])\s*人", re.IGNORECASE)
_PERSON = re.compile(
    r"\b(?:human|humans|person|people|agent|agents|operator|staff|support|service|someone|somebody|anyone|anybody|"
    r"representative|rep|manager|team|seller|owner|admin|call|phone|contact|live|help|talk|speak|chat|real|bot)\b|"
    r"人|客服|店主|老板|管理员|群主|工作人员|店员|售后|电话|联系|机器", re.IGNORECASE)
_SHORT_WORDS = 4
_DETAIL = re.compile(r"^(?:it'?s|it\s+is|its|this\s+is|that'?s|that\s+is)?\s*(?:about|regarding|re:|concerning)\b|"
                     r"^(?:the\s+)?order\b|^(?:是)?关于|的事|是这个订单|订单号", re.IGNORECASE)


def names_a_person(text: str) -> bool:
    """A person (or a way to reach one) is named; a size such as "2 person" or "双人" is not one."""
    return bool(_PERSON.search(_SIZE.sub(" ", text)))


def _short(text: str) -> bool:
    words = text.split()
    return len(words) <= _SHORT_WORDS if len(words) > 1 else len(text) <= 10  # Chinese: count characters


async def product_instead(intent: str, text: str, services: Services, state: Conversation, t: Translator,
                          lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """The search a short product phrase read as a ticket intent stands for; [] when a talk_to_human names
    neither a person nor a product (the dispatcher then asks what the shopper meant); None: the intent stands."""
    from bot.core.skills.shopping.bare_product import product_phrase

    person = names_a_person(text)
    if not _short(text) or (intent == "talk_to_human" and person):
        return None
    found = await product_phrase(text, services, state, t, lang, codec, user_id, now)
    if found:
        return found
    return [] if intent == "talk_to_human" and not person else None


def ticket_of_topic(topic: str | None) -> int | None:
    """The ticket the previous reply opened or showed, from its topic."""
    if topic and topic.startswith(TICKET_TOPIC) and topic[len(TICKET_TOPIC):].isdigit():
        return int(topic[len(TICKET_TOPIC):])
    return None


@router.intent("ticket_detail")
async def ticket_detail(text: str, parse: ParseResult | None, topic: str | None, services: Services,
                        state: Conversation, t: Translator, user_id: int, now: datetime,
                        codec: CallbackCodec) -> list[Reply] | None:
    """The message added to the ticket the previous reply opened, when it says what the ticket is about."""
    ticket_id = ticket_of_topic(topic)
    if ticket_id is None:
        return None
    # A bare order number is a detail; "talk to an agent about my order 10001 being late" is a request of its own.
    names_order = parse is not None and parse.first("order_id") is not None and not names_a_person(text) \
        and _short(text)
    if not (names_order or _DETAIL.search(text.strip())):
        return None
    from bot.core.skills.community.support import add_to_ticket

    return await add_to_ticket(ticket_id, text, services=services, state=state, t=t, user_id=user_id, now=now,
                               codec=codec, told=N_("Added to ticket {number}. Our team will reply here."))


# "i already have a ticket open?", "is my ticket still open", "any update on my ticket", "我的工单怎么样了": the
# shopper asks where their ticket stands. The NLU has no intent for it (it read view_cart 0.3) and the question
# answered about shoe trees from an earlier conversation.
_TICKET = re.compile(r"\b(?:tickets?|support\s+requests?|complaints?)\b|工单|投诉", re.IGNORECASE)
_STANDING = re.compile(
    r"\b(?:open|opened|status|update|updates|still|already|any|have|got|existing|pending|answer(?:ed)?|repl(?:y|ied)|"
    r"progress|where|happening|news)\b|[?？]|怎么样|进度|处理|回复|回我|有没有|吗|呢", re.IGNORECASE)
# Asking for one ("open a ticket", "i want to file a complaint", "新建工单") is a request: talk_to_human / complain.
_NEW = re.compile(
    r"\b(?:file|create|raise|start|make|submit|log)\s+(?:a\s+|an\s+|new\s+|another\s+)*(?:support\s+)?"
    r"(?:ticket|complaint|request)|\bopen\s+(?:a|an|one|another|new)\s+(?:new\s+)?(?:support\s+)?"
    r"(?:ticket|complaint|request)|\b(?:new|another)\s+(?:support\s+)?(?:ticket|complaint|request)|"
    r"新建|提交|再开|开个|开一个|我要投诉|想投诉|"
    # "i have a complaint (about the delivery)": one to make, unless it is said to be open already
    r"^(?:(?:hi|hello|hey)[\s,]+)?i\s*(?:have|'?ve\s+got|got)\s+(?:a|an|another)\s+(?:\w+\s+)?complaint\b"
    r"(?!.*\b(?:open|opened|update|status|pending|still|already|answer|repl|news|progress)|.*[?？])",
    re.IGNORECASE)


def asks_about_tickets(text: str) -> bool:
    """Whether a short message asks about the shopper's own ticket(s) rather than for a new one."""
    said = text.strip()
    short = len(said.split()) <= 10 if " " in said else len(said) <= 20
    return short and bool(_TICKET.search(said)) and bool(_STANDING.search(said)) and not _NEW.search(said)


@router.intent("ticket_question")
async def ticket_question(text: str, services: Services, t: Translator, user_id: int,
                          codec: CallbackCodec) -> list[Reply] | None:
    """The open ticket's status for "do i have a ticket open?"; none open: says so and offers a person."""
    if not asks_about_tickets(text):
        return None
    from bot.core.replies import Text, keyboard
    from bot.core.skills.community.open_tickets import open_ticket_status
    from bot.core.skills.community.support import EXPECTED_REPLY_HOURS, support_button

    status = await open_ticket_status(services, user_id, t, codec, EXPECTED_REPLY_HOURS)
    if status is not None:
        return [status]
    return [Text(t("You have no open tickets right now. Tell me what's wrong or tap below to reach a person."),
                 buttons=keyboard([support_button(t, codec, user_id)]))]
