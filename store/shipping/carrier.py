"""The carrier interface: create a shipment (label + tracking number) and report its milestones.

A real carrier integration implements ``Carrier`` with HTTP calls in the bot layer; the store only sees
these neutral dataclasses. ``track`` returns every milestone reached so far; the service stores new ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from store.models.shipping import TrackingStatus

__all__ = ["Carrier", "CarrierLabel", "TrackingUpdate"]


@dataclass(frozen=True)
class CarrierLabel:
    tracking_number: str
    service: str


@dataclass(frozen=True)
class TrackingUpdate:
    status: TrackingStatus
    occurred_at: datetime
    description: str
    location: str = ""


class Carrier(Protocol):
    @property
    def name(self) -> str: ...

    def create_label(self, order_number: str, address: dict[str, Any] | None, service: str,
                     now: datetime) -> CarrierLabel: ...

    def track(self, tracking_number: str, service: str, shipped_at: datetime,
              now: datetime) -> Sequence[TrackingUpdate]: ...
