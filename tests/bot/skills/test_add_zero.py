"""'Add 0 of it' asks how many instead of silently adding one."""

from __future__ import annotations

from pathlib import Path

from bot.core.replies import Text
from tests.bot.skills.test_shopping_wording import ANN, LI, body, cart_of, labels
from tests.helpers.shopping import Shopper, shop_bot


async def test_adding_zero_asks_how_many_and_adds_nothing(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P03")
        asked = await ann.say("add 0 of it")
        assert "would add nothing" in body(asked) and "How many" in body(asked)
        assert await cart_of(bot, ANN.id) == {}
        assert {"× 1", "× 2", "× 3"} <= set(labels(asked))
        added = await ann.press("× 2")
        assert any(isinstance(r, Text) for r in added)
        assert list((await cart_of(bot, ANN.id)).values()) == [2]


async def test_adding_zero_in_chinese(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("/start p_P03")
        asked = await li.say("add 0 of it")  # the fake NLU reads English; the reply follows the language
        assert "您想要几件" in body(asked)
        assert await cart_of(bot, LI.id) == {}
