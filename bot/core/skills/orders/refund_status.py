"""Where a return or refund stands: "refund status?", "where is my refund", "退款到哪了", "退货申请收到了吗".

WHY: the NLU reads these as ``return_or_refund`` (they name a refund), and that intent starts a new return: "Why
are you returning it?" to someone asking about money already on its way, whose next message ("did you get my
return request") then became the reason of a second request sent to staff. A question about the state of a
return is answered from the shopper's orders (under review, approved, refunded, refund after a cancel) and
starts nothing; with none in progress it says so and offers to start one.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Text, keyboard
from bot.core.services import Services
from bot.core.skills.orders.lookup import recent_orders
from bot.i18n import Translator
from store.models.orders import OrderStatus
from store.orders.views import OrderView

__all__ = ["asks_refund_status", "refund_status"]

_ABOUT = re.compile(r"\b(?:refund\w*|return\w*|money back|my money)\b|退款|退货|退钱|钱", re.IGNORECASE)
# Asking where it stands, not how to do it: "status", "where is", "any news", "did you get", "processed yet",
# "到哪了", "进度", "怎么样了", "收到了吗", "退了吗", "到账了吗".
_STATUS = re.compile(
    r"\b(?:status|update|news|progress|where(?:'s| is| are)|any word|heard|processed|approved|went through|"
    r"(?:did|have|has) (?:you|u|it|my|the)\b.*\b(?:get|got|receive\w*|see|seen|process\w*|approve\w*|sent|"
    r"go|gone|come)|(?:get|got|receive\w*) my (?:return|refund)|yet)\b|"
    r"到哪|进度|进展|怎么样了|怎样了|咋样了|处理了吗|处理好了吗|收到了吗|收到没|收到我的|退了吗|退了没|"
    r"到账了吗|到账没|批了吗|通过了吗|审核", re.IGNORECASE)
# "how long does the refund take" / "退款多久到账" is a policy question (policy_questions), not this one.
# "where is the return address" / "退货地址" / "怎么退" is how to send it back: the return's own steps.
_HOW = re.compile(r"\bhow (?:long|many days|soon|do|can|to)\b|\b(?:address|label)\b|"
                  r"多久|多长时间|几天|怎么退|如何|地址", re.IGNORECASE)

_RETURNABLE = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})


def asks_refund_status(text: str) -> bool:
    """The message asks where a return or refund stands (not how to start one or how long it takes)."""
    return bool(_ABOUT.search(text) and _STATUS.search(text) and not _HOW.search(text))


def _line(order: OrderView, t: Translator) -> str | None:
    n, total = order.number, order.total.format()
    if order.status is OrderStatus.RETURN_REQUESTED:
        return t("Order {number}: we have your return request; our staff are reviewing it and will message you "
                 "here.", number=n)
    if order.status is OrderStatus.RETURNED:
        return t("Order {number}: your return was approved; we refund {total} to the way you paid once the items "
                 "reach us.", number=n, total=total)
    if order.status is OrderStatus.REFUNDED:
        return t("Order {number}: refunded ({total}). Your bank may take a few days to show it.", number=n,
                 total=total)
    if order.status is OrderStatus.CANCELLED and order.paid_at is not None:
        return t("Order {number} was cancelled after payment: our staff are refunding {total} to the way you "
                 "paid.", number=n, total=total)
    return None


async def refund_status(services: Services, user_id: int, t: Translator, codec: CallbackCodec) -> Text:
    """Each return or refund of the shopper's recent orders, or that there is none (with a way to start one)."""
    orders = await recent_orders(services, user_id, limit=20)
    lines = [line for o in orders if (line := _line(o, t))]
    if lines:
        return Text("\n".join(lines))
    buttons = [[Button(t("↩️ Return {number}", number=o.number), data=codec.encode(user_id, "ret", o.id))]
               for o in orders if o.status in _RETURNABLE and not o.is_digital][:3]
    if buttons:
        return Text(t("You have no return or refund in progress. To send something back, pick the order:"),
                    buttons=keyboard(*buttons))
    return Text(t("You have no return or refund in progress."))
