"""The filters line of a Chinese result list names the size in Chinese, as the colour already was.

Before: "筛选：藏青色、US 9" (the colour in Chinese, the size as the catalogue writes it); now "筛选：藏青色、美码 9".
The filter itself (what is searched) keeps the catalogue's value.
"""

from __future__ import annotations

from bot.core.skills.shopping.results import filters_text
from bot.i18n import translator
from knowledge.search.filters import SearchFilters
from knowledge.search.models import SearchQuery

QUERY = SearchQuery("running shoes", filters=SearchFilters(colour="navy", size="US 9"))


def test_the_size_filter_is_named_in_chinese() -> None:
    assert filters_text(QUERY, translator("zh"), "zh") == "藏青色、美码 9"
    assert QUERY.filters.size == "US 9"


def test_the_english_filters_line_is_unchanged() -> None:
    assert filters_text(QUERY, translator("en"), "en") == "navy, US 9"
