"""availability.misread: the one gate availability ("猫粮有吗") and framed_product ("狗窝多少钱") share: an unsure
parse, or a reading of the step's list, but never a sure search (the search intent answers that itself)."""

from __future__ import annotations

from bot.core.skills.shopping.availability import misread
from nlu.result import IntentScore, ParseResult

READINGS = frozenset({"ask_question", "search_product"})


def _parse(intent: str, fallback: bool = False) -> ParseResult:
    return ParseResult(text="猫粮有吗", intent=IntentScore(intent, 0.9), is_fallback=fallback)


def test_an_unsure_parse_passes_whatever_its_intent() -> None:
    assert misread(_parse("view_cart", fallback=True), READINGS)
    assert misread(_parse("search_product", fallback=True), READINGS)


def test_a_listed_reading_passes_but_a_sure_search_does_not() -> None:
    assert misread(_parse("ask_question"), READINGS)
    assert not misread(_parse("search_product"), READINGS)
    assert not misread(_parse("view_cart"), READINGS)
