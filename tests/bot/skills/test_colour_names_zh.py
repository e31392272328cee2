"""Colour shades in Chinese both ways: the NLU reads "宝蓝色" as royal blue, and a Chinese reply names "Oatmeal" 燕麦色
(it was shown in English). One table (knowledge/text/colour_names.py) feeds both, keeping their older names first."""

from __future__ import annotations

from bot.core.skills.shopping.words import colour_name
from nlu.entities.builtin_lexicon import ZH_COLORS


def test_chinese_shade_names_are_colour_words() -> None:
    assert ZH_COLORS["宝蓝色"] == "royal blue" and ZH_COLORS["雾霾蓝"] == "dusty blue"
    assert ZH_COLORS["鼠尾草绿"] == "sage" and ZH_COLORS["酒红"] == "burgundy"   # older names keep their value


def test_a_chinese_reply_names_the_catalog_shade_in_chinese() -> None:
    assert colour_name("Oatmeal", "zh") == "燕麦色"
    assert colour_name("Royal Blue", "zh") == "宝蓝色"
    assert colour_name("Sage", "zh") == colour_name("sage", "zh") != "Sage"
    assert colour_name("Burgundy", "zh") == "酒红色"
