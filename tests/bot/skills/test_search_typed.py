"""search_typed (shopping/search.py): the one "read these words, then search them" that /search, the search
prompt, availability ("猫粮有吗"), framed_product, frustrated requests and "what about adidas" share. It must
answer exactly as reading and searching the words by hand does, and keep a budget said before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Photo, Reply, Text
from bot.core.skills.shopping.search import search_text, search_typed, understand
from bot.core.state import Conversation
from bot.i18n import translator
from tests.helpers.shopping import shop_bot

NOW = datetime(2026, 12, 7, tzinfo=UTC)
CODEC = CallbackCodec(b"k" * 32)


def _said(replies: list[Reply]) -> list[str]:
    return [r.caption if isinstance(r, Photo) else r.text if isinstance(r, Text) else "" for r in replies]


async def test_the_same_replies_as_reading_and_searching_by_hand(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services, t = bot.services, translator("en")
        assert services is not None
        parse, vector = await understand(services, Conversation(), "running shoes", "en")
        by_hand = await search_text("running shoes", parse, vector, services, Conversation(), t, "en", CODEC, 1, NOW)
        shared = await search_typed("running shoes", services, Conversation(), t, "en", CODEC, 1, NOW)
        assert _said(shared) == _said(by_hand) and any("Running Shoes" in s for s in _said(shared))


async def test_a_budget_said_before_filters_the_search(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services, t = bot.services, translator("en")
        assert services is not None
        state = Conversation()
        await search_typed("running shoes", services, state, t, "en", CODEC, 1, NOW, {"max_price_minor": 1000})
        assert state.last_filters.get("max_price_minor") == 1000
