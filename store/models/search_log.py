"""Queries that found nothing: the shop owner's list of products shoppers want but cannot find."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, JSONType, utcnow

__all__ = ["ZeroResultQuery"]


class ZeroResultQuery(Base):
    __tablename__ = "zero_result_queries"
    __table_args__ = (Index("ix_zero_result_queries_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(1000))
    # Normalised text (trimmed, lower-cased) so the owner's report can group repeats.
    normalized: Mapped[str] = mapped_column(String(1000), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    filters: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Telegram user id, not a foreign key: anonymous and console searches are logged too.
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    alternatives_shown: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
