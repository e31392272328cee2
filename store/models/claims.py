"""Flash-sale claims: how many units each shopper holds of each flash sale.

One row per (flash sale, user) with a running quantity, so the per-user limit is enforced by a single
conditional upsert that concurrent claims cannot both pass (see ``store.stock.take_flash_sale_units``).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, TimestampMixin

__all__ = ["FlashSaleClaim"]


class FlashSaleClaim(TimestampMixin, Base):
    __tablename__ = "flash_sale_claims"
    __table_args__ = (
        UniqueConstraint("flash_sale_id", "user_id"),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    flash_sale_id: Mapped[int] = mapped_column(ForeignKey("flash_sales.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"))
    # Units currently held (claimed and not given back by cancellation or expiry).
    quantity: Mapped[int] = mapped_column(default=0)
