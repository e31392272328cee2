""""再来一个" / "one more" with the option picker still open got "没听明白": the picker's topic is no "added:"
topic, so ``more_of_added`` passed and the model read it as goodbye. With a picker open it is one more of what is
being picked: the picker again, for one more (the option is still to choose), narrowed as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(871, "Ann", language_code="en")
LI = UserRef(872, "李", language_code="zh-hans")


async def _cart(bot: Any, user: UserRef) -> list[tuple[str, int]]:
    from store.cart import get_cart

    async with bot.services.uows.read() as uow:
        cart = await get_cart(uow, user.id, bot.services.clock())
    return [(line.sku, line.quantity) for line in cart.lines]


async def test_one_more_at_an_open_picker_asks_the_option_for_one_more(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P18")  # Denim Jacket: Blue / M, Blue / L
        await ann.say("add it")
        again = body(await ann.say("one more"))
        assert "quantity: 2" in again, again
        await ann.press("Blue / M")
        assert await _cart(bot, ANN) == [("P18-BLU-M", 2)]


async def test_one_more_in_chinese_at_an_open_picker(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("/start p_P18")
        await li.say("加入购物车")
        again = body(await li.say("再加一个"))
        assert "2" in again and "没听明白" not in again, again
        await li.press("M")
        assert await _cart(bot, LI) == [("P18-BLU-M", 2)]
