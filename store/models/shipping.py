"""Shipment and tracking tables: one shipment per order, and its carrier timeline (append-only)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, utcnow
from store.models.orders import enum_column

__all__ = ["TrackingStatus", "Shipment", "TrackingEvent"]


class TrackingStatus(StrEnum):
    LABEL_CREATED = "label_created"
    PICKED_UP = "picked_up"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    carrier: Mapped[str] = mapped_column(String(40))
    tracking_number: Mapped[str] = mapped_column(String(64), unique=True)
    service: Mapped[str] = mapped_column(String(32))
    status: Mapped[TrackingStatus] = mapped_column(enum_column(TrackingStatus))
    shipped_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column()


class TrackingEvent(Base):
    __tablename__ = "tracking_events"
    # A carrier reports each milestone once; refreshing twice must not duplicate the timeline.
    __table_args__ = (UniqueConstraint("shipment_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    status: Mapped[TrackingStatus] = mapped_column(enum_column(TrackingStatus))
    description: Mapped[str] = mapped_column(String(300))
    location: Mapped[str] = mapped_column(String(120), default="")
    occurred_at: Mapped[datetime] = mapped_column()
