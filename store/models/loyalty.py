"""Loyalty points as an append-only ledger: the balance is the sum of the rows, never a stored counter.

A ledger answers "why do I have 730 points?" line by line and cannot drift from its history. The unique
(user, reason, reference) key makes every award idempotent: paying the same order twice, or the catch-up
sync running after the payment hook, can never credit it twice.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, utcnow
from store.models.orders import enum_column

__all__ = ["PointsReason", "PointsEntry"]


class PointsReason(StrEnum):
    ORDER_PAID = "order_paid"
    REFUND = "refund"  # takes back the points of an order that was refunded or cancelled after payment
    REVIEW = "review"
    COMMUNITY_ANSWER = "community_answer"
    ADJUSTMENT = "adjustment"  # staff correction


class PointsEntry(Base):
    __tablename__ = "points_ledger"
    __table_args__ = (
        UniqueConstraint("user_id", "reason", "reference"),
        Index("ix_points_ledger_user_created", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"))
    delta: Mapped[int] = mapped_column()
    reason: Mapped[PointsReason] = mapped_column(enum_column(PointsReason))
    # What earned it: "order:12", "review:5"... None for staff adjustments (which may repeat).
    reference: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
