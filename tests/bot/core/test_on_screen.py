"""Conversation.on_screen: what the steps matching a name to products (named_words, named_best, named_question,
seen_named, framed_product) count as on screen, defined once: the product open, then the first eight results."""

from __future__ import annotations

from bot.core.state import Conversation


def test_the_open_product_first_then_eight_results_each_once() -> None:
    state = Conversation(last_results=[f"P{i}" for i in range(10)], focus_sku="P3")
    assert state.on_screen() == ["P3", "P0", "P1", "P2", "P4", "P5", "P6", "P7"]


def test_nothing_open_nothing_shown() -> None:
    assert Conversation().on_screen() == []
    assert Conversation(focus_sku="P9").on_screen() == ["P9"]
