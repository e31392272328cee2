"""Ticket commands: open, add a message (from the shopper or staff), assign, close.

Status follows who owes the next reply: ``open`` (nobody picked it up), ``assigned`` (staff owe a reply),
``waiting`` (staff replied, the shopper may answer), ``closed``. Every change adds an event row; the ticket
row itself only holds the current status and the opening snapshot.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from store.errors import NotFound, ValidationFailed
from store.models.support import Ticket, TicketKind, TicketStatus
from store.support import events
from store.support.errors import TicketClosed
from store.support.views import TicketView, ticket_number, to_view
from store.uow import UnitOfWork

__all__ = ["open_ticket", "add_ticket_message", "assign_ticket", "close_ticket", "get_ticket", "list_tickets",
           "MAX_TEXT"]

MAX_TEXT = 4000


def _clean(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationFailed(f"{what} is empty")
    return text[:MAX_TEXT]


async def _load(uow: UnitOfWork, ticket_id: int, *, user_id: int | None = None) -> Ticket:
    ticket = (await uow.session.scalars(
        select(Ticket).where(Ticket.id == ticket_id).options(selectinload(Ticket.events))
        .execution_options(populate_existing=True))).first()
    if ticket is None or (user_id is not None and ticket.user_id != user_id):
        raise NotFound("ticket", ticket_number(ticket_id))
    return ticket


def _move(ticket: Ticket, to: TicketStatus, actor: str, now: datetime) -> None:
    if ticket.status is not to:
        ticket.events.append(events.status_changed(ticket.id, actor, now, from_status=TicketStatus(ticket.status),
                                                   to_status=to))
        ticket.status = to
    ticket.updated_at = now


async def _done(uow: UnitOfWork, ticket: Ticket) -> TicketView:
    await uow.session.flush()
    view = to_view(await _load(uow, ticket.id))
    await uow.commit()
    return view


async def open_ticket(uow: UnitOfWork, *, user_id: int, chat_id: int, subject: str, now: datetime,
                      kind: TicketKind = TicketKind.SUPPORT, context: dict[str, Any] | None = None) -> TicketView:
    """A new ticket with the shopper's opening message and the context snapshot."""
    text = _clean(subject, "the request")
    ticket = Ticket(user_id=user_id, chat_id=chat_id, kind=kind, status=TicketStatus.OPEN,
                    subject=" ".join(text.split())[:200], context=context or {}, created_at=now, updated_at=now,
                    events=[])
    uow.session.add(ticket)
    await uow.session.flush()
    actor = events.user_actor(user_id)
    ticket.events.append(events.opened(ticket.id, actor, now, kind=kind, subject=ticket.subject))
    ticket.events.append(events.message(ticket.id, actor, now, text=text))
    return await _done(uow, ticket)


async def add_ticket_message(uow: UnitOfWork, ticket_id: int, *, author_id: int, text: str, now: datetime,
                             from_staff: bool) -> TicketView:
    """Append a message. Staff replying also take the ticket if nobody has; the shopper may write only to
    their own ticket (someone else's is "not found", so numbers cannot be probed)."""
    body = _clean(text, "the message")
    ticket = await _load(uow, ticket_id, user_id=None if from_staff else author_id)
    if ticket.status is TicketStatus.CLOSED:
        raise TicketClosed(ticket_number(ticket.id))
    actor = events.staff_actor(author_id) if from_staff else events.user_actor(author_id)
    ticket.events.append(events.message(ticket.id, actor, now, text=body))
    if from_staff:
        if ticket.assigned_to is None:
            ticket.assigned_to = author_id
            ticket.events.append(events.assigned(ticket.id, actor, now, staff_id=author_id))
        _move(ticket, TicketStatus.WAITING, actor, now)
    else:
        _move(ticket, TicketStatus.ASSIGNED if ticket.assigned_to is not None else TicketStatus.OPEN, actor, now)
    return await _done(uow, ticket)


async def assign_ticket(uow: UnitOfWork, ticket_id: int, staff_id: int, *, now: datetime) -> TicketView:
    ticket = await _load(uow, ticket_id)
    if ticket.status is TicketStatus.CLOSED:
        raise TicketClosed(ticket_number(ticket.id))
    actor = events.staff_actor(staff_id)
    if ticket.assigned_to != staff_id:
        ticket.assigned_to = staff_id
        ticket.events.append(events.assigned(ticket.id, actor, now, staff_id=staff_id))
    if ticket.status is TicketStatus.OPEN:
        _move(ticket, TicketStatus.ASSIGNED, actor, now)
    return await _done(uow, ticket)


async def close_ticket(uow: UnitOfWork, ticket_id: int, *, actor: str, now: datetime, note: str = "",
                       user_id: int | None = None) -> TicketView:
    """Close it (``user_id`` restricts to the shopper's own ticket). Closing twice is refused."""
    ticket = await _load(uow, ticket_id, user_id=user_id)
    if ticket.status is TicketStatus.CLOSED:
        raise TicketClosed(ticket_number(ticket.id))
    ticket.events.append(events.closed(ticket.id, actor, now, note=note[:500]))
    _move(ticket, TicketStatus.CLOSED, actor, now)
    ticket.closed_at = now
    return await _done(uow, ticket)


async def get_ticket(uow: UnitOfWork, ticket_id: int, *, user_id: int | None = None) -> TicketView:
    return to_view(await _load(uow, ticket_id, user_id=user_id))


async def list_tickets(uow: UnitOfWork, *, user_id: int | None = None, status: TicketStatus | None = None,
                       limit: int = 50) -> list[TicketView]:
    """Newest first."""
    query = select(Ticket).options(selectinload(Ticket.events)).order_by(Ticket.id.desc()).limit(limit)
    if user_id is not None:
        query = query.where(Ticket.user_id == user_id)
    if status is not None:
        query = query.where(Ticket.status == status)
    return [to_view(t) for t in await uow.session.scalars(query)]
