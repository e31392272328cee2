"""Payment tables: captured payments (one per provider charge), refunds, and every attempt we refused.

A payment belongs to an order, never to a wallet. ``provider_charge_id`` is UNIQUE: Telegram may deliver
the same successful payment twice, and the database, not a read-then-write check, makes the second a no-op.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, JSONType, utcnow
from store.models.orders import PaymentMethodKind, enum_column

__all__ = ["AttemptOutcome", "Payment", "PaymentAttempt", "Refund"]


class AttemptOutcome(StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount_minor > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[PaymentMethodKind] = mapped_column(enum_column(PaymentMethodKind))
    amount_minor: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    provider_charge_id: Mapped[str] = mapped_column(String(255), unique=True)
    telegram_charge_id: Mapped[str | None] = mapped_column(String(255))
    refunded_minor: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PaymentAttempt(Base):
    """Every pre-checkout query or payment we refused, with the reason: money that arrived but was not
    applied must be findable (staff refund it), and a pattern of refusals is worth seeing."""

    __tablename__ = "payment_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"), index=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    stage: Mapped[str] = mapped_column(String(32))  # "pre_checkout" | "successful_payment" | "cod"
    outcome: Mapped[AttemptOutcome] = mapped_column(enum_column(AttemptOutcome))
    reason: Mapped[str] = mapped_column(String(64))
    amount_minor: Mapped[int | None] = mapped_column()
    currency: Mapped[str | None] = mapped_column(String(3))
    provider_charge_id: Mapped[str | None] = mapped_column(String(255))
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Refund(Base):
    __tablename__ = "refunds"
    __table_args__ = (CheckConstraint("amount_minor > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id", ondelete="RESTRICT"))
    amount_minor: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(300), default="")
    # The provider's id of the refund (for Stars: the charge id refundStarPayment was called with).
    provider_refund_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
