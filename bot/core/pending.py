"""When a message typed while a step is pending leaves that step.

A pending step is the bot waiting for an open-ended answer: a search query after [🔎 Search], a coupon code
after /coupon, a question, a review, a return reason, an address, a support request. Such answers can be
anything, so the step sees the message first -- but a shopper who says "show my cart" or "where is my order"
there is not answering: they went somewhere else, and the step must not swallow it.

The rule (applied by ``bot.core.dispatcher`` with each step's ``bot.core.router.PendingRule``), in order:
1. a ``closed`` step takes everything (staff typing an answer for a shopper);
2. text the step declares its own (``answers``: "cancel" in a form, a postcode) goes to the step;
3. a bare "cancel" / "stop" / "取消" / "算了" leaves any step like /cancel;
4. otherwise the NLU reads the message (the same parse and vector then serve the step): it leaves the step
   only when the NLU is sure (``LEAVE_CONFIDENCE``, not a fallback) that it is one of the ``NAVIGATIONAL``
   intents, the step does not keep that intent, and, for steps whose answers are sentences (``prose``), the
   message is short. Everything else -- product words, codes, addresses, complaints in a review, an unsure
   parse -- stays the step's answer.
A step that left is dropped, unless it declares ``resume``: multi-message forms whose answers are kept (an
address half typed, a return waiting for Submit) stay pending and remind the shopper after the other reply.

WHY a fixed set of navigational intents and a high bar: answers to open prompts are exactly the messages the
NLU misreads (a postcode reads as an order number, "terrible, broke in a week" as a complaint, "12 Main St,
Springfield" as managing addresses), and a wrong escape loses the shopper's answer, while a wrong stay costs
one message. The intents below move the shopper to another screen; complain, give_feedback, ask_question,
search_product and the cart/coupon edits carry content and never leave a step.
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.router import PendingRule

__all__ = ["NAVIGATIONAL", "LEAVE_CONFIDENCE", "CANCEL_WORDS", "is_cancel", "is_short", "leaves"]

NAVIGATIONAL: frozenset[str] = frozenset({
    "view_cart", "checkout", "track_order", "order_history", "modify_order", "cancel_order", "return_or_refund",
    "get_invoice", "pay", "manage_address", "list_promotions", "my_points", "join_group", "subscribe", "privacy",
    "leave_review", "help", "talk_to_human",
})
LEAVE_CONFIDENCE = 0.9
CANCEL_WORDS: frozenset[str] = frozenset({
    "cancel", "stop", "never mind", "nevermind", "forget it", "取消", "算了", "不用了",
})
# A cancel word with only the thing in progress after it ("cancel it", "cancel the checkout", "取消结账"): the
# same as the bare word. WHY: "cancel it" while the checkout asked to confirm the address was read as
# cancel_order and answered "You have no orders that can still be cancelled"; an order named ("cancel my order",
# "取消订单") is not this, and stays the NLU's.
_CANCEL_THIS = re.compile(
    r"^(?:(?:ok(?:ay)?|no|actually|please)[\s,]+)?(?:cancel|stop|quit|abort|forget)\s+"
    r"(?:it|this|that|(?:the|this|my)\s+checkout|checkout|checking\s+out|(?:the|this)\s+purchase)"
    r"(?:[\s,]+(?:please|pls|then|for\s+now))?$|"
    r"^(?:never\s*mind|forget\s+it)(?:[\s,]+(?:then|please))?$|"
    r"^(?:那|那就|还是)?(?:取消|算了)(?:吧|了|掉)?$|^取消(?:结账|结算|付款|下单|购买)(?:吧|了)?$|^(?:先|还是)?不买了(?:吧)?$",
    re.I)
SHORT_WORDS = 8  # a navigational request in a prose step ("where is my order?") is a few words, an answer more

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TRAILING = re.compile(r"[\s.!。！~～]+$")


def is_cancel(text: str) -> bool:
    """A bare "cancel" (or "stop", "取消", "算了"...), or one with only what is in progress after it ("cancel
    it", "cancel the checkout", "取消结账"): the shopper wants out of whatever is pending."""
    said = _TRAILING.sub("", text.strip().lower())
    return said in CANCEL_WORDS or bool(_CANCEL_THIS.match(said))


def is_short(text: str) -> bool:
    """At most ``SHORT_WORDS`` words; Chinese, written without spaces, counts two characters as a word."""
    cjk = len(_CJK.findall(text))
    words = len(_CJK.sub(" ", text).split())
    return words + (cjk + 1) // 2 <= SHORT_WORDS


def leaves(rule: PendingRule, parse: Any, text: str) -> bool:
    """Whether a parsed message leaves a step with this rule (steps 4 of the module docstring)."""
    if rule.closed or parse is None or parse.is_fallback:
        return False
    name = parse.intent.name
    if rule.asides and name == "ask_question" and parse.intent.confidence >= LEAVE_CONFIDENCE:
        from bot.core.followups import asks_something

        if asks_something(text):  # "hold on, how much is shipping to texas?" in the address form (``asides``)
            return True
    return (parse.intent.confidence >= LEAVE_CONFIDENCE and name in NAVIGATIONAL and name not in rule.keeps
            and (not rule.prose or is_short(text)))
