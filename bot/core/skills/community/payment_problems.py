"""Money that went wrong (a double charge, a payment the order does not show, a refund that has not arrived) is
for a person: a support ticket, with the shopper's recent orders shown so they see what we see.

WHY: "我的银行卡扣了两次钱", "I was charged twice", "付款了但订单显示未支付" share their words with the pay intent,
whose reply taught how paying works and added "You have no unpaid orders right now"; "退款还没到账" was read as a
return ("You have no orders yet, so there is nothing to return"). Nobody looked at the money. Only staff can check
a charge with the payment provider, so the message becomes a ticket (its context carries the orders and their
payment status) and the reply lists the orders the shopper may mean.

A question about the rule stays with the FAQ: "付款失败了会扣钱吗", "if my payment fails will i be charged?" ask
what would happen (``_HYPOTHETICAL``), not what did; so does "my payment failed, was i charged?" (``_ASKED_CHARGE``),
which asks whether money went and had a ticket opened instead of the FAQ's "a failed payment is not charged".
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.events import Event
from bot.core.intent_labels import N_
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.labels import day, order_status
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "is_payment_problem"]

router = Router("community.payment_problems")

# Money left the shopper's account (or they paid).
_PAID = re.compile(
    r"\b(?:charged|charge|billed|debited|deducted|double[\s-]?charged)\b|\b(?:i|we)\s+(?:already\s+|have\s+)?paid\b|"
    r"\bpaid\s+(?:but|and|already|twice)\b|\bmoney\s+(?:was\s+|has\s+been\s+)?(?:taken|gone|deducted|withdrawn)\b|"
    r"\bpayment\s+(?:went|has\s+gone)\s+through\b|"
    r"扣了|扣钱|扣款|扣费|钱扣|被扣|付款了|付了钱|付过|已付|已经付|支付了|付完|钱付了|付了款", re.IGNORECASE)
# ...and then: twice, not on the order, or no order at all.
_WRONG = re.compile(
    r"\b(?:twice|two\s+times|double|duplicate|2x)\b|\bunpaid\b|\bnot\s+paid\b|"
    r"\b(?:says|shows|showing|still)\s+(?:it'?s\s+|as\s+)?(?:unpaid|pending|waiting|awaiting)\b|"
    r"\bno\s+(?:order|confirmation|receipt)\b|\b(?:didn'?t|did\s+not|never|haven'?t)\s+(?:get|got|receive[d]?)\b|"
    r"\bfail(?:ed|s)?\b|\bcancel(?:l)?ed\b|"
    r"两次|2次|二次|两遍|重复|多扣|多付|未支付|未付款|待付款|没付款|没有付款|没支付|没有订单|没生成|没有生成|失败|"
    r"没成功|不成功|没收到|没确认|取消了", re.IGNORECASE)
# A refund that has not reached the shopper.
_REFUND_LATE = re.compile(
    r"\brefund\w*\b.{0,40}\b(?:not|hasn'?t|haven'?t|never|still|yet|missing|where)\b|"
    r"\b(?:not|never|haven'?t|didn'?t)\s+(?:got|get|gotten|received?)\s+(?:my|the|a|any)\s+refund|"
    r"\bwhere(?:'s|\s+is)\s+my\s+refund\b|"
    r"(?:退款|退的钱|退钱).{0,8}(?:没到|还没|没收到|没退|未到|不到账|没有到|没看到|在哪)|"
    r"(?:没|还没|没有)(?:收到|到账)?(?:退款|退的钱)", re.IGNORECASE)
# Asking what would happen is a policy question, not a problem: "付款失败了会扣钱吗", "if it fails will i be charged".
_HYPOTHETICAL = re.compile(r"\b(?:if|will|would|what\s+happens|in\s+case)\b|会不会|会扣|会被|如果|的话|万一",
                           re.IGNORECASE)
# Asking whether money was taken, not saying it was: "was i charged?", "did i get charged", "have i been billed"
# (a double charge asked about, "was i charged twice?", is still feared taken).
_ASKED_CHARGE = re.compile(
    r"\b(?:was|were|am|have|has|did)\s+(?:i|we|my\s+card|my\s+account)\s+(?:been\s+|get\s+|got\s+)?"
    r"(?:charged|billed|debited)\b(?!\s+(?:twice|two\s+times|double|again))", re.IGNORECASE)
# Said to be late, not asked about: "hasn't arrived yet", "still haven't got", "还没到账".
_NOT_YET = re.compile(r"\b(?:not|never|still)\b|n'?t\b|没|未|不到", re.IGNORECASE)
_SHOWN = 3


def is_payment_problem(text: str) -> bool:
    """The shopper says a payment or refund went wrong (not: asks what would happen if one did)."""
    said = text.strip()
    if _HYPOTHETICAL.search(said):
        return False
    told = _ASKED_CHARGE.sub(" ", said)  # "my payment failed, was i charged?": the FAQ's question, no charge said
    if _PAID.search(told) and _WRONG.search(told):
        return True
    from bot.core.skills.orders.refund_status import asks_refund_status

    # "where is my refund" asks where it stands, which the shopper's returns tell (orders.refund_status: under
    # review, refunded on a date, or none in progress); "退款还没到账", "still haven't got my refund" say one is
    # late: a person checks it.
    return bool(_REFUND_LATE.search(said)) and (bool(_NOT_YET.search(said)) or not asks_refund_status(said))


@router.intent("payment_problem")
async def payment_problem(text: str, parse: ParseResult | None, topic: str | None, services: Services,
                          state: Conversation,
                          t: Translator, user_id: int, chat_id: int, event: Event, now: datetime,
                          codec: CallbackCodec) -> list[Reply] | None:
    """A ticket for the problem and the recent orders, or None when the message is not one (the NLU goes on)."""
    if parse is None or parse.first("coupon_code") is not None or not is_payment_problem(text):
        return None
    from bot.core.skills.community.support import add_to_ticket, open_ticket_replies
    from bot.core.skills.community.ticket_guards import ticket_of_topic
    from bot.core.skills.orders.lookup import recent_orders
    from store.models.support import TicketKind

    just_opened = ticket_of_topic(topic)
    if just_opened is not None:  # said again right after its ticket opened: more for that ticket, not a second one
        state.topic = topic  # and the next one too
        return await add_to_ticket(just_opened, text, services=services, state=state, t=t, user_id=user_id, now=now,
                                   codec=codec, told=N_("Added to ticket {number}. Our team will reply here."))

    orders = await recent_orders(services, user_id, limit=_SHOWN)
    if orders:
        lines = [t("Your recent orders:")] + [
            f"• {o.number} · {o.total.format()} · {order_status(o, t)} · {day(o.created_at)}" for o in orders]
        seen = "\n".join(lines)
    else:
        seen = t("I can't see any orders on your account, so our team will look for the payment itself: add the "
                 "amount and the date of the charge if you can.")
    lead = Text(t("I'm sorry about the trouble with your payment. Only our team can check a charge with the "
                  "payment provider, so I've passed this to them.") + "\n\n" + seen)
    opened = await open_ticket_replies(TicketKind.SUPPORT, text, services=services, state=state, t=t,
                                       user_id=user_id, chat_id=chat_id, event=event, now=now, codec=codec)
    return [lead, *opened]
