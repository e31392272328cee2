from __future__ import annotations

from datetime import timedelta

import pytest

from store.errors import ValidationFailed
from store.models.orders import OrderStatus
from store.models.returns import ReturnStatus
from store.money import Money
from store.orders.errors import IllegalTransition
from store.orders.events import staff_actor, user_actor
from store.orders.service import cancel_order, pack_order
from store.orders.views import get_order, order_timeline
from store.payments.errors import RefundNotAllowed
from store.payments.telegram import TelegramPayments
from store.returns import approve_return, record_refund, reject_return, request_return
from store.shipping.service import refresh_tracking, ship_order
from store.shipping.simulated import SimulatedCarrier
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, SECRET, Item, make_item, make_user, place_order, variant_stock

STAFF = staff_actor(9)
LATER = NOW + timedelta(days=5)


async def _delivered(uow_factory: UnitOfWorkFactory, qty: int = 2) -> tuple[int, Item, Money]:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=3000)
    order = await place_order(uow_factory, user, (item, qty))
    tg = TelegramPayments(SECRET)
    async with uow_factory() as uow:
        await tg.record_successful_payment(uow, tg.build_invoice(order).payload, order.total.amount, "USD", "c1",
                                           None, user, now=NOW)
    async with uow_factory() as uow:
        await pack_order(uow, order.id, STAFF, now=NOW)
    async with uow_factory() as uow:
        await ship_order(uow, order.id, SimulatedCarrier(), STAFF, now=NOW)
    async with uow_factory() as uow:
        await refresh_tracking(uow, order.id, NOW + timedelta(days=3))
    return order.id, item, order.total


async def test_return_approved_restocks_and_refund_completes_it(uow_factory: UnitOfWorkFactory) -> None:
    order_id, item, total = await _delivered(uow_factory)
    assert await variant_stock(uow_factory, item.variant_id) == 3
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed):
            await request_return(uow, order_id, 1, "   ", now=LATER)
    async with uow_factory() as uow:
        requested = await request_return(uow, order_id, 1, "arrived cracked", ["photo-1", "photo-2"], now=LATER)
    assert requested.status is ReturnStatus.REQUESTED and requested.photo_file_ids == ("photo-1", "photo-2")
    async with uow_factory() as uow:
        with pytest.raises(RefundNotAllowed):  # decide the return first
            await record_refund(uow, order_id, amount=None, actor=STAFF, reason="x", now=LATER)
    async with uow_factory() as uow:
        approved = await approve_return(uow, order_id, STAFF, "photos show damage", now=LATER)
    assert approved.status is ReturnStatus.APPROVED and approved.staff_note == "photos show damage"
    assert await variant_stock(uow_factory, item.variant_id) == 5
    async with uow_factory() as uow:
        with pytest.raises(RefundNotAllowed):
            await record_refund(uow, order_id, amount=total + Money(1, "USD"), actor=STAFF, reason="too much",
                                now=LATER)
    async with uow_factory() as uow:
        refund = await record_refund(uow, order_id, amount=None, actor=STAFF, reason="damaged", now=LATER)
    assert refund.amount == total
    async with uow_factory() as uow:
        order = await get_order(uow, order_id)
        kinds = [e.kind for e in await order_timeline(uow, order_id)]
    assert order.status is OrderStatus.REFUNDED
    assert {"return_requested", "return_approved", "restocked", "refunded"} <= set(kinds)
    async with uow_factory() as uow:
        with pytest.raises(RefundNotAllowed):  # nothing left
            await record_refund(uow, order_id, amount=None, actor=STAFF, reason="again", now=LATER)
    assert await variant_stock(uow_factory, item.variant_id) == 5


async def test_rejected_return_goes_back_to_delivered(uow_factory: UnitOfWorkFactory) -> None:
    order_id, item, _ = await _delivered(uow_factory)
    async with uow_factory() as uow:
        await request_return(uow, order_id, 1, "changed my mind", now=LATER)
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed):
            await reject_return(uow, order_id, STAFF, " ", now=LATER)
    async with uow_factory() as uow:
        rejected = await reject_return(uow, order_id, STAFF, "used item, outside policy", now=LATER)
    assert rejected.status is ReturnStatus.REJECTED
    async with uow_factory() as uow:
        assert (await get_order(uow, order_id)).status is OrderStatus.DELIVERED
    assert await variant_stock(uow_factory, item.variant_id) == 3


async def test_return_needs_a_delivered_order_of_the_shopper(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1))
    async with uow_factory() as uow:
        with pytest.raises(IllegalTransition):
            await request_return(uow, order.id, user, "not yet delivered", now=NOW)


async def test_paid_then_cancelled_order_is_refunded(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=1000)
    order = await place_order(uow_factory, user, (item, 1))
    tg = TelegramPayments(SECRET)
    async with uow_factory() as uow:
        await tg.record_successful_payment(uow, tg.build_invoice(order).payload, order.total.amount, "USD", "c1",
                                           None, user, now=NOW)
    async with uow_factory() as uow:
        await cancel_order(uow, order.id, user_actor(user), "too slow", now=NOW)
    assert await variant_stock(uow_factory, item.variant_id) == 5
    async with uow_factory() as uow:
        part = await record_refund(uow, order.id, amount=Money(500, "USD"), actor=STAFF, reason="part",
                                   now=NOW, provider_refund_id="r-1")
    async with uow_factory() as uow:
        same = await record_refund(uow, order.id, amount=Money(500, "USD"), actor=STAFF, reason="part",
                                   now=NOW, provider_refund_id="r-1")
    assert same.duplicate and same.id == part.id
    async with uow_factory() as uow:
        rest = await record_refund(uow, order.id, amount=None, actor=STAFF, reason="rest", now=NOW)
    assert rest.amount == order.total - Money(500, "USD")
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.REFUNDED
