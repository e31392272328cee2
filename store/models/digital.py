"""Digital goods as delivered: one row per unit bought (a gift-card code, a partner code, an e-book's files).

WHY a row per unit: a shopper who buys two gift cards gets two codes, and each can be voided on its own. The
unique ``(order_line_id, unit)`` pair makes delivery idempotent at the database: delivering the same order
twice cannot issue a second set. Codes are UNIQUE across the shop. E-book files live under the media
directory at ``files[*].path`` (an unguessable folder per unit); the row keeps what is needed to make them
again (``details``), so a lost file is regenerated, never re-bought.

A gift card's ``balance_minor`` starts at its face value and only ever changes through a conditional UPDATE
in ``store.giftcards`` (never below zero: the CHECK constraint says so too); every change appends a
``GiftCardEntry`` row, so a card's history adds up to its balance.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, JSONType, utcnow
from store.models.orders import enum_column

__all__ = ["DigitalKind", "DigitalStatus", "DigitalItem", "GiftCardEntryKind", "GiftCardEntry"]


class DigitalKind(StrEnum):
    GIFT_CARD = "gift_card"  # this shop's gift card: a code with a face value
    CODE = "code"  # a redeem code for a partner service or any other digital good
    EBOOK = "ebook"  # files made for the buyer (EPUB and PDF)


class DigitalStatus(StrEnum):
    ACTIVE = "active"
    VOIDED = "voided"  # refunded: the code no longer counts, the files are no longer offered


class DigitalItem(Base):
    __tablename__ = "digital_items"
    __table_args__ = (
        UniqueConstraint("order_line_id", "unit"),
        CheckConstraint("unit >= 1", name="unit_positive"),
        CheckConstraint("value_minor IS NULL OR value_minor > 0", name="value_positive"),
        CheckConstraint("balance_minor IS NULL OR balance_minor >= 0", name="balance_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    unit: Mapped[int] = mapped_column()  # 1..quantity of the line
    kind: Mapped[DigitalKind] = mapped_column(enum_column(DigitalKind, 16))
    sku: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    # Face value of a gift card (what it is worth in the shop), not what was paid for it.
    value_minor: Mapped[int | None] = mapped_column()
    value_currency: Mapped[str | None] = mapped_column(String(3))
    # What is left to spend on a gift card, in ``value_currency`` (None for anything else).
    balance_minor: Mapped[int | None] = mapped_column()
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)  # [{path, name, media_type}]
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)  # author, description... (files)
    status: Mapped[DigitalStatus] = mapped_column(enum_column(DigitalStatus, 16), default=DigitalStatus.ACTIVE)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    voided_at: Mapped[datetime | None] = mapped_column()
    void_reason: Mapped[str | None] = mapped_column(String(300))


class GiftCardEntryKind(StrEnum):
    ISSUED = "issued"  # the card was delivered with its face value
    SPENT = "spent"  # an order took part of the balance (at checkout)
    RETURNED = "returned"  # an unpaid order was cancelled or expired, or its delivery changed: given back
    REFUNDED = "refunded"  # a paid order was refunded: the card part goes back to the card


class GiftCardEntry(Base):
    """Append-only history of a gift card's balance: one row per change, with the balance after it."""

    __tablename__ = "gift_card_entries"
    __table_args__ = (
        CheckConstraint("balance_after_minor >= 0", name="balance_after_not_negative"),
        Index("ix_gift_card_entries_item", "item_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("digital_items.id", ondelete="CASCADE"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"), index=True)
    kind: Mapped[GiftCardEntryKind] = mapped_column(enum_column(GiftCardEntryKind, 16))
    change_minor: Mapped[int] = mapped_column()  # negative when spent
    balance_after_minor: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    actor: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
