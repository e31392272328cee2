"""Promotion tables shared by pricing (prices) and stock (claims): flash sales with limited quantity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, TimestampMixin
from store.models.catalog import Variant

__all__ = ["FlashSale"]


class FlashSale(TimestampMixin, Base):
    """A limited-quantity price on one variant for a time window, often run live in a community group."""

    __tablename__ = "flash_sales"
    __table_args__ = (
        CheckConstraint("quantity_remaining >= 0", name="remaining_not_negative"),
        CheckConstraint("quantity_remaining <= quantity_total", name="remaining_within_total"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    title_zh: Mapped[str | None] = mapped_column(String(200))  # the sale's name for Chinese shoppers
    price_minor: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    quantity_total: Mapped[int] = mapped_column()
    quantity_remaining: Mapped[int] = mapped_column()
    per_user_limit: Mapped[int] = mapped_column(default=1)
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()
    # The community group where it runs live (countdown and stock posts); None = shop-wide.
    group_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    is_active: Mapped[bool] = mapped_column(default=True)

    variant: Mapped[Variant] = relationship()
