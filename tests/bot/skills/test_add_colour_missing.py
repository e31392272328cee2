"""Adding in a colour the product does not come in says so instead of adding its other colour (walk6-zh: after
"第一个有白色吗" -> "没有白色款", "白色的加2条" added 2 of the non-white towel), and "同款" / "一样的" mean the
product in focus, not a search for the words ("再来个同款灰色的" opened a Converse "男女同款" shoe)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from nlu.result import ParsedEntity
from store.cart import get_cart
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_adding_zh import GRINDER, _more
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot

LI = UserRef(751, first_name="Li", language_code="zh")


def _colour(word: str, value: str) -> Any:
    def entities(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
        at, qty = text.index(word), text.find("2")
        count = (ParsedEntity("quantity", 2, qty, qty + 1),) if qty >= 0 else ()
        return (ParsedEntity("color", value, at, at + len(word)), *count)

    return entities


async def test_a_colour_it_does_not_come_in_is_not_added(tmp_path: Path) -> None:
    readings = {
        "黑色的加2个": ("add_to_cart", False, _colour("黑色", "Black")),
        "再来个同款灰色的": ("add_to_cart", False, _colour("灰色", "Gray")),
        "白色的加2个": ("add_to_cart", False, _colour("白色", "White")),
    }
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU(readings)
        li = Shopper(bot, LI)
        await li.say(f"/start p_{GRINDER.external_id}")  # one option: White
        for said in ("黑色的加2个", "再来个同款灰色的"):
            reply = body(await li.say(said))
            assert "已将" not in reply and "Added" not in reply, (said, reply)
            assert "磨豆机" in reply and "没有" in reply, (said, reply)
        async with bot.services.uows.read() as uow:
            assert not (await get_cart(uow, LI.id, bot.services.clock())).lines
        assert "已将 2 件" in body(await li.say("白色的加2个"))
