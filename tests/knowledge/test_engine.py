"""Retrieval, fusion, filters and sorting end to end on the fixture catalog with the fake encoder."""

from __future__ import annotations

from dataclasses import replace

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.engine import SearchEngine
from knowledge.search.filters import SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.sorting import SortOrder
from tests.helpers.search_catalog import fixture_docs


def _ids(engine: SearchEngine, query: SearchQuery) -> list[str]:
    return [h.external_id for h in engine.search(query).hits]


def test_keyword_and_semantic_queries_find_the_product(search_engine: SearchEngine) -> None:
    engine = search_engine
    assert _ids(engine, SearchQuery("red coffee mug"))[0] == "P01"
    assert _ids(engine, SearchQuery("降噪耳机"))[0] == "P09"
    assert _ids(engine, SearchQuery("yoga mat"))[0] == "P19"


def test_sku_typed_verbatim_comes_first(search_engine: SearchEngine) -> None:
    engine = search_engine
    assert _ids(engine, SearchQuery("do you have P05-BLU-42?"))[0] == "P05"
    hit = engine.search(SearchQuery("p13-cle")).hits[0]
    assert hit.external_id == "P13"


def test_filters_restrict_and_fall_back_to_a_restricted_search(search_engine: SearchEngine) -> None:
    engine = search_engine
    usd = SearchFilters(currency="USD", max_price_minor=8000)
    ids = _ids(engine, SearchQuery("running shoes", filters=usd))
    assert ids[0] == "P05" and "P06" not in ids
    # Only one product passes; it is found although it is not among the unfiltered top candidates.
    only = SearchFilters(colour="purple")
    assert _ids(engine, SearchQuery("mat", filters=only)) == ["P19"]
    assert _ids(engine, SearchQuery("boots", filters=SearchFilters(in_stock_only=True))) == ["P08"]


def test_sorting_and_paging(search_engine: SearchEngine) -> None:
    engine = search_engine
    cheap_first = _ids(engine, SearchQuery("mug", sort=SortOrder.PRICE_ASC))
    assert cheap_first[:2] == ["P02", "P01"]
    page1 = _ids(engine, SearchQuery("shoes", limit=1))
    page2 = _ids(engine, SearchQuery("shoes", limit=1, offset=1))
    assert page1 != page2 and len(page1) == len(page2) == 1


def test_blank_text_browses_a_category_by_sales(search_engine: SearchEngine) -> None:
    engine = search_engine
    results = engine.search(SearchQuery("", filters=SearchFilters(category="Shoes")))
    assert [h.external_id for h in results.hits] == ["P05", "P06", "P07", "P08"]
    assert results.total == 4


def test_irrelevant_query_finds_nothing_but_nearest_exists(search_engine: SearchEngine) -> None:
    engine = search_engine
    results = engine.search(SearchQuery("submarine periscope"))
    assert results.zero_results
    assert engine.nearest(engine.encode_query("submarine periscope"), 3)


def test_updates_removals_and_price_only_changes(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder)
    docs = fixture_docs()
    engine.build(docs)
    mug = docs[0]
    cheaper = replace(mug, variants=tuple(replace(v, price_minor=100) for v in mug.variants))
    assert engine.apply([cheaper]) == 0                 # price-only: not re-encoded
    assert engine.search(SearchQuery("red mug")).hits[0].price_minor == 100
    before = fake_encoder.texts_encoded
    renamed = replace(mug, title="Scarlet Porcelain Teacup", title_zh=None)
    assert engine.apply([renamed]) == 1 and fake_encoder.texts_encoded == before + 1
    assert _ids(engine, SearchQuery("porcelain teacup"))[0] == "P01"
    engine.apply([replace(docs[8], is_active=False)])
    assert "P09" not in _ids(engine, SearchQuery("noise cancelling headphones"))
    engine.apply([], removed=[docs[9].product_id])
    assert "P10" not in _ids(engine, SearchQuery("earbuds"))
    assert engine.search(SearchQuery("P10-WHI")).hits == () or _ids(engine, SearchQuery("P10-WHI"))[0] != "P10"
