from __future__ import annotations

import pytest

from store import stock
from store.errors import InsufficientStock
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import make_item, variant_stock


async def test_reserve_takes_every_line_or_none(uow_factory: UnitOfWorkFactory) -> None:
    a = await make_item(uow_factory, stock=5)
    b = await make_item(uow_factory, stock=1)
    async with uow_factory() as uow:
        with pytest.raises(InsufficientStock) as info:
            await stock.reserve(uow.session, [stock.StockItem(a.variant_id, a.sku, 2),
                                              stock.StockItem(b.variant_id, b.sku, 3)])
    assert (info.value.sku, info.value.requested, info.value.available) == (b.sku, 3, 1)
    assert "only 1 left" in str(info.value)
    # The unit of work rolled back: the first line's units are back too.
    assert await variant_stock(uow_factory, a.variant_id) == 5
    assert await variant_stock(uow_factory, b.variant_id) == 1


async def test_reserve_merges_lines_of_one_variant_and_release_returns_them(uow_factory: UnitOfWorkFactory) -> None:
    a = await make_item(uow_factory, stock=5)
    items = [stock.StockItem(a.variant_id, a.sku, 2), stock.StockItem(a.variant_id, a.sku, 3)]
    async with uow_factory() as uow:
        await stock.reserve(uow.session, items)
        await uow.commit()
    assert await variant_stock(uow_factory, a.variant_id) == 0
    async with uow_factory() as uow:
        with pytest.raises(InsufficientStock):
            await stock.reserve(uow.session, [stock.StockItem(a.variant_id, a.sku, 1)])
    async with uow_factory() as uow:
        await stock.release(uow.session, items)
        await uow.commit()
    assert await variant_stock(uow_factory, a.variant_id) == 5


async def test_reserve_refuses_non_positive_quantities(uow_factory: UnitOfWorkFactory) -> None:
    a = await make_item(uow_factory, stock=5)
    async with uow_factory() as uow:
        with pytest.raises(ValueError):
            await stock.reserve(uow.session, [stock.StockItem(a.variant_id, a.sku, 0)])
