"""Support tickets: a shopper's request for a human, with an append-only history of what each side said.

The ticket keeps a JSON snapshot of the context staff need to help without asking again (the shopper's
recent messages, cart lines and recent orders) as it was when the ticket was opened: the live cart keeps
changing, the ticket must still show what the shopper was looking at.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, JSONType, utcnow
from store.models.orders import enum_column

__all__ = ["TicketStatus", "TicketKind", "TicketEventKind", "Ticket", "TicketEvent"]


class TicketStatus(StrEnum):
    OPEN = "open"  # waiting for staff to pick it up
    ASSIGNED = "assigned"  # a staff member took it and owes the next reply
    WAITING = "waiting"  # staff replied; waiting for the shopper
    CLOSED = "closed"


class TicketKind(StrEnum):
    SUPPORT = "support"
    COMPLAINT = "complaint"
    FEEDBACK = "feedback"


class TicketEventKind(StrEnum):
    OPENED = "opened"
    MESSAGE = "message"
    ASSIGNED = "assigned"
    STATUS_CHANGED = "status_changed"
    CLOSED = "closed"
    ANONYMISED = "anonymised"


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_status_created", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[TicketKind] = mapped_column(enum_column(TicketKind), default=TicketKind.SUPPORT)
    status: Mapped[TicketStatus] = mapped_column(enum_column(TicketStatus), default=TicketStatus.OPEN)
    subject: Mapped[str] = mapped_column(Text)
    assigned_to: Mapped[int | None] = mapped_column(BigInteger)
    # {"messages": [...], "cart": [...], "orders": [...]} as it was when the ticket was opened.
    context: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()

    events: Mapped[list[TicketEvent]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketEvent.id"
    )


class TicketEvent(Base):
    """Append-only: rows are inserted, never updated (see store.support.events)."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_id", "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    kind: Mapped[TicketEventKind] = mapped_column(enum_column(TicketEventKind))
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    actor: Mapped[str] = mapped_column(String(64))  # "user:123", "staff:456", "system"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="events")
