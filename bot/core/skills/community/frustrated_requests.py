"""A frustrated message that still asks for something to buy: do the request, kindly, instead of a ticket.

WHY: "wtf why cant u just find me a cheap tv" opened complaint T1002 (it came right after "this bot is useless",
whose "What went wrong?" takes the next message as the complaint) and no TV was searched; "under 700" then asked
what the budget was for, and "找个便宜的电视都找不到" did the same in Chinese (walk9). The shopper is annoyed
*because* they did not get what they want: the kind answer is a short apology and the search. A complaint with
no shopping request ("this bot is useless", "my order never arrived") still goes to a ticket.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator

__all__ = ["router", "frustrated_request", "shopping_request"]

router = Router("community.frustrated_requests")

# Annoyance: swearing, "why can't you", "useless", "都找不到", "怎么连…".
_FRUSTRATED = re.compile(
    r"\b(?:wtf|ffs|omg|ugh|damn|dammit|hell|stupid|useless|ridiculous|seriously|annoying|come on|"
    r"why (?:can'?t|cant|won'?t|wont|don'?t|dont) (?:you|u)|(?:you|u) (?:can'?t|cant|never))\b|"
    r"垃圾|破机器人|烂|怎么连|为什么.{0,6}(?:找不到|没有)|都找不到|也找不到|找不着|搜不到|就不能|气死|无语|搞什么",
    re.IGNORECASE)
# The request inside: "find me a cheap tv", "show me some tents", "i just want a kettle", "找个便宜的电视".
_REQUEST_EN = re.compile(
    r"\b(?:find|show|get|give)\s+(?:me\s+)?(?:an?\s+|some\s+|any\s+)?(?P<q>[\w\s$.-]+)|"
    r"\bi\s+(?:just\s+)?(?:want|need)\s+(?:an?\s+|some\s+)?(?P<q2>[\w\s$.-]+)|"
    r"\blooking\s+for\s+(?:an?\s+|some\s+)?(?P<q3>[\w\s$.-]+)", re.IGNORECASE)
_REQUEST_ZH = re.compile(r"(?:找|买|要|搜)(?:个|一个|一台|一件|点|些)?(?P<q>[\u4e00-\u9fff\w]{1,16}?)"
                         r"(?:都|也|怎么|为什么|就|咋)?(?:找不到|找不着|搜不到|没有|买不到|不行)|"
                         r"(?:为什么|怎么|咋)(?:就|都|也)?(?:找不到|搜不到|找不着)(?P<q2>[\u4e00-\u9fff\w]{1,16})")
# A request about an order, money or the service is the complaint itself ("find my order"): a ticket.
_NOT_SHOPPING = re.compile(r"^(?:to|my|your|ur|you|u|it|out|back)\b|\b(?:order|refund|help|person|human|agent|"
                           r"someone|cancel|return|track|money|package|parcel|delivery|account|manager)\b|"
                           r"订单|快递|包裹|退款|钱|客服|人工|取消", re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:for once|already|man|dude|pls|please|plz|ffs|lol)\s*$", re.IGNORECASE)


def shopping_request(text: str) -> str | None:
    """The product words a frustrated message asks for ("a cheap tv" -> "cheap tv"); None without both."""
    if not _FRUSTRATED.search(text):
        return None
    found = _REQUEST_EN.search(text) or _REQUEST_ZH.search(text)
    if found is None:
        return None
    query = next(g for g in found.groups() if g)
    query = _TAIL.sub("", query.strip(" .!?？！。，,"))
    if not query or _NOT_SHOPPING.search(query) or query.lower() in ("it", "one", "anything", "something", "this"):
        return None
    return query


@router.intent("frustrated_request")
async def frustrated_request(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                             codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered every message after the parse and in the complaint prompt; None unless the
    message is annoyed and asks for a product."""
    query = shopping_request(text)
    if query is None:
        return None
    from bot.core.skills.shopping.search import search_typed

    found = await search_typed(query, services, state, t, lang, codec, user_id, now)
    if not found:
        return None
    if state.pending is not None and state.pending.kind == "tk_new":
        state.pending = None  # the complaint prompt was answered with a request: no ticket for it
    return [Text(t("Sorry this has been frustrating. Let me fix that: here is what I found.")), *found]
