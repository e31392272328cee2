"""Ship orders and follow them: ``ship_order`` books the carrier, ``refresh_tracking`` stores milestones.

Tracking events are unique per (shipment, milestone), so refreshing as often as you like adds each
milestone once; the ``delivered`` milestone moves the order ``shipped -> delivered`` (once, by the state
machine's conditional transition).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from store.models.orders import OrderEventType, OrderStatus
from store.models.shipping import Shipment, TrackingEvent, TrackingStatus
from store.orders import events
from store.orders.clock import as_utc, as_utc_or_none
from store.orders.service import notice, transition
from store.orders.views import OrderView, format_order_number, load_order, to_view
from store.shipping.carrier import Carrier
from store.shipping.errors import NotShipped, UnknownCarrier
from store.shipping.simulated import SimulatedCarrier
from store.uow import UnitOfWork

__all__ = ["ShipmentView", "ship_order", "refresh_tracking", "get_shipment", "DEFAULT_CARRIERS"]

DEFAULT_CARRIERS: Mapping[str, Carrier] = {"simpost": SimulatedCarrier()}


@dataclass(frozen=True)
class ShipmentView:
    order_id: int
    order_number: str
    carrier: str
    tracking_number: str
    service: str
    status: TrackingStatus
    shipped_at: datetime
    delivered_at: datetime | None
    new_events: tuple[TrackingStatus, ...] = ()


def _view(shipment: Shipment, new: tuple[TrackingStatus, ...] = ()) -> ShipmentView:
    return ShipmentView(shipment.order_id, format_order_number(shipment.order_id), shipment.carrier,
                        shipment.tracking_number, shipment.service, shipment.status,
                        as_utc(shipment.shipped_at), as_utc_or_none(shipment.delivered_at), new)


async def ship_order(uow: UnitOfWork, order_id: int | str, carrier: Carrier, actor: str, *,
                     now: datetime) -> OrderView:
    """Hand a packed order to ``carrier``: label, tracking number, first milestone, ``shipped``."""
    session = uow.session
    order = await load_order(session, order_id)
    await transition(session, order, OrderStatus.SHIPPED, actor, now)
    service = order.shipping_option.value if order.shipping_option else "standard"
    label = carrier.create_label(format_order_number(order.id), order.address, service, now)
    shipment = Shipment(order_id=order.id, carrier=carrier.name, tracking_number=label.tracking_number,
                        service=label.service, status=TrackingStatus.LABEL_CREATED, shipped_at=now)
    session.add(shipment)
    await session.flush()
    session.add(TrackingEvent(shipment_id=shipment.id, status=TrackingStatus.LABEL_CREATED,
                              description="Shipping label created", location="", occurred_at=now))
    session.add(events.shipped(order.id, actor, now, carrier=carrier.name, tracking_number=label.tracking_number))
    await session.flush()
    view = to_view(order)
    notice(uow, order, OrderEventType.SHIPPED)
    await uow.commit()
    return view


async def get_shipment(uow: UnitOfWork, order_id: int | str, *, user_id: int | None = None) -> ShipmentView:
    order = await load_order(uow.session, order_id, user_id=user_id)
    shipment = (await uow.session.execute(select(Shipment).where(Shipment.order_id == order.id))).scalar_one_or_none()
    if shipment is None:
        raise NotShipped(format_order_number(order.id))
    return _view(shipment)


async def refresh_tracking(uow: UnitOfWork, order_id: int | str, now: datetime, *,
                           carriers: Mapping[str, Carrier] = DEFAULT_CARRIERS) -> ShipmentView:
    """Ask the shipment's carrier for milestones and store the new ones (idempotent)."""
    session = uow.session
    order = await load_order(session, order_id)
    shipment = (await session.execute(select(Shipment).where(Shipment.order_id == order.id))).scalar_one_or_none()
    if shipment is None:
        raise NotShipped(format_order_number(order.id))
    carrier = carriers.get(shipment.carrier)
    if carrier is None:
        raise UnknownCarrier(shipment.carrier)
    known = set((await session.execute(
        select(TrackingEvent.status).where(TrackingEvent.shipment_id == shipment.id))).scalars())
    new: list[TrackingStatus] = []
    for update in carrier.track(shipment.tracking_number, shipment.service, as_utc(shipment.shipped_at), now):
        if update.status in known:
            continue
        session.add(TrackingEvent(shipment_id=shipment.id, status=update.status, description=update.description,
                                  location=update.location, occurred_at=update.occurred_at))
        session.add(events.tracking_updated(order.id, f"carrier:{carrier.name}", now, status=update.status.value,
                                            description=update.description))
        shipment.status = update.status
        new.append(update.status)
        if update.status is TrackingStatus.DELIVERED:
            shipment.delivered_at = update.occurred_at
            if order.status is OrderStatus.SHIPPED:
                await transition(session, order, OrderStatus.DELIVERED, f"carrier:{carrier.name}", now,
                                 reason="carrier reported delivery")
    await session.flush()
    view = _view(shipment, tuple(new))
    if new:
        notice(uow, order, OrderEventType.TRACKING_UPDATED)
    await uow.commit()
    return view
