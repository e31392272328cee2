"""A deterministic carrier for the demo and tests: milestones follow from the time since shipping.

No randomness and no clock of its own: the same tracking number, ship time and ``now`` always give the
same timeline, so a demo replays identically and tests need no sleeps. Express runs at twice the speed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from store.models.shipping import TrackingStatus
from store.shipping.carrier import CarrierLabel, TrackingUpdate

__all__ = ["SimulatedCarrier", "SCHEDULE"]

# Hours after shipping at which each milestone happens (standard service).
SCHEDULE: tuple[tuple[TrackingStatus, float, str], ...] = (
    (TrackingStatus.LABEL_CREATED, 0, "Shipping label created"),
    (TrackingStatus.PICKED_UP, 4, "Picked up by the carrier"),
    (TrackingStatus.IN_TRANSIT, 12, "In transit to the destination hub"),
    (TrackingStatus.OUT_FOR_DELIVERY, 44, "Out for delivery"),
    (TrackingStatus.DELIVERED, 50, "Delivered"),
)
_HUBS = ("Origin warehouse", "Regional sort centre", "Destination hub", "Local depot")


class SimulatedCarrier:
    def __init__(self, name: str = "simpost", speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._name = name
        self._speed = speed

    @property
    def name(self) -> str:
        return self._name

    def create_label(self, order_number: str, address: dict[str, Any] | None, service: str,
                     now: datetime) -> CarrierLabel:
        digest = hashlib.sha256(f"{self._name}:{order_number}".encode()).hexdigest()
        return CarrierLabel(f"SIM{int(digest[:12], 16) % 10**10:010d}", service)

    def track(self, tracking_number: str, service: str, shipped_at: datetime,
              now: datetime) -> Sequence[TrackingUpdate]:
        factor = self._speed * (2.0 if service == "express" else 1.0)
        updates = []
        for index, (status, hours, text) in enumerate(SCHEDULE):
            at = shipped_at + timedelta(hours=hours / factor)
            if at > now:
                break
            location = _HUBS[min(index, len(_HUBS) - 1)] if status is not TrackingStatus.DELIVERED else ""
            updates.append(TrackingUpdate(status, at, text, location))
        return updates
