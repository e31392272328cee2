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
