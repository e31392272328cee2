"""A payment problem reported in words ("my card was declined", "the payment failed", "卡被拒了付不了款"): said
sorry for, with what the shopper can do next — try the card again, pay another way (cash on delivery where the
order allows it), or talk to a person.

WHY: at the payment step "my card was declined" names the card, so it was read as choosing the card and placed a
card order at once; "卡被拒了付不了款" got the lesson on how paying works and "you have no unpaid orders"; after an
order, the same words re-sent the invoice without a word about the problem. A shopper whose card failed needs to
hear that nothing was charged and what the ways forward are.
"""

from __future__ import annotations

import math
import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.checkout.invoices import INVOICE_METHODS
from bot.core.skills.checkout.labels import method_label
from bot.core.skills.checkout.preference import labels_for
from bot.core.state import Conversation
from bot.i18n import Translator
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.views import OrderView, list_orders

__all__ = ["reports_problem", "trouble_reply"]

_PROBLEM = re.compile(
    r"\b(declined?|rejected|refused|bounced|failed|fails|failing|denied|error)\b|"
    r"\b(didn'?t|did\s+not|won'?t|will\s+not|doesn'?t|does\s+not|can'?t|cannot|couldn'?t)\s+"
    r"(go\s+through|work|pay|be\s+charged|process|complete)\b|\b(not|isn'?t|wasn'?t)\s+(working|going\s+through)\b|"
    r"被拒|拒绝|拒了|拒付|失败|付不了|付不出|支付不了|付款不了|不成功|没成功|刷不了|出错|报错|付不上|没付上", re.I)
_PAYING = re.compile(r"\b(card|payment|pay|paid|paying|charged?|transaction|invoice|visa|master\s*card|amex)\b|"
                     r"卡|付|支付|扣款|刷|账单", re.I)


def reports_problem(text: str) -> bool:
    """The message says a payment did not work ("my card was declined", "支付失败")."""
    return bool(_PROBLEM.search(text)) and bool(_PAYING.search(text))


def _sorry(t: Translator) -> str:
    return t("Sorry your card didn't go through — a declined payment is not charged, so nothing was charged.")


async def trouble_reply(services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> list[Reply] | None:
    """At the payment step: the ways forward and the step (nothing is ordered). With no checkout open: the newest
    order waiting for a card payment, with its invoice to try again. None when neither applies (the NLU reads
    the message)."""
    from bot.core.skills.community.support import support_button

    co = state.checkout
    person = support_button(t, codec, user_id)
    if co and co.get("method") is None and (co.get("digital") or "ship" in co):
        return await _at_payment_step(person, services, user_id, state, t, codec)
    if co:
        return None
    async with services.uows() as uow:
        waiting = await list_orders(uow, user_id, limit=5, statuses=frozenset({OrderStatus.PENDING_PAYMENT}))
    order = next((o for o in waiting if _payable(o, services)), None)
    if order is None:
        return None
    if order.expires_at is None:
        held = t("Order {number} is still waiting for its payment. You can:", number=order.number)
    else:
        held = t("Order {number} is still reserved for you for {minutes} minutes. You can:", number=order.number,
                 minutes=max(1, math.ceil((order.expires_at - services.clock()).total_seconds() / 60)))
    lines = [_sorry(t), held,
             "• " + t("try again with the invoice below: check the card number, expiry date and code, or use "
                      "another card on the payment screen;"),
             "• " + t("ask your bank why it was declined, if it keeps happening;"),
             "• " + t("or talk to a person, who can look into it with you.")]
    buttons = keyboard([Button(t("🔁 Send the invoice again"), data=codec.encode(user_id, "pm", "inv", order.id))],
                       [person])
    return [Text("\n".join(lines), buttons=buttons)]


async def _at_payment_step(person: Button, services: Services, user_id: int, state: Conversation, t: Translator,
                           codec: CallbackCodec) -> list[Reply]:
    from bot.core.skills.checkout.steps import address_country, payment_step

    co = state.checkout
    lines = [_sorry(t) + ("" if t.language == "zh" else " ") + t("Nothing is ordered yet. You can:"),
             "• " + t("try the card again: choose “💳 {card}” below and pay the invoice (check the card number, "
                      "expiry date and code, or use another card);",
                      card=method_label(PaymentMethodKind.TELEGRAM, t))]
    if not co.get("digital"):
        option = ShippingOption(co["ship"])
        country = await address_country(services, user_id, state)
        if services.settings.shipping_zones.collects_cash(option, country):
            cash = labels_for(option, t).get(PaymentMethodKind.CASH_ON_DELIVERY,
                                             method_label(PaymentMethodKind.CASH_ON_DELIVERY, t))
            lines.append("• " + t("pay another way: choose “💵 {cash}” below and pay in cash, with no card;",
                                  cash=cash))
    lines.append("• " + t("or talk to a person, who can look into it with you."))
    return [Text("\n".join(lines), buttons=keyboard([person])),
            *await payment_step(services, user_id, state, t, codec)]


def _payable(order: OrderView, services: Services) -> bool:
    expires = order.expires_at
    return (order.payment_method in INVOICE_METHODS and order.stock_held
            and (expires is None or expires > services.clock()))

