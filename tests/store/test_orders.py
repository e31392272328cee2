from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from store.errors import NotFound
from store.models.orders import OrderEvent, OrderEventType, OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.errors import IllegalTransition
from store.orders.events import SYSTEM, staff_actor, user_actor
from store.orders.service import cancel_order, complete_order, expire_unpaid_orders, hand_over_order, pack_order
from store.orders.states import TERMINAL, TRANSITIONS, can_transition, check_transition
from store.orders.views import format_order_number, get_order, list_orders, order_timeline, parse_order_ref
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import (
    NOW,
    flash_remaining,
    make_flash_sale,
    make_item,
    make_user,
    place_order,
    variant_stock,
)

S = OrderStatus


def test_transition_table_covers_every_state_and_refunded_is_terminal() -> None:
    assert set(TRANSITIONS) == set(OrderStatus)
    assert {S.REFUNDED} == TERMINAL
    assert can_transition(S.PENDING_PAYMENT, S.PAID)
    assert not can_transition(S.SHIPPED, S.CANCELLED)
    with pytest.raises(IllegalTransition) as info:
        check_transition("SB10001", S.DELIVERED, S.PAID)
    assert (info.value.order_number, info.value.from_state, info.value.to_state) == ("SB10001", "delivered", "paid")
    # Guarded edges: only COD orders are packed unpaid; only pickup orders are handed over from packed.
    with pytest.raises(IllegalTransition):
        check_transition("SB10001", S.PENDING_PAYMENT, S.PACKED, payment_method=PaymentMethodKind.TELEGRAM)
    check_transition("SB10001", S.PENDING_PAYMENT, S.PACKED, payment_method=PaymentMethodKind.CASH_ON_DELIVERY)
    with pytest.raises(IllegalTransition):
        check_transition("SB10001", S.PACKED, S.DELIVERED, shipping_option=ShippingOption.STANDARD)
    check_transition("SB10001", S.PACKED, S.DELIVERED, shipping_option=ShippingOption.PICKUP)


def test_order_numbers_round_trip() -> None:
    assert format_order_number(42) == "SB10042"
    assert parse_order_ref("SB10042") == parse_order_ref("#10042") == parse_order_ref("sb 10042") == 42
    with pytest.raises(NotFound):
        parse_order_ref("hello")


async def test_cancel_releases_stock_once_and_records_history(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=4)
    order = await place_order(uow_factory, user, (item, 3))
    assert await variant_stock(uow_factory, item.variant_id) == 1
    async with uow_factory() as uow:
        cancelled = await cancel_order(uow, order.number, user_actor(user), "changed my mind", now=NOW,
                                       user_id=user)
    assert cancelled.status is S.CANCELLED and not cancelled.stock_held
    assert await variant_stock(uow_factory, item.variant_id) == 4
    async with uow_factory() as uow:
        with pytest.raises(IllegalTransition):
            await cancel_order(uow, order.id, user_actor(user), "again", now=NOW)
    async with uow_factory() as uow:
        assert await expire_unpaid_orders(uow, NOW + timedelta(days=1)) == []
    assert await variant_stock(uow_factory, item.variant_id) == 4
    async with uow_factory() as uow:
        kinds = [e.kind for e in await order_timeline(uow, order.id)]
    assert kinds.count(OrderEventType.STOCK_RELEASED.value) == 1
    assert OrderEventType.CANCELLED.value in kinds


