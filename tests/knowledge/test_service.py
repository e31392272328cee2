"""ProductSearch follows the store: changes made through the catalog service become searchable."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.engine import EngineConfig
from knowledge.search.errors import SearchNotStarted
from knowledge.search.filters import Relaxation, SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.service import ProductSearch
from knowledge.search.zero_results import zero_result_report
from store.catalog import delete_product, set_stock, upsert_product
from store.models.search_log import ZeroResultQuery
from store.uow import UnitOfWorkFactory
from tests.helpers.search_catalog import FIXTURE, product_input, seed_fixture

CONFIG = EngineConfig(min_cosine=0.25)


@pytest.fixture
async def search(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> AsyncIterator[ProductSearch]:
    await seed_fixture(uow_factory, FIXTURE[:12])
    service = ProductSearch(uow_factory, FakeEncoder(dim=256), tmp_path, config=CONFIG, debounce=0.0)
    await service.start()
    yield service
    await service.stop()


async def _ids(search: ProductSearch, text: str, **kw: object) -> list[str]:
    results = await search.search(SearchQuery(text, **kw))  # type: ignore[arg-type]
    return [h.external_id for h in results.hits]


async def test_search_before_start_is_an_error(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    with pytest.raises(SearchNotStarted):
        await ProductSearch(uow_factory, FakeEncoder(), tmp_path).search(SearchQuery("mug"))


async def test_created_changed_and_deleted_products_are_reflected(
        search: ProductSearch, uow_factory: UnitOfWorkFactory) -> None:
    assert await _ids(search, "yoga mat") == []
    async with uow_factory() as uow:
        await upsert_product(uow, product_input(FIXTURE[18]))           # P19 yoga mat
    await search.wait_idle()
    assert (await _ids(search, "yoga mat"))[0] == "P19"

    renamed = product_input(FIXTURE[18]).__class__(**{**product_input(FIXTURE[18]).__dict__,
                                                       "title": "Pilates Exercise Mat", "title_zh": None})
    async with uow_factory() as uow:
        await upsert_product(uow, renamed)
    await search.wait_idle()
    assert (await _ids(search, "pilates exercise"))[0] == "P19"

    async with uow_factory() as uow:
        await delete_product(uow, "P19")
    await search.wait_idle()
    assert "P19" not in await _ids(search, "pilates exercise mat")


async def test_stock_changes_update_filters_without_re_encoding(
        search: ProductSearch, uow_factory: UnitOfWorkFactory) -> None:
    encoder = search.engine.encoder
    assert isinstance(encoder, FakeEncoder)
    in_stock = SearchFilters(in_stock_only=True)
    assert (await _ids(search, "camping mug", filters=in_stock))[0] == "P02"
    before = encoder.texts_encoded
    async with uow_factory() as uow:
        await set_stock(uow, "P02-BLU", 0)
    await search.wait_idle()
    assert encoder.texts_encoded == before
    assert "P02" not in await _ids(search, "camping mug", filters=in_stock)


async def test_restart_loads_the_saved_index_and_catches_up(
        search: ProductSearch, uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await search.stop()
    async with uow_factory() as uow:                                    # changed while the bot was down
        await upsert_product(uow, product_input(FIXTURE[20]))          # P21 tent
    encoder = FakeEncoder(dim=256)
    again = ProductSearch(uow_factory, encoder, tmp_path, config=CONFIG)
    await again.start()
    try:
        assert encoder.texts_encoded == 1                               # only the new product
        assert (await _ids(again, "camping tent"))[0] == "P21"
        assert (await _ids(again, "red coffee mug"))[0] == "P01"
    finally:
        await again.stop()


async def test_precomputed_vector_is_not_encoded_again(search: ProductSearch) -> None:
    encoder = search.engine.encoder
    assert isinstance(encoder, FakeEncoder)
    vector = await search.encode_query("wireless headphones")
    calls = encoder.calls
    results = await search.search_vector(SearchQuery("wireless headphones"), vector)
    assert results.hits[0].external_id == "P09" and encoder.calls == calls


async def test_zero_results_are_logged_with_alternatives_and_ask_staff(
        search: ProductSearch, uow_factory: UnitOfWorkFactory) -> None:
    results = await search.search(SearchQuery("running shoes", user_id=42,
                                              filters=SearchFilters(colour="purple", size="42")))
    assert results.zero_results and results.ask_staff
    assert results.relaxed == (Relaxation.COLOUR,)
    assert results.alternatives[0].external_id == "P05"
    nothing = await search.search(SearchQuery("submarine periscope"))
    assert nothing.zero_results and nothing.ask_staff and nothing.alternatives  # nearest by meaning
    async with uow_factory() as uow:
        rows = [(r.query, r.user_id, r.filters) for r in
                (await uow.session.scalars(select(ZeroResultQuery).order_by(ZeroResultQuery.id))).all()]
        report = await zero_result_report(uow)
    assert [r[0] for r in rows] == ["running shoes", "submarine periscope"]
    assert rows[0][1:] == (42, {"colour": "purple", "size": "42"})
    assert {r.query for r in report} == {"running shoes", "submarine periscope"}


async def test_rebuild_reports_progress_and_an_unchanged_catalog_encodes_nothing(
        uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    from knowledge.encoders.cache import CachedEncoder
    from knowledge.search.progress import encoding_progress

    await seed_fixture(uow_factory, FIXTURE[:12])
    inner = FakeEncoder(dim=256)
    service = ProductSearch(uow_factory, CachedEncoder(inner, tmp_path / "index"), tmp_path, config=CONFIG)
    seen: list[tuple[int, int]] = []
    assert await service.rebuild(lambda done, total: seen.append((done, total))) == 12
    assert seen[-1] == (12, 12) and inner.texts_encoded == 12
    seen.clear()
    assert await service.rebuild(lambda done, total: seen.append((done, total))) == 12
    assert inner.texts_encoded == 12 and seen == [(12, 12)]        # all from the embedding cache
    assert (tmp_path / "products" / "vectors.faiss").exists()       # saved in the data directory's index folder
    with encoding_progress("Encoding products") as update:           # the bar `shopbot index rebuild` shows
        update(6, 12)
        update(12, 12)
