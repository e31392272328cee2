""""add the second one" under a single result said "I showed 1 items" (the README's own demo flow)."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.shopping import Shopper, shop_bot


async def test_an_ordinal_past_a_single_result_offers_that_one(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        shown = body(await ann.say("kids rain boots"))
        assert "1 match" in shown, shown  # one result on screen
        reply = body(await ann.say("add the second one"))
        assert "I showed only one item" in reply and "1 items" not in reply, reply