async def test_someone_elses_order_is_not_found(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    item = await make_item(uow_factory)
    order = await place_order(uow_factory, 1, (item, 1))
    async with uow_factory() as uow:
        with pytest.raises(NotFound):
            await get_order(uow, order.number, user_id=2)
    async with uow_factory() as uow:
        with pytest.raises(NotFound):
            await cancel_order(uow, order.id, user_actor(2), "not mine", now=NOW, user_id=2)


async def test_unpaid_orders_expire_once_releasing_stock(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    sale_item = await make_item(uow_factory, stock=5, price_minor=5000)
    sale = await make_flash_sale(uow_factory, sale_item, units=2)
    old = await place_order(uow_factory, user, (item, 2))
    cod = await place_order(uow_factory, user, (item, 1), method=PaymentMethodKind.CASH_ON_DELIVERY)
    from store.flash_sales import claim_flash_sale

    async with uow_factory() as uow:
        claim = await claim_flash_sale(uow, sale, user, now=NOW)
    assert claim.order is not None
    fresh = await place_order(uow_factory, user, (item, 1), now=NOW + timedelta(minutes=20))
    assert cod.expires_at is None
    assert await variant_stock(uow_factory, item.variant_id) == 1

    async with uow_factory() as uow:
        assert await expire_unpaid_orders(uow, NOW + timedelta(minutes=29)) == []
    async with uow_factory() as uow:
        expired = await expire_unpaid_orders(uow, NOW + timedelta(minutes=30))
    assert sorted(expired) == sorted([old.id, claim.order.id])
    async with uow_factory() as uow:
        assert await expire_unpaid_orders(uow, NOW + timedelta(minutes=31)) == []
    assert await variant_stock(uow_factory, item.variant_id) == 3
    assert await variant_stock(uow_factory, sale_item.variant_id) == 5
    assert await flash_remaining(uow_factory, sale) == 2  # the lapsed claim went back to the sale
    async with uow_factory() as uow:
        assert (await get_order(uow, old.id)).status is S.CANCELLED
        assert (await get_order(uow, fresh.id)).status is S.PENDING_PAYMENT
        assert (await get_order(uow, cod.id)).status is S.PENDING_PAYMENT
        kinds = [e.kind for e in await order_timeline(uow, old.id)]
    assert kinds.count(OrderEventType.EXPIRED.value) == 1


async def test_cancel_racing_expiry_releases_stock_exactly_once(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=3)
    order = await place_order(uow_factory, user, (item, 3))

    async def cancel() -> object:
        async with uow_factory() as uow:
            try:
                return await cancel_order(uow, order.id, user_actor(user), "race", now=NOW + timedelta(hours=1))
            except IllegalTransition as exc:
                return exc

    async def expire() -> object:
        async with uow_factory() as uow:
            return await expire_unpaid_orders(uow, NOW + timedelta(hours=1))

    await asyncio.gather(cancel(), expire(), cancel(), expire())
    assert await variant_stock(uow_factory, item.variant_id) == 3
    async with uow_factory() as uow:
        released = (await uow.session.execute(
            select(func.count()).select_from(OrderEvent).where(
                OrderEvent.order_id == order.id, OrderEvent.type == OrderEventType.STOCK_RELEASED))).scalar_one()
    assert released == 1


async def test_views_list_and_timeline(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=10)
    first = await place_order(uow_factory, user, (item, 1))
    second = await place_order(uow_factory, user, (item, 2), option=ShippingOption.PICKUP)
    async with uow_factory() as uow:
        orders = await list_orders(uow, user)
        assert [o.id for o in orders] == [second.id, first.id]
        assert [o.id for o in await list_orders(uow, user, statuses=frozenset({S.CANCELLED}))] == []
        assert (await get_order(uow, second.number)).lines[0].quantity == 2
        timeline = await order_timeline(uow, first.id, user_id=user)
    assert timeline[0].kind == "placed" and timeline[0].actor == user_actor(user)
    assert timeline[0].at == NOW


async def test_staff_moves_cod_order_through_pickup(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=10)
    order = await place_order(uow_factory, user, (item, 1), method=PaymentMethodKind.CASH_ON_DELIVERY,
                              option=ShippingOption.PICKUP)
    async with uow_factory() as uow:
        packed = await pack_order(uow, order.id, staff_actor(9), now=NOW)
    assert packed.status is S.PACKED
    async with uow_factory() as uow:
        assert (await hand_over_order(uow, order.id, staff_actor(9), now=NOW)).status is S.DELIVERED
    async with uow_factory() as uow:
        assert (await complete_order(uow, order.id, SYSTEM, now=NOW)).status is S.COMPLETED
    async with uow_factory() as uow:
        with pytest.raises(IllegalTransition):
            await pack_order(uow, order.id, staff_actor(9), now=NOW)


async def test_unpaid_card_order_cannot_be_packed(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=10)
    order = await place_order(uow_factory, user, (item, 1))
    async with uow_factory() as uow:
        with pytest.raises(IllegalTransition):
            await pack_order(uow, order.id, staff_actor(9), now=NOW)


@pytest.mark.parametrize("from_state", list(OrderStatus))
def test_every_move_outside_the_table_is_rejected_with_a_typed_error(from_state: OrderStatus) -> None:
    for to_state in OrderStatus:
        if can_transition(from_state, to_state):
            continue
        with pytest.raises(IllegalTransition) as info:
            check_transition("SB10001", from_state, to_state, payment_method=PaymentMethodKind.TELEGRAM,
                             shipping_option=ShippingOption.STANDARD, is_digital=True)
        assert (info.value.from_state, info.value.to_state) == (from_state.value, to_state.value)
        assert info.value.code == "illegal_transition"


async def test_every_transition_is_recorded_with_its_time_and_actor(uow_factory: UnitOfWorkFactory) -> None:
    """An order walked through shipping, return and refund (and one through completion) leaves one
    status_changed row per move, chained from state to state, each with the move's time and actor."""
    from store.payments.telegram import TelegramPayments
    from store.returns import approve_return, record_refund, request_return
    from store.shipping.service import refresh_tracking, ship_order
    from store.shipping.simulated import SimulatedCarrier
    from tests.helpers.order_builders import SECRET

    tg, staff, carrier = TelegramPayments(SECRET), staff_actor(9), SimulatedCarrier()
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=10)
    minute = timedelta(minutes=1)

    async def paid_and_delivered(charge: str) -> tuple[int, datetime]:
        order = await place_order(uow_factory, user, (item, 1))
        async with uow_factory() as uow:
            await tg.record_successful_payment(uow, tg.build_invoice(order).payload, order.total.amount, "USD",
                                               charge, None, user, now=NOW + minute)
        async with uow_factory() as uow:
            await pack_order(uow, order.id, staff, now=NOW + 2 * minute)
        async with uow_factory() as uow:
            await ship_order(uow, order.id, carrier, staff, now=NOW + 3 * minute)
        delivered_at = NOW + timedelta(days=4)
        async with uow_factory() as uow:
            await refresh_tracking(uow, order.id, delivered_at)
        return order.id, delivered_at

    returned, delivered_at = await paid_and_delivered("c-1")
    later = delivered_at + timedelta(days=1)
    async with uow_factory() as uow:
        await request_return(uow, returned, user, "too small", ["photo-file-1"], now=later)
    async with uow_factory() as uow:
        await approve_return(uow, returned, staff, "ok", now=later + minute)
    async with uow_factory() as uow:
        await record_refund(uow, returned, amount=None, actor=staff, reason="returned", now=later + 2 * minute)
    completed, _ = await paid_and_delivered("c-2")
    async with uow_factory() as uow:
        await complete_order(uow, completed, SYSTEM, now=later)

    async def moves(order_id: int) -> list[tuple[str, str, datetime, str]]:
        async with uow_factory() as uow:
            timeline = await order_timeline(uow, order_id)
        return [(e.params["from_status"], e.params["to_status"], e.at, e.actor)
                for e in timeline if e.kind == OrderEventType.STATUS_CHANGED.value]

    shopper, by_carrier = user_actor(user), f"carrier:{carrier.name}"
    head = [("pending_payment", "paid", NOW + minute, shopper),
            ("paid", "packed", NOW + 2 * minute, staff),
            ("packed", "shipped", NOW + 3 * minute, staff),
            ("shipped", "delivered", delivered_at, by_carrier)]
    assert await moves(returned) == [*head,
                                     ("delivered", "return_requested", later, shopper),
                                     ("return_requested", "returned", later + minute, staff),
                                     ("returned", "refunded", later + 2 * minute, staff)]
    assert await moves(completed) == [*head, ("delivered", "completed", later, SYSTEM)]
    async with uow_factory() as uow:
        assert (await get_order(uow, returned)).status is S.REFUNDED
        with pytest.raises(IllegalTransition):  # refunded is terminal
            await complete_order(uow, returned, SYSTEM, now=later)
