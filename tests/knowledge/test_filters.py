from __future__ import annotations

import pytest

from knowledge.search.filters import Relaxation, SearchFilters, matches
from tests.helpers.search_catalog import fixture_docs

DOCS = {d.external_id: d for d in fixture_docs()}


def test_category_matches_prefix_or_level() -> None:
    mug = DOCS["P01"]
    assert matches(mug, SearchFilters(category="home > kitchen"))
    assert matches(mug, SearchFilters(category="Mugs"))
    assert not matches(mug, SearchFilters(category="Home > Kit"))


def test_price_colour_size_brand_stock() -> None:
    shoes = DOCS["P05"]
    assert matches(shoes, SearchFilters(max_price_minor=8000, currency="USD", colour="blue", size="42", brand="stride"))
    assert not matches(shoes, SearchFilters(max_price_minor=7000, currency="USD"))
    assert not matches(shoes, SearchFilters(max_price_minor=9000, currency="CNY"))
    assert not matches(shoes, SearchFilters(colour="red"))
    assert not matches(DOCS["P07"], SearchFilters(in_stock_only=True))
    assert matches(DOCS["P07"], SearchFilters())


def test_invalid_filters_are_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        SearchFilters(max_price_minor=-1)
    with pytest.raises(ValueError, match="above"):
        SearchFilters(min_price_minor=500, max_price_minor=100)


def test_relaxations_go_from_specific_to_broad() -> None:
    f = SearchFilters(category="Mugs", max_price_minor=100, colour="red", in_stock_only=True)
    steps = f.relaxations()
    assert [k for k, _ in steps] == [Relaxation.COLOUR, Relaxation.IN_STOCK, Relaxation.PRICE, Relaxation.CATEGORY]
    assert not steps[-1][1].active
