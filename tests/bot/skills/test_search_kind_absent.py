"""A kind the shop does not sell ("yoga block", "瑜伽砖") is said plainly before the closest products, which are
labelled as alternatives; a kind it sells ("yoga mat") is answered as before. Found walking the demo store:
yoga mats were listed for "yoga block" as if they were matches."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Photo, Reply, Text
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(231, "Ann", language_code="en")
LI = UserRef(232, "李", language_code="zh-hans")


def texts(replies: list[Reply]) -> list[str]:
    return [r.caption if isinstance(r, Photo) else r.text if isinstance(r, Text) else "" for r in replies]


async def test_a_kind_the_shop_lacks_is_said_before_the_closest_items(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        said = texts(await Shopper(bot, ANN).say("yoga block"))
        assert said[0].startswith("We don't carry “yoga block”. These are the closest items we have:")
        assert any("Yoga Mat" in s for s in said[1:])                 # the closest still shown
        assert "alternatives to “yoga block”" in said[-1]
        said = texts(await Shopper(bot, LI).say("瑜伽砖"))
        assert said[0].startswith("暂时没有瑜伽砖")
        assert any("瑜伽垫" in s for s in said[1:])


async def test_a_kind_the_shop_has_gets_no_note(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        for shopper, text in ((Shopper(bot, ANN), "yoga mat"), (Shopper(bot, LI), "瑜伽垫"),
                              (Shopper(bot, ANN), "running shoes")):
            said = texts(await shopper.say(text))
            assert not any("carry" in s or "暂时没有" in s or "alternatives" in s for s in said), said


async def test_a_budget_in_yuan_says_it_was_read_in_the_shops_currency(tmp_path: Path) -> None:
    """元/块 are read as the shop's currency (docs/search.md "What 元 means"); the reply makes that visible so a
    shopper who meant renminbi is not misled. A price in dollars gets no such note."""
    async with shop_bot(tmp_path) as bot:
        said = texts(await Shopper(bot, LI).say("耳机300元以下"))
        assert said[0] == "按 $300.00 以内为您查找（本店以美元标价）。", said[0]
        said = texts(await Shopper(bot, ANN).say("headphones under $300"))
        assert not any("our prices are in" in s for s in said)
