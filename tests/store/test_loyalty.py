"""Points: paid orders earn once, refunds take back, the catch-up sync, levels and the earning rate."""

from __future__ import annotations

from store.loyalty.levels import LEVELS, level_for, next_level, points_for_order
from store.loyalty.service import award_points, on_order_paid, points_balance, points_history, sync_order_points
from store.models.loyalty import PointsReason
from store.models.orders import OrderStatus
from store.money import Money
from store.uow import UnitOfWorkFactory
from tests.helpers.community_builders import order_in_status, set_order_status
from tests.helpers.order_builders import NOW, make_item, make_user


def test_levels_and_rate() -> None:
    assert [lv.name for lv in LEVELS] == ["Bronze", "Silver", "Gold"]
    assert level_for(0).name == "Bronze" and level_for(500).name == "Silver" and level_for(2500).name == "Gold"
    assert next_level(499) is not None and next_level(499).name == "Silver"  # type: ignore[union-attr]
    assert next_level(2000) is None
    assert points_for_order(Money(2599, "USD")) == 25
    assert points_for_order(Money(7000, "CNY")) == 10
    assert points_for_order(Money(150, "XTR")) == 2


async def test_paid_order_earns_once_and_refund_takes_back(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    item = await make_item(uow_factory, price_minor=30000)
    order = await order_in_status(uow_factory, 1, (item, 2), status=OrderStatus.PAID)
    async with uow_factory() as uow:
        first = await on_order_paid(uow, order.id, now=NOW)
    async with uow_factory() as uow:
        again = await on_order_paid(uow, order.id, now=NOW)
    expected = points_for_order(order.total)
    assert first == expected > 500 and again == 0
    async with uow_factory() as uow:
        view = await points_balance(uow, 1)
    assert view.balance == expected and view.level.name == "Silver" and view.to_next == 2000 - expected
    await set_order_status(uow_factory, order.id, OrderStatus.REFUNDED)
    async with uow_factory() as uow:
        assert await sync_order_points(uow, 1, now=NOW) == -expected
    async with uow_factory() as uow:
        assert await sync_order_points(uow, 1, now=NOW) == 0
        assert (await points_balance(uow, 1)).balance == 0
        reasons = [e.reason for e in await points_history(uow, 1)]
    assert sorted(reasons) == sorted([PointsReason.ORDER_PAID, PointsReason.REFUND])


async def test_sync_catches_up_and_ignores_unpaid(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    item = await make_item(uow_factory, price_minor=1050)
    delivered = await order_in_status(uow_factory, 1, (item, 1), status=OrderStatus.DELIVERED)
    await order_in_status(uow_factory, 1, (item, 1), status=OrderStatus.PENDING_PAYMENT)
    async with uow_factory() as uow:
        assert await sync_order_points(uow, 1, now=NOW) > 0
    async with uow_factory() as uow:
        assert await award_points(uow, 1, 5, PointsReason.ADJUSTMENT, now=NOW)
    async with uow_factory() as uow:
        assert await award_points(uow, 1, 5, PointsReason.ADJUSTMENT, now=NOW)  # adjustments may repeat
    async with uow_factory() as uow:
        view = await points_balance(uow, 1)
    assert view.balance == points_for_order(delivered.total) + 10
