"""Asking for a person while a ticket is already open gets that ticket's status, not a second ticket.

WHY: "人工啥时候回我" / "is anyone going to answer?" after a ticket opened was read as talk_to_human and opened
another ticket (walk 3 found three tickets for one problem): staff saw duplicates and the shopper was never told
where the first one stood. A bare request (no order, product, money or other substance in it) with a ticket open
gets its status and two buttons, [Add details] to the open ticket and [New request] for a different problem;
a request that says what is wrong still opens a ticket of its own.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Text, keyboard
from bot.core.services import Services
from bot.core.skills.checkout.labels import when
from bot.i18n import Translator
from store.models.support import TicketKind, TicketStatus
from store.support.views import TicketView

__all__ = ["SUBSTANCE", "has_substance", "open_ticket_status"]

# What a message to support is about: an order, a delivery, a product, money, a person.
SUBSTANCE = re.compile(
    r"order|deliver|arriv|ship|broke|damag|wrong|missing|late|lost|refund|return|charge|paid|pay|money|price|"
    r"size|item|product|package|parcel|courier|quality|coupon|cart|account|address|\d{3,}|"
    r"订单|快递|物流|发货|到货|收到|坏|破|错|少|丢|退|款|钱|价|质量|包裹|商品|尺码|优惠|购物车|账号|地址",
    re.IGNORECASE)


def has_substance(text: str) -> bool:
    return bool(SUBSTANCE.search(text))


def _status(ticket: TicketView, t: Translator) -> str:
    if ticket.status is TicketStatus.WAITING:
        return t("our team has replied (see their message above) and waits for your answer")
    if ticket.status is TicketStatus.ASSIGNED:
        return t("a person from our team is on it")
    return t("it waits for the next person from our team, opened {when}", when=when(ticket.created_at))


async def open_ticket_status(services: Services, user_id: int, t: Translator, codec: CallbackCodec,
                             hours: int) -> Text | None:
    """The newest open support or complaint ticket's status, or None when the shopper has none open."""
    from store.support.service import list_tickets

    async with services.uows.read() as uow:
        tickets = [tk for tk in await list_tickets(uow, user_id=user_id, limit=10)
                   if not tk.is_closed and tk.kind is not TicketKind.FEEDBACK]
    if not tickets:
        return None
    newest = tickets[0]
    text = t("Your ticket {number} is open: {status}. They usually reply within {hours} hours, and I'll message "
             "you here as soon as they do.", number=newest.number, status=_status(newest, t), hours=hours)
    if len(tickets) > 1:
        text += "\n" + t("Also open: {numbers}.", numbers=", ".join(tk.number for tk in tickets[1:4]))
    return Text(text, buttons=keyboard([
        Button(t("✍️ Add details"), data=codec.encode(user_id, "tk", "u", newest.id)),
        Button(t("🆕 New request"), data=codec.encode(user_id, "sup"))]))
