"""How tickets read: the card staff get (who, what, recent messages, cart, orders) and relayed messages.

Each builder takes the translator of the person who will read it (staff and shopper may speak different
languages), so the text is always in the reader's language.
"""

from __future__ import annotations

from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.skills.community.common import esc
from bot.i18n import Translator
from store.money import Money
from store.support.views import TicketView

__all__ = ["staff_card", "staff_buttons", "to_shopper", "to_staff", "closed_notice", "kind_label"]


def kind_label(kind: str, t: Translator) -> str:
    return {"support": t("support"), "complaint": t("complaint"), "feedback": t("feedback")}.get(kind, kind)


def staff_buttons(t: Translator, codec: CallbackCodec, staff_id: int, ticket_id: int) -> Any:
    return keyboard([Button(t("Reply"), data=codec.encode(staff_id, "tk", "r", ticket_id)),
                     Button(t("Close"), data=codec.encode(staff_id, "tk", "c", ticket_id))])


def _money(amount: Any, currency: Any) -> str:
    try:
        return Money(int(amount), str(currency)).format()
    except Exception:  # a snapshot from an older version: show what is there rather than fail the card
        return f"{amount} {currency}"


def _context_lines(t: Translator, context: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    messages = context.get("messages") or []
    if messages:
        lines.append(t("<b>Recent messages</b>"))
        lines += [f"• {esc(str(m))}" for m in messages]
    cart = context.get("cart") or []
    lines.append(t("<b>Cart</b>"))
    lines += [f"• {c.get('quantity')} × {esc(str(c.get('title')))} ({esc(str(c.get('sku')))}) — "
              f"{_money(c.get('amount'), c.get('currency'))}" for c in cart] or ["• " + t("empty")]
    orders = context.get("orders") or []
    lines.append(t("<b>Recent orders</b>"))
    lines += [f"• {o.get('number')} — {esc(str(o.get('status')))} — {_money(o.get('amount'), o.get('currency'))}"
              for o in orders] or ["• " + t("none")]
    return lines


def staff_card(t: Translator, codec: CallbackCodec, staff_id: int, ticket: TicketView, shopper: str) -> Reply:
    head = t("🆘 New ticket {number} ({kind})", number=ticket.number, kind=kind_label(ticket.kind.value, t))
    lines = [f"<b>{head}</b>", t("From: {name} · id {id}", name=esc(shopper), id=ticket.user_id),
             t("Subject: {subject}", subject=esc(ticket.subject)), "", *_context_lines(t, ticket.context)]
    return Text("\n".join(lines), buttons=staff_buttons(t, codec, staff_id, ticket.id))


def to_shopper(t: Translator, codec: CallbackCodec, ticket: TicketView, text: str) -> Reply:
    return Text(t("💬 Our team replied on ticket {number}:\n{text}", number=ticket.number, text=esc(text)),
                buttons=keyboard([Button(t("Reply"), data=codec.encode(ticket.user_id, "tk", "u", ticket.id))]))


def to_staff(t: Translator, codec: CallbackCodec, staff_id: int, ticket: TicketView, shopper: str,
             text: str) -> Reply:
    return Text(t("💬 {name} wrote on ticket {number}:\n{text}", name=esc(shopper), number=ticket.number,
                  text=esc(text)), buttons=staff_buttons(t, codec, staff_id, ticket.id))


def closed_notice(t: Translator, ticket: TicketView) -> Reply:
    return Text(t("Your ticket {number} is now closed. If you need anything else, send /support.",
                  number=ticket.number))
