"""The NLU's catalogue vocabulary (brands, categories) is read again after catalog changes: this process's
(store events) and other processes' (the search's change feed counts them), without a restart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest

from bot.core.services import Services
from store.catalog import upsert_product
from store.db import create_engine, session_factory
from store.uow import UnitOfWorkFactory
from tests.helpers.search_catalog import FIXTURE, product_input, seed_fixture


@pytest.fixture
async def other_process(database_url: str) -> AsyncIterator[UnitOfWorkFactory]:
    engine = create_engine(database_url)
    yield UnitOfWorkFactory(session_factory(engine))
    await engine.dispose()


def _services(uows: UnitOfWorkFactory, search: object) -> Services:
    return Services(settings=SimpleNamespace(currency="USD"), uows=uows, states=None, updates=None,  # type: ignore[arg-type]
                    nlu=None, search=search)


def _new_brand_product() -> object:
    base = product_input(FIXTURE[18])
    return base.__class__(**{**base.__dict__, "brand": "Zephyrwood"})


async def test_another_process_s_new_brand_is_recognised_after_the_search_feed_sees_it(
        uow_factory: UnitOfWorkFactory, other_process: UnitOfWorkFactory) -> None:
    await seed_fixture(uow_factory, FIXTURE[:3])
    search = SimpleNamespace(outside_changes=0)
    services = _services(uow_factory, search)
    assert "zephyrwood" not in (await services.current_vocabulary()).brands
    async with other_process() as uow:
        await upsert_product(uow, _new_brand_product())  # type: ignore[arg-type]
    # No event reaches this process: the vocabulary read before stands ...
    assert "zephyrwood" not in (await services.current_vocabulary()).brands
    search.outside_changes += 1  # ... until the search's change feed hands the product over
    assert (await services.current_vocabulary()).brands.get("zephyrwood") == "Zephyrwood"


async def test_this_process_s_change_marks_the_vocabulary_stale(uow_factory: UnitOfWorkFactory) -> None:
    await seed_fixture(uow_factory, FIXTURE[:3])
    services = _services(uow_factory, None)
    uow_factory.subscribe(services.on_store_events)
    assert "zephyrwood" not in (await services.current_vocabulary()).brands
    async with uow_factory() as uow:
        await upsert_product(uow, _new_brand_product())  # type: ignore[arg-type]
    assert "zephyrwood" in (await services.current_vocabulary()).brands
