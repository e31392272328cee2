"""A quantity said relative to the cart line ("数量+1", "再减一个", "one more") changes it from its quantity
(walk6-zh: "数量+1" with one line asked "您要几件？"; "再减一个" on a line of 1 said "数量已改为 1")."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from store.cart import add_to_cart
from tests.bot.skills.test_shopping_cart import cart_of, texts
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(741, "Ann", language_code="en")
LI = UserRef(742, "李", language_code="zh-hans")


def test_relative_change_reads_the_change_not_a_quantity_to_set() -> None:
    from bot.core.skills.shopping.cart_delta import relative_change

    assert relative_change("数量+1") == 1 and relative_change("再减一个") == -1 and relative_change("少两件") == -2
    assert relative_change("one more") == 1 and relative_change("two less") == -2
    for absolute in ("改成2个", "数量加到3", "make it 2", "减少到1", "P01-RED"):
        assert relative_change(absolute) is None, absolute


async def test_plus_one_and_minus_one_change_the_only_line(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        # the real model reads these as update_cart
        bot.services.nlu.rules.insert(0, (re.compile(r"数量|再减|one more|one less", re.I), "update_cart"))
        for user, plus, minus in ((LI, "数量+1", "再减一个"), (ANN, "one more", "one less")):
            shopper = Shopper(bot, user)
            await shopper.say("hello")
            async with bot.services.uows() as uow:
                await add_to_cart(uow, user.id, "P01-RED", 1)
            await shopper.say(plus)
            assert await cart_of(bot, user.id) == {"P01-RED": 2}
            await shopper.say(minus)
            assert await cart_of(bot, user.id) == {"P01-RED": 1}
            ask = " ".join(texts(await shopper.say(minus)))  # down to nothing: asks first
            assert await cart_of(bot, user.id) == {"P01-RED": 1}
            assert "Remove it?" in ask or "要删除吗" in ask, ask
            await shopper.press("🗑")
            assert await cart_of(bot, user.id) == {}
