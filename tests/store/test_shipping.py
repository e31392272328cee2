from __future__ import annotations

from datetime import timedelta

import pytest

from store.errors import ValidationFailed
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.models.shipping import TrackingStatus
from store.money import Money
from store.orders.errors import IllegalTransition
from store.orders.events import staff_actor
from store.orders.service import pack_order
from store.orders.views import get_order, order_timeline
from store.payments.telegram import TelegramPayments
from store.shipping.errors import NotShipped
from store.shipping.options import available_options, quote
from store.shipping.service import get_shipment, refresh_tracking, ship_order
from store.shipping.simulated import SimulatedCarrier
from store.shipping.zones import DEMO_ZONES
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, SECRET, make_item, make_user, place_order

STAFF = staff_actor(9)


def test_quotes() -> None:
    assert quote(ShippingOption.STANDARD, Money(4999, "USD"), is_digital=False).price == Money(599, "USD")
    free = quote(ShippingOption.STANDARD, Money(5000, "USD"), is_digital=False)
    assert free.price == Money(0, "USD") and free.free_because_over == Money(5000, "USD")
    assert quote(ShippingOption.EXPRESS, Money(9000, "CNY"), is_digital=False).price == Money(2500, "CNY")
    assert [q.option for q in available_options(Money(100, "XTR"), is_digital=True, country=None,
                                              zones=DEMO_ZONES)] == [ShippingOption.DIGITAL]
    with pytest.raises(ValidationFailed):
        quote(ShippingOption.STANDARD, Money(100, "JPY"), is_digital=False)
    with pytest.raises(ValidationFailed):
        quote(ShippingOption.STANDARD, Money(100, "XTR"), is_digital=True)


def test_simulated_carrier_is_deterministic() -> None:
    carrier = SimulatedCarrier()
    label = carrier.create_label("SB10001", None, "standard", NOW)
    assert label == carrier.create_label("SB10001", None, "standard", NOW + timedelta(days=1))
    assert label.tracking_number.startswith("SIM") and len(label.tracking_number) == 13
    assert [u.status for u in carrier.track(label.tracking_number, "standard", NOW, NOW + timedelta(hours=13))] == [
        TrackingStatus.LABEL_CREATED, TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT]
    express = carrier.track(label.tracking_number, "express", NOW, NOW + timedelta(hours=25))
    assert express[-1].status is TrackingStatus.DELIVERED


async def _paid_order(uow_factory: UnitOfWorkFactory) -> int:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1))
    tg = TelegramPayments(SECRET)
    async with uow_factory() as uow:
        await tg.record_successful_payment(uow, tg.build_invoice(order).payload, order.total.amount, "USD", "c1",
                                           None, user, now=NOW)
    return order.id


async def test_ship_and_track_until_delivered(uow_factory: UnitOfWorkFactory) -> None:
    order_id = await _paid_order(uow_factory)
    carrier = SimulatedCarrier()
    async with uow_factory() as uow:
        with pytest.raises(IllegalTransition):  # paid but not packed yet
            await ship_order(uow, order_id, carrier, STAFF, now=NOW)
    async with uow_factory() as uow:
        with pytest.raises(NotShipped):
            await get_shipment(uow, order_id)
    async with uow_factory() as uow:
        await pack_order(uow, order_id, STAFF, now=NOW)
    async with uow_factory() as uow:
        shipped = await ship_order(uow, order_id, carrier, STAFF, now=NOW)
    assert shipped.status is OrderStatus.SHIPPED

    async with uow_factory() as uow:
        mid = await refresh_tracking(uow, order_id, NOW + timedelta(hours=13))
    assert mid.new_events == (TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT)
    async with uow_factory() as uow:
        again = await refresh_tracking(uow, order_id, NOW + timedelta(hours=13))
    assert again.new_events == () and again.status is TrackingStatus.IN_TRANSIT
    async with uow_factory() as uow:
        done = await refresh_tracking(uow, order_id, NOW + timedelta(days=3))
    assert done.status is TrackingStatus.DELIVERED and done.delivered_at == NOW + timedelta(hours=50)
    async with uow_factory() as uow:
        assert (await get_order(uow, order_id)).status is OrderStatus.DELIVERED
        timeline = await order_timeline(uow, order_id)
    tracking = [e.kind for e in timeline if e.kind.startswith("tracking:")]
    assert tracking == [f"tracking:{s.value}" for s in TrackingStatus]
    assert [e.at for e in timeline] == sorted(e.at for e in timeline)


async def test_pickup_orders_are_not_shipped(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1), method=PaymentMethodKind.CASH_ON_DELIVERY,
                              option=ShippingOption.PICKUP)
    async with uow_factory() as uow:
        await pack_order(uow, order.id, STAFF, now=NOW)
    async with uow_factory() as uow:
        with pytest.raises(IllegalTransition):
            await ship_order(uow, order.id, SimulatedCarrier(), STAFF, now=NOW)
