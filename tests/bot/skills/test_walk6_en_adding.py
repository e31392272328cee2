"""walk6-en: what an English add means (c04b "add another pair of the jbl" added shoe trees)."""

from __future__ import annotations

from bot.core.skills.shopping.targets import leftover_words


def test_a_unit_counted_is_not_a_product_name() -> None:
    assert leftover_words("add another pair of the jbl", None) == "jbl"
    assert leftover_words("add 2 packs of the coffee filters", None) == "coffee filters"
    assert leftover_words("add the shoe trees pair", None) == "shoe trees pair"  # a name's own word stays
