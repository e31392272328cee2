"""A new address typed for a placed order ("➕ New address" under "you can still change where it goes").

WHY: the button opened the address book's form, which saved the address to the book and stopped there: the
order kept its old address and nothing said so. The form now carries the order (``order_id`` in its data); once
the address is saved it is set on the order as a saved address would be (``modify.change_address``: only while
the order still allows it, keeping its shipping option and way to pay), or the shopper is told plainly why the
order could not take it (its status, a country it cannot ship to, a way to pay that does not serve it).
"""

from __future__ import annotations

import html
import re

from bot.core.callbacks import CallbackCodec
from bot.core.errors_text import explain_store_error
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.orders import modify
from bot.core.state import Conversation
from bot.i18n import Translator
from store.errors import NotFound, StoreError
from store.models.orders import OrderStatus
from store.orders.views import get_order, list_orders
from store.users import AddressView

__all__ = ["order_of_form", "form_heading", "new_address_for_order", "order_to_readdress"]


def order_of_form(data: dict[str, object]) -> int | None:
    """The order the address form is for (None: the address book's own form)."""
    value = data.get("order_id")
    return value if isinstance(value, int) and value > 0 else None


async def form_heading(services: Services, user_id: int, order_id: int, t: Translator) -> str:
    """"New delivery address for order SB10001." above the form's first question ("" when the order is gone)."""
    try:
        async with services.uows.read() as uow:
            order = await get_order(uow, order_id, user_id=user_id)
    except NotFound:
        return ""
    return t("New delivery address for order {number}.", number=order.number) + "\n"


async def new_address_for_order(services: Services, user_id: int, order_id: int, saved: AddressView,
                                state: Conversation, t: Translator, codec: CallbackCodec) -> list[Reply]:
    """The address is in the book; now the order's: done, or why not."""
    note = t("Saved to your addresses: {address}", address=html.escape(saved.one_line()))
    try:
        async with services.uows.read() as uow:
            order = await get_order(uow, order_id, user_id=user_id)
    except NotFound:
        return [Text(note)]
    if order.status is not OrderStatus.PENDING_PAYMENT or order.payment_method is None or order.is_digital:
        why = t("Order {number}'s delivery address was not changed:", number=order.number)
        return [Text(note), *await modify.explain(services, user_id, order_id, state, t, codec, lead=why)]
    try:
        changed = await modify.change_address(services, user_id, order_id, saved.id, state, t, codec)
    except StoreError as exc:
        return [Text(note), Text(t("Order {number}'s delivery address was not changed:", number=order.number)
                                 + " " + explain_store_error(exc, t))]
    return [Text(note), *changed]


# "我要改收货地址", "change the delivery address", "wrong address on my order": a change, not a look at the book.
_CHANGE = re.compile(r"改|换|修改|更改|填错|写错|\b(?:change|update|modify|fix|correct|wrong|edit)\b", re.I)


async def order_to_readdress(text: str, services: Services, user_id: int) -> int | None:
    """The shopper's newest order whose address can still change (waiting for payment, delivered goods), when the
    message asks to change an address. WHY: "我要改收货地址" right after placing an order showed the address
    book, where a new address never reaches the order; the order's own choice (saved addresses, ➕ New address)
    is what was asked for."""
    if not _CHANGE.search(text):
        return None
    async with services.uows.read() as uow:
        orders = await list_orders(uow, user_id, limit=5, statuses=frozenset({OrderStatus.PENDING_PAYMENT}))
    return next((o.id for o in orders if o.payment_method is not None and not o.is_digital), None)
