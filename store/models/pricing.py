"""Pricing tables: coupons (with their redemptions) and full-reduction offers ("spend 200, save 30").

Flash sales live in ``promotions.py`` because stock claims share them. Money columns are integer minor units
in the row's ``currency``; statuses and kinds are Enums stored as strings so both databases agree.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, TimestampMixin, utcnow

__all__ = ["CouponKind", "CouponScope", "Coupon", "CouponRedemption", "Offer", "OfferTier"]


class CouponKind(StrEnum):
    PERCENT = "percent"
    FIXED = "fixed"


class CouponScope(StrEnum):
    ORDER = "order"
    CATEGORY = "category"
    PRODUCT = "product"


class Coupon(TimestampMixin, Base):
    __tablename__ = "coupons"
    __table_args__ = (
        CheckConstraint("used_count >= 0", name="used_not_negative"),
        CheckConstraint("max_uses IS NULL OR used_count <= max_uses", name="used_within_max"),
        CheckConstraint("percent_off IS NULL OR (percent_off > 0 AND percent_off <= 100)", name="percent_range"),
        CheckConstraint("amount_off_minor IS NULL OR amount_off_minor > 0", name="amount_positive"),
        CheckConstraint("min_spend_minor >= 0", name="min_spend_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored upper-case; shoppers type codes in any case.
    code: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[CouponKind] = mapped_column(Enum(CouponKind, native_enum=False, length=16))
    percent_off: Mapped[int | None] = mapped_column()
    amount_off_minor: Mapped[int | None] = mapped_column()
    # Currency of amount_off and min_spend; None only for a percent coupon without a minimum spend.
    currency: Mapped[str | None] = mapped_column(String(3))
    min_spend_minor: Mapped[int] = mapped_column(default=0)
    starts_at: Mapped[datetime | None] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column()
    max_uses: Mapped[int | None] = mapped_column()
    used_count: Mapped[int] = mapped_column(default=0)
    per_user_limit: Mapped[int | None] = mapped_column()
    scope: Mapped[CouponScope] = mapped_column(
        Enum(CouponScope, native_enum=False, length=16), default=CouponScope.ORDER
    )
    scope_category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"))
    scope_product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    is_active: Mapped[bool] = mapped_column(default=True)


class CouponRedemption(Base):
    """One use of a coupon by one order; the per-user limit counts these rows."""

    __tablename__ = "coupon_redemptions"
    __table_args__ = (UniqueConstraint("coupon_id", "order_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coupon_id: Mapped[int] = mapped_column(ForeignKey("coupons.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The order (owned by checkout); not a foreign key so pricing does not depend on the orders package.
    order_id: Mapped[int] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Offer(TimestampMixin, Base):
    """A full-reduction offer: tiers of "spend X, save Y" in one currency; only the best tier applies."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The shop's name for it; with tiers, one that reads right for every tier ("Spend more, save more").
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_zh: Mapped[str | None] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3))
    starts_at: Mapped[datetime | None] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column()
    is_active: Mapped[bool] = mapped_column(default=True)

    tiers: Mapped[list[OfferTier]] = relationship(
        back_populates="offer", cascade="all, delete-orphan", order_by="OfferTier.threshold_minor"
    )


class OfferTier(Base):
    __tablename__ = "offer_tiers"
    __table_args__ = (
        UniqueConstraint("offer_id", "threshold_minor"),
        CheckConstraint("threshold_minor > 0", name="threshold_positive"),
        CheckConstraint("discount_minor > 0 AND discount_minor <= threshold_minor", name="discount_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    threshold_minor: Mapped[int] = mapped_column()
    discount_minor: Mapped[int] = mapped_column()

    offer: Mapped[Offer] = relationship(back_populates="tiers")
