"""Return requests: what the shopper asked for (reason, photos) and what staff decided."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, JSONType, utcnow
from store.models.orders import enum_column

__all__ = ["ReturnStatus", "ReturnRequest"]


class ReturnStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    REFUNDED = "refunded"


class ReturnRequest(Base):
    __tablename__ = "return_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[ReturnStatus] = mapped_column(enum_column(ReturnStatus))
    reason: Mapped[str] = mapped_column(Text)
    # Telegram file ids of the shopper's photos (the bot stores ids, not images).
    photo_file_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    staff_note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
