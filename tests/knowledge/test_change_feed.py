"""Catalog changes another process commits (a second worker, `shopbot catalog import`) reach this process's
search index: store/catalog/changes.py finds them, knowledge/change_feed.py hands them to the updater.

"Another process" is a second engine on the same database: the store's events stay in the unit-of-work
factory that committed, exactly as they stay in another process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from knowledge.change_feed import ChangeFeed
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.engine import EngineConfig
from knowledge.search.filters import SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.service import ProductSearch
from store.catalog import set_stock, upsert_product
from store.catalog.changes import changed_since, latest_change
from store.db import create_engine, session_factory
from store.models.catalog import Product
from store.uow import UnitOfWorkFactory
from tests.helpers.search_catalog import FIXTURE, product_input, seed_fixture

CONFIG = EngineConfig(min_cosine=0.25)


@pytest.fixture
async def other_process(database_url: str) -> AsyncIterator[UnitOfWorkFactory]:
    engine = create_engine(database_url)
    yield UnitOfWorkFactory(session_factory(engine))
    await engine.dispose()


async def _product_id(uows: UnitOfWorkFactory, external_id: str) -> int:
    async with uows.read() as uow:
        found = await uow.session.scalar(select(Product.id).where(Product.external_id == external_id))
    assert found is not None
    return int(found)


async def _ids(search: ProductSearch, text: str, **kw: object) -> list[str]:
    results = await search.search(SearchQuery(text, **kw))  # type: ignore[arg-type]
    return [h.external_id for h in results.hits]


async def _eventually(search: ProductSearch, text: str, want: bool, product: str, **kw: object) -> bool:
    """Whether ``product`` is (``want``) among the results for ``text`` within ~3 s of polling."""
    for _ in range(60):
        await asyncio.sleep(0.05)
        await search.wait_idle()
        if (product in await _ids(search, text, **kw)) == want:
            return True
    return False


async def test_changed_since_names_the_products_whose_own_or_variant_rows_changed(
        uow_factory: UnitOfWorkFactory) -> None:
    await seed_fixture(uow_factory, FIXTURE[:3])
    async with uow_factory.read() as uow:
        mark = await latest_change(uow)
        assert mark is not None
        assert await changed_since(uow, mark) == []
    async with uow_factory() as uow:
        await set_stock(uow, "P02-BLU", 0)  # a variant's row: its product is named
    async with uow_factory.read() as uow:
        changed = await changed_since(uow, mark)
    assert {pid for pid, _ in changed} == {await _product_id(uow_factory, "P02")}
    assert all(when > mark for _, when in changed)


async def test_the_feed_hands_each_change_over_once(uow_factory: UnitOfWorkFactory) -> None:
    await seed_fixture(uow_factory, FIXTURE[:3])
    handed: list[set[int]] = []
    feed = ChangeFeed(uow_factory, latest_change, changed_since, handed.append, every=3600)
    await feed.start()
    try:
        assert await feed.poll() == set()
        async with uow_factory() as uow:
            await set_stock(uow, "P01-RED", 3)
        p01 = await _product_id(uow_factory, "P01")
        assert await feed.poll() == {p01}
        assert await feed.poll() == set()  # still inside the overlap window, but already handed over
        assert handed == [{p01}]
    finally:
        await feed.stop()


async def test_another_process_s_new_product_and_stock_change_become_searchable(
        uow_factory: UnitOfWorkFactory, other_process: UnitOfWorkFactory, tmp_path: Path) -> None:
    await seed_fixture(uow_factory, FIXTURE[:12])
    search = ProductSearch(uow_factory, FakeEncoder(dim=256), tmp_path, config=CONFIG, debounce=0.0,
                           follow_every=0.05)
    await search.start()
    try:
        assert await _ids(search, "yoga mat") == []
        async with other_process() as uow:
            await upsert_product(uow, product_input(FIXTURE[18]))  # P19 yoga mat, as an import would
        assert await _eventually(search, "yoga mat", True, "P19")
        assert search.outside_changes >= 1  # what tells the NLU's vocabulary to be read again (bot/core/services.py)

        in_stock = SearchFilters(in_stock_only=True)
        assert "P02" in await _ids(search, "camping mug", filters=in_stock)
        async with other_process() as uow:
            await set_stock(uow, "P02-BLU", 0)
        assert await _eventually(search, "camping mug", False, "P02", filters=in_stock)
    finally:
        await search.stop()


async def test_without_the_feed_another_process_s_change_is_not_seen(
        uow_factory: UnitOfWorkFactory, other_process: UnitOfWorkFactory, tmp_path: Path) -> None:
    """What the feed is for: the store's events alone never reach this process."""
    await seed_fixture(uow_factory, FIXTURE[:12])
    search = ProductSearch(uow_factory, FakeEncoder(dim=256), tmp_path, config=CONFIG, debounce=0.0,
                           follow_every=None)
    await search.start()
    try:
        async with other_process() as uow:
            await upsert_product(uow, product_input(FIXTURE[18]))
        await asyncio.sleep(0.3)
        await search.wait_idle()
        assert "P19" not in await _ids(search, "yoga mat")
    finally:
        await search.stop()


async def test_a_checkout_s_stock_update_dates_its_variant(uow_factory: UnitOfWorkFactory) -> None:
    """Stock is taken by a bare conditional UPDATE (store/stock.py), not the ORM: the column's ``onupdate``
    must still date the row, or another worker's index would keep a sold-out product in stock."""
    from store.models.catalog import Variant
    from store.stock import StockItem, reserve

    await seed_fixture(uow_factory, FIXTURE[:3])
    async with uow_factory.read() as uow:
        mark = await latest_change(uow)
        variant_id = await uow.session.scalar(select(Variant.id).where(Variant.sku == "P02-BLU"))
    assert mark is not None and variant_id is not None
    async with uow_factory() as uow:
        await reserve(uow.session, [StockItem(int(variant_id), "P02-BLU", 1)])
        await uow.commit()
    async with uow_factory.read() as uow:
        changed = await changed_since(uow, mark)
    assert {pid for pid, _ in changed} == {await _product_id(uow_factory, "P02")}
