"""Order tables: the order with its price and address snapshots, its lines, and its append-only history.

Orders copy everything a shopper agreed to (titles, unit prices, address) because the catalog and the
address book keep changing after checkout; the order must still say what was bought and where it goes.
The status enums live here (not in ``store.orders``) so the models never import the services.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, JSONType, TimestampMixin, utcnow

__all__ = [
    "OrderStatus", "OrderEventType", "PaymentMethodKind", "ShippingOption",
    "Order", "OrderLine", "OrderEvent", "enum_column",
]


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    RETURN_REQUESTED = "return_requested"
    RETURNED = "returned"
    REFUNDED = "refunded"


class OrderEventType(StrEnum):
    PLACED = "placed"
    CLAIMED = "claimed"
    DELIVERY_CHOSEN = "delivery_chosen"
    STOCK_RESERVED = "stock_reserved"
    STOCK_RELEASED = "stock_released"
    COUPON_USED = "coupon_used"
    PAYMENT_CAPTURED = "payment_captured"
    PAYMENT_REFUSED = "payment_refused"
    STATUS_CHANGED = "status_changed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    SHIPPED = "shipped"
    TRACKING_UPDATED = "tracking_updated"
    RETURN_REQUESTED = "return_requested"
    RETURN_APPROVED = "return_approved"
    RETURN_REJECTED = "return_rejected"
    RESTOCKED = "restocked"
    REFUNDED = "refunded"
    DIGITAL_DELIVERED = "digital_delivered"
    DIGITAL_VOIDED = "digital_voided"
    GIFT_CARD_SPENT = "gift_card_spent"
    GIFT_CARD_RETURNED = "gift_card_returned"
    NOTE = "note"


class PaymentMethodKind(StrEnum):
    TELEGRAM = "telegram"  # Telegram Payments through a provider, physical goods, fiat currency
    STARS = "stars"  # Telegram Stars (XTR), digital goods
    CASH_ON_DELIVERY = "cash_on_delivery"
    GIFT_CARD = "gift_card"  # the shop's own gift card: the whole order, or the card part of it


class ShippingOption(StrEnum):
    STANDARD = "standard"
    EXPRESS = "express"
    PICKUP = "pickup"
    DIGITAL = "digital"  # nothing to ship: digital goods are delivered in chat


def enum_column(enum: type[StrEnum], length: int = 32) -> Enum:
    """Store an enum by its value as VARCHAR on both databases (no native PG enum to migrate)."""
    return Enum(enum, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e],
                validate_strings=True)


class Order(TimestampMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("total_minor >= 0", name="total_not_negative"),
        CheckConstraint("gift_card_minor >= 0 AND gift_card_minor <= total_minor", name="gift_card_within_total"),
        Index("ix_orders_user_created", "user_id", "created_at"),
        Index("ix_orders_status_expires", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="RESTRICT"))
    status: Mapped[OrderStatus] = mapped_column(enum_column(OrderStatus), default=OrderStatus.PENDING_PAYMENT)
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_minor: Mapped[int] = mapped_column()
    discount_minor: Mapped[int] = mapped_column(default=0)  # positive number: what the shopper saved
    shipping_minor: Mapped[int] = mapped_column(default=0)
    total_minor: Mapped[int] = mapped_column()
    # Pricing explanation as agreed at checkout (adjustments with labels), for receipts and disputes.
    pricing: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    coupon_code: Mapped[str | None] = mapped_column(String(64))
    # A gift card paying part or all of the total (a tender, not a discount): its code, the card, the amount
    # taken from it at checkout, and whether that amount still belongs to this order (flipped once when it
    # goes back to the card: store.giftcards).
    gift_card_code: Mapped[str | None] = mapped_column(String(40))
    # digital_items.id; no FOREIGN KEY because digital_items already points at orders (no cycle to migrate).
    gift_card_item_id: Mapped[int | None] = mapped_column()
    gift_card_minor: Mapped[int] = mapped_column(default=0)
    gift_card_held: Mapped[bool] = mapped_column(default=False)
    # None until chosen: a flash-sale claim creates the order first, the shopper picks delivery after.
    shipping_option: Mapped[ShippingOption | None] = mapped_column(enum_column(ShippingOption))
    payment_method: Mapped[PaymentMethodKind | None] = mapped_column(enum_column(PaymentMethodKind))
    address: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    is_digital: Mapped[bool] = mapped_column(default=False)
    flash_sale_id: Mapped[int | None] = mapped_column(ForeignKey("flash_sales.id", ondelete="SET NULL"))
    # True while units taken from stock belong to this order; flipped exactly once when they go back.
    stock_held: Mapped[bool] = mapped_column(default=True)
    expires_at: Mapped[datetime | None] = mapped_column()  # unpaid orders only; None = does not expire
    paid_at: Mapped[datetime | None] = mapped_column()

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id", ondelete="SET NULL"))
    sku: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column()
    unit_price_minor: Mapped[int] = mapped_column()
    list_unit_price_minor: Mapped[int] = mapped_column()
    line_total_minor: Mapped[int] = mapped_column()
    is_digital: Mapped[bool] = mapped_column(default=False)
    flash_sale_id: Mapped[int | None] = mapped_column(ForeignKey("flash_sales.id", ondelete="SET NULL"))

    order: Mapped[Order] = relationship(back_populates="lines")


class OrderEvent(Base):
    """Append-only history: rows are inserted, never updated or deleted (see store.orders.events)."""

    __tablename__ = "order_events"
    __table_args__ = (Index("ix_order_events_order_id", "order_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    type: Mapped[OrderEventType] = mapped_column(enum_column(OrderEventType))
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    actor: Mapped[str] = mapped_column(String(64))  # "user:123", "staff:456", "system", "carrier:sim"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
