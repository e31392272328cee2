"""Ticket history: one constructor per event kind, each returning a new ``TicketEvent`` row to add.

Rows are only inserted, so the conversation staff see is exactly what was said, in order.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from store.models.support import TicketEvent, TicketEventKind, TicketKind, TicketStatus

__all__ = ["SYSTEM", "user_actor", "staff_actor", "opened", "message", "assigned", "status_changed", "closed",
           "anonymised"]

SYSTEM = "system"


def user_actor(user_id: int) -> str:
    return f"user:{user_id}"


def staff_actor(staff_id: int) -> str:
    return f"staff:{staff_id}"


def _event(ticket_id: int, kind: TicketEventKind, actor: str, now: datetime, **params: Any) -> TicketEvent:
    return TicketEvent(ticket_id=ticket_id, kind=kind, actor=actor, created_at=now, params=params)


def opened(ticket_id: int, actor: str, now: datetime, *, kind: TicketKind, subject: str) -> TicketEvent:
    return _event(ticket_id, TicketEventKind.OPENED, actor, now, ticket_kind=kind.value, subject=subject)


def message(ticket_id: int, actor: str, now: datetime, *, text: str) -> TicketEvent:
    return _event(ticket_id, TicketEventKind.MESSAGE, actor, now, text=text)


def assigned(ticket_id: int, actor: str, now: datetime, *, staff_id: int) -> TicketEvent:
    return _event(ticket_id, TicketEventKind.ASSIGNED, actor, now, staff_id=staff_id)


def status_changed(ticket_id: int, actor: str, now: datetime, *, from_status: TicketStatus,
                   to_status: TicketStatus) -> TicketEvent:
    return _event(ticket_id, TicketEventKind.STATUS_CHANGED, actor, now, from_status=from_status.value,
                  to_status=to_status.value)


def closed(ticket_id: int, actor: str, now: datetime, *, note: str = "") -> TicketEvent:
    return _event(ticket_id, TicketEventKind.CLOSED, actor, now, note=note)


def anonymised(ticket_id: int, now: datetime) -> TicketEvent:
    return _event(ticket_id, TicketEventKind.ANONYMISED, SYSTEM, now)
