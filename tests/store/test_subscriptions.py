"""Promotion alerts are opt-in and toggle with a clear "changed or not"."""

from __future__ import annotations

from store.subscriptions import get_subscription, list_subscribers, set_subscribed
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, make_user


async def test_opt_in_and_out(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    async with uow_factory() as uow:
        assert not (await get_subscription(uow, 1)).subscribed
    async with uow_factory() as uow:
        on = await set_subscribed(uow, 1, True, now=NOW)
    async with uow_factory() as uow:
        same = await set_subscribed(uow, 1, True, now=NOW)
    assert on.subscribed and on.changed and not same.changed
    async with uow_factory() as uow:
        await set_subscribed(uow, 2, False, now=NOW)
    async with uow_factory() as uow:
        assert await list_subscribers(uow) == [1]
    async with uow_factory() as uow:
        off = await set_subscribed(uow, 1, False, now=NOW)
    async with uow_factory() as uow:
        assert off.changed and await list_subscribers(uow) == []
