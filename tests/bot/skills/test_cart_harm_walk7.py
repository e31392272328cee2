"""Cart changes that named something else must change nothing (walk7: data loss).

c15: with only cookbooks in the cart, "删掉咖啡豆" (remove the coffee beans) replied "已移除 Sheet Pan Suppers" and
emptied the cart: words naming no cart line fell through to the line in focus."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from store.cart import add_to_cart
from tests.bot.skills.test_shopping_cart import cart_of, texts
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(781, "Ann", language_code="en")
LI = UserRef(782, "Li", language_code="zh")


async def test_removing_a_product_not_in_the_cart_removes_nothing(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu.rules.insert(0, (re.compile(r"remove|删掉", re.I), "remove_from_cart"))
        for user in (ANN, LI):
            shopper = Shopper(bot, user)
            await shopper.say("hello")
            async with bot.services.uows() as uow:
                await add_to_cart(uow, user.id, "P01-RED", 2)
            for text in ("删掉蓝牙音箱", "remove the bluetooth speaker"):
                reply = " ".join(texts(await shopper.say(text)))
                assert await cart_of(bot, user.id) == {"P01-RED": 2}, (text, reply)
                assert "no “" in reply or "没有" in reply, (text, reply)
            await shopper.say("remove the mug")  # a line the words name still goes
            assert await cart_of(bot, user.id) == {}
