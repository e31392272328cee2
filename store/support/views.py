"""Read side of tickets: frozen views for the dialogue, and ticket numbers as shoppers see them (T1007)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from store.models.support import Ticket, TicketEventKind, TicketKind, TicketStatus
from store.orders.clock import as_utc, as_utc_or_none

__all__ = ["TicketMessage", "TicketView", "ticket_number", "to_view"]

_NUMBER_BASE = 1000


def ticket_number(ticket_id: int) -> str:
    return f"T{_NUMBER_BASE + ticket_id}"


@dataclass(frozen=True)
class TicketMessage:
    actor: str  # "user:1", "staff:9"
    text: str
    at: datetime

    @property
    def from_staff(self) -> bool:
        return self.actor.startswith("staff:")


@dataclass(frozen=True)
class TicketView:
    id: int
    number: str
    user_id: int
    chat_id: int
    kind: TicketKind
    status: TicketStatus
    subject: str
    assigned_to: int | None
    context: dict[str, Any]
    messages: tuple[TicketMessage, ...]
    created_at: datetime
    closed_at: datetime | None

    @property
    def is_closed(self) -> bool:
        return self.status is TicketStatus.CLOSED


def to_view(t: Ticket) -> TicketView:
    messages = tuple(TicketMessage(e.actor, str(e.params.get("text", "")), as_utc(e.created_at))
                     for e in t.events if e.kind is TicketEventKind.MESSAGE)
    return TicketView(id=t.id, number=ticket_number(t.id), user_id=t.user_id, chat_id=t.chat_id,
                      kind=TicketKind(t.kind), status=TicketStatus(t.status), subject=t.subject,
                      assigned_to=t.assigned_to, context=dict(t.context or {}), messages=messages,
                      created_at=as_utc(t.created_at), closed_at=as_utc_or_none(t.closed_at))
