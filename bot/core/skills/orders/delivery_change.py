"""Another delivery asked for a placed order: "change the delivery to express", "把配送方式改成加急".

WHY: with no checkout open the message got "Sorry, I'm not sure what you mean". The shop's rule (the FAQ entry on
express, and ``store.checkout.choose``, which changes only an unpaid order's address and keeps its option) is that
a placed order keeps the delivery chosen at checkout; so the answer names the order, what it keeps, and the way
to another delivery: cancel it while it can be cancelled and check out again.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.labels import shipping_label
from bot.core.skills.checkout.typed import shipping_said
from bot.core.skills.orders.lookup import find_order
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.models.orders import OrderStatus, ShippingOption

__all__ = ["router", "asks_other_delivery"]

router = Router("orders.delivery_change")

# A change of the delivery, said with the option wanted: "change the delivery to express", "switch my order to
# express shipping", "upgrade to express", "改成加急", "换成加急快递".
_CHANGE = re.compile(
    r"\b(?:change|switch|upgrade|make|move|update)\b[\w\s']{0,30}\b(?:to|into)\b|\bupgrade\b|"
    r"(?:改|换|升级|变)(?:成|为|到)|改(?:用|走)", re.I)
_DELIVERY = re.compile(r"\b(?:delivery|shipping|ship|express|standard|pick\s*-?\s*up)\b|配送|快递|加急|运送|发货|"
                       r"自提|物流", re.I)
_CANCELLABLE = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PACKED})


def asks_other_delivery(text: str) -> ShippingOption | None:
    """The delivery option a message asks an order to change to, or None (a question, "can I switch to express?",
    is the FAQ's)."""
    if not (_CHANGE.search(text) and _DELIVERY.search(text)):
        return None
    return shipping_said(text)


@router.intent("placed_order_delivery")
async def placed_order_delivery(text: str, services: Services, user_id: int, state: Conversation,
                                parse: ParseResult | None, t: Translator, codec: CallbackCodec) -> list[Reply] | None:
    """Not an NLU intent: offered with no checkout open; None unless the message asks another delivery and the
    shopper has an order it can mean."""
    wanted = asks_other_delivery(text)
    if wanted is None or state.checkout:
        return None
    order, _ = await find_order(services, user_id, state, parse, fits=lambda o: not o.is_digital)
    if order is None or order.is_digital:
        return None
    state.last_order = order.number
    n, kept, new = order.number, shipping_label(order.shipping_option, t), shipping_label(wanted, t)
    if order.shipping_option is wanted:
        return [Text(t("Order {number} already goes by {option}.", number=n, option=kept))]
    if order.status not in _CANCELLABLE:
        return [Text(t("The delivery option of a placed order can't be changed: order {number} keeps {option}.",
                       number=n, option=kept))]
    text_ = t("The delivery option of a placed order can't be changed: order {number} keeps {option}. If you'd "
              "rather have {wanted}, cancel the order (the items can go back into your cart) and check out again "
              "choosing {wanted}.", number=n, option=kept, wanted=new)
    cancel = Button(t("❌ Cancel order"), data=codec.encode(user_id, "cnl", order.id))
    return [Text(text_, buttons=keyboard([cancel]))]
