from __future__ import annotations

from knowledge.search.sorting import PERSONAL_MAX_BOOST, ShopperProfile, SortOrder, sort_candidates
from tests.helpers.search_catalog import fixture_docs

DOCS = {d.external_id: d for d in fixture_docs()}
CANDIDATES = [(DOCS["P05"], 0.05), (DOCS["P06"], 0.04), (DOCS["P10"], 0.03), (DOCS["P07"], 0.02)]


def _ids(items: list) -> list[str]:  # type: ignore[type-arg]
    return [d.external_id for d, _ in items]


def test_orders() -> None:
    assert _ids(sort_candidates(CANDIDATES, SortOrder.RELEVANCE)) == ["P05", "P06", "P10", "P07"]
    assert _ids(sort_candidates(CANDIDATES, SortOrder.SALES)) == ["P10", "P05", "P06", "P07"]
    assert _ids(sort_candidates(CANDIDATES, SortOrder.PRICE_ASC)) == ["P05", "P10", "P06", "P07"]
    assert _ids(sort_candidates(CANDIDATES, SortOrder.PRICE_DESC)) == ["P07", "P06", "P05", "P10"]
    assert _ids(sort_candidates(CANDIDATES, SortOrder.RATING))[0] == "P05"


def test_personal_is_neutral_for_new_shoppers() -> None:
    for profile in (None, ShopperProfile()):
        assert sort_candidates(CANDIDATES, SortOrder.PERSONAL, profile) == CANDIDATES


def test_personal_boosts_history_categories_and_brands_within_a_bound() -> None:
    fan = ShopperProfile(category_weights={"Electronics": 3.0}, brand_weights={"Sonora": 1.0})
    near_tie = [(DOCS["P05"], 0.05), (DOCS["P10"], 0.045), (DOCS["P09"], 0.01)]
    ordered = sort_candidates(near_tie, SortOrder.PERSONAL, fan)
    assert _ids(ordered) == ["P10", "P05", "P09"]
    assert ordered[0][1] <= 0.045 * (1 + PERSONAL_MAX_BOOST) + 1e-12
    # A clearly better match stays ahead of the favourite brand.
    assert _ids(sort_candidates(CANDIDATES, SortOrder.PERSONAL, fan))[0] == "P05"
    assert fan.boost(DOCS["P05"]) == 1.0
