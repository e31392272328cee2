"""Colour families: a stated colour grades a product's colours as exact, a close shade, or other."""

from __future__ import annotations

import pytest

from knowledge.search.colours import ColourMatch, canonical_colour, close_colours, colour_match


@pytest.mark.parametrize(("wanted", "colours", "expected"), [
    ("red", {"red", "navy"}, ColourMatch.EXACT),
    ("Red", {"burgundy"}, ColourMatch.CLOSE),
    ("red", {"coral", "cream"}, ColourMatch.CLOSE),
    ("red", {"navy", "sage"}, ColourMatch.OTHER),
    ("红色", {"burgundy"}, ColourMatch.CLOSE),          # Chinese colour words map to the English names
    ("black", {"charcoal"}, ColourMatch.CLOSE),         # dark neutrals a shopper would take for black
    ("navy", {"black"}, ColourMatch.OTHER),             # ...but the closeness is directional
    ("blue", {"dusty blue"}, ColourMatch.CLOSE),        # a compound ending in the colour asked for
    ("gray", {"grey"}, ColourMatch.EXACT),
    ("burgundy", {"red"}, ColourMatch.CLOSE),           # a shade asked by name: its basic colour is close
    ("white", {"beige"}, ColourMatch.CLOSE),
    ("green", set(), ColourMatch.OTHER),
])
def test_colour_match(wanted: str, colours: set[str], expected: ColourMatch) -> None:
    assert colour_match(wanted, colours) is expected


def test_close_colours_exclude_the_colour_itself_and_include_siblings_of_a_shade() -> None:
    assert "red" not in close_colours("red") and {"burgundy", "maroon", "coral"} <= close_colours("red")
    assert {"red", "maroon"} <= close_colours("burgundy")
    assert canonical_colour(" Dark  Gray ") == "dark grey"


@pytest.mark.parametrize(("said", "shade"), [
    ("鼠尾草绿", "sage"), ("灰绿色", "sage"), ("宝蓝色", "royal blue"), ("雾霾蓝", "dusty blue"), ("燕麦色", "oatmeal"),
    ("象牙白", "ivory"), ("玫红色", "fuchsia"),
    # an English shade said with its basic colour is that shade
    ("sage green", "sage"), ("Navy Blue", "navy"), ("mint green", "mint"), ("charcoal gray", "charcoal"),
    ("olive green", "olive"), ("sky blue", "sky blue"), ("dark green", "dark green"),
])
def test_shade_names_both_languages(said: str, shade: str) -> None:
    assert canonical_colour(said) == shade


def test_a_shade_said_in_chinese_or_with_its_colour_matches_the_catalog_shade() -> None:
    assert colour_match("鼠尾草绿", {"sage"}) is ColourMatch.EXACT
    assert colour_match("sage green", {"sage"}) is ColourMatch.EXACT
    assert colour_match("宝蓝色", {"navy"}) is ColourMatch.CLOSE      # a shade of blue, like navy
    assert colour_match("navy blue", {"black"}) is ColourMatch.OTHER
