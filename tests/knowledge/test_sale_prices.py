"""Price filters and price orders use the price a shopper would pay now: a running flash sale's price where
there is one ("noise cancelling headphones under 100" missed headphones on a flash sale at $79.99, list
$129.99). Sales start and end by the clock, so their windows are evaluated at search time
(knowledge/search/sale_prices.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.filters import SearchFilters, matches
from knowledge.search.models import SearchQuery
from knowledge.search.sale_prices import SalePrices, SaleWindow
from knowledge.search.service import ProductSearch
from knowledge.search.sorting import SortOrder
from store.money import Money
from store.pricing.admin import save_flash_sale
from store.uow import UnitOfWorkFactory
from tests.helpers.search_catalog import FIXTURE, seed_fixture

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
UNDER_100 = SearchFilters(max_price_minor=10000, currency="USD")


def _headphones(i: int, title: str, price: int) -> ProductDoc:
    return ProductDoc(i, f"H{i}", title, category_path="Electronics > Audio > Headphones",
                      variants=(VariantDoc(f"H{i}-BLK", price, "USD", 5, True, {}),))


def test_the_price_now_follows_the_sale_window() -> None:
    doc = _headphones(1, "Tune Noise Cancelling Headphones", 12999)
    prices = SalePrices([SaleWindow("H1-BLK", 7999, "USD", NOW - HOUR, NOW + HOUR)])
    variant = doc.variants[0]
    assert prices.price_now(variant, NOW) == 7999
    assert prices.price_now(variant, NOW - 2 * HOUR) == 12999      # not started yet
    assert prices.price_now(variant, NOW + HOUR) == 12999          # ended (the end is exclusive)
    assert matches(doc, UNDER_100, lambda v: prices.price_now(v, NOW))
    assert not matches(doc, UNDER_100, lambda v: prices.price_now(v, NOW + 2 * HOUR))
    assert not matches(doc, UNDER_100)                              # list prices alone


def test_a_price_cap_and_a_price_order_use_the_running_sale(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.2))
    engine.build([_headphones(1, "Tune Noise Cancelling Headphones", 12999),
                  _headphones(2, "Life Noise Cancelling Headphones", 8999)])
    query = SearchQuery("noise cancelling headphones", filters=UNDER_100)
    assert [h.external_id for h in engine.search(query).hits] == ["H2"]
    now = datetime.now(UTC)
    engine.sale_prices = SalePrices([SaleWindow("H1-BLK", 7999, "USD", now - HOUR, now + HOUR)])
    hits = engine.search(query).hits
    assert {h.external_id for h in hits} == {"H1", "H2"}
    assert next(h for h in hits if h.external_id == "H1").price_minor == 7999   # the price shown is the sale's
    cheapest = engine.search(SearchQuery("noise cancelling headphones", sort=SortOrder.PRICE_ASC)).hits
    assert [h.external_id for h in cheapest] == ["H1", "H2"]
    engine.sale_prices = SalePrices([SaleWindow("H1-BLK", 7999, "USD", now - 2 * HOUR, now - HOUR)])  # over
    assert [h.external_id for h in engine.search(query).hits] == ["H2"]


@pytest.fixture
async def search(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> AsyncIterator[ProductSearch]:
    await seed_fixture(uow_factory, FIXTURE[:12])
    service = ProductSearch(uow_factory, FakeEncoder(dim=256), tmp_path, config=EngineConfig(min_cosine=0.25),
                            debounce=0.0)
    await service.start()
    yield service
    await service.stop()


async def _ids(search: ProductSearch) -> list[str]:
    results = await search.search(SearchQuery("noise cancelling headphones", filters=UNDER_100))
    return [h.external_id for h in results.hits]


async def test_the_service_reads_flash_sales_from_the_store(
        search: ProductSearch, uow_factory: UnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """P09 headphones list at $199.99: a flash sale at $89.99 created after the search started is seen by the
    next search once the windows are due for a re-read, and its end needs no re-read at all."""
    assert "P09" not in await _ids(search)
    now = datetime.now(UTC)
    async with uow_factory() as uow:
        await save_flash_sale(uow.session, title="Headphones minute", sku="P09-BLA", price=Money(8999, "USD"),
                              quantity=10, starts_at=now - HOUR, ends_at=now + timedelta(seconds=3))
        await uow.commit()
    monkeypatch.setattr("knowledge.search.service.REFRESH_SECONDS", 0.0)
    assert "P09" in await _ids(search)
    monkeypatch.setattr("knowledge.search.service.REFRESH_SECONDS", 3600.0)  # no re-read from here on
    await asyncio.sleep(max(0.0, (now + timedelta(seconds=3.1) - datetime.now(UTC)).total_seconds()))
    assert "P09" not in await _ids(search)   # the sale is over: back to the list price, with no re-read
