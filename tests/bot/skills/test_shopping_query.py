from __future__ import annotations

import pytest

from bot.core.skills.shopping.query import build_query
from nlu.result import IntentScore, ParsedEntity, ParseResult


def parsed(text: str, *spans: tuple[str, str, int]) -> ParseResult:
    entities = tuple(ParsedEntity(name, value, text.index(word), text.index(word) + len(word))
                     for name, word, value in spans)
    return ParseResult(text=text, intent=IntentScore("search_product", 0.9), entities=entities)


@pytest.mark.parametrize(("text", "spans", "words", "low", "high"), [
    ("wireless earbuds under $50", [("price_max", "$50", 5000)], "wireless earbuds", None, 5000),
    ("headphones between 20 and 40", [("price_min", "20", 2000), ("price_max", "40", 4000)], "headphones",
     2000, 4000),
    ("电饭煲300元以内", [("price_max", "300元", 30000)], "电饭煲", None, 30000),
    ("cheapest red mug", [], "red mug", None, None),
])
def test_price_and_sort_words_become_filters_not_search_words(
    text: str, spans: list[tuple[str, str, int]], words: str, low: int | None, high: int | None
) -> None:
    query = build_query(text, parsed(text, *spans), user_id=1, lang="en", currency="USD")
    assert query.text == words
    assert (query.filters.min_price_minor, query.filters.max_price_minor) == (low, high)
