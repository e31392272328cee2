"""A product the shopper clearly means stays in focus, and "买了" adds it (walk6-zh: after "联想的呢" showed one
Lenovo among other brands, "内存多大" asked "which one?" and "买了", read as checkout, said the cart was empty)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import LI, body
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot


class _NLU(ShoppingNLU):
    """Tags the brand Trailco, and reads "买了" as checkout, as the real model does (0.88)."""

    def __init__(self) -> None:
        super().__init__()
        self.rules.insert(0, (re.compile(r"^买了$|结账"), "checkout"))

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found = list(super()._entities(text, context))
        if (i := text.lower().find("trailco")) >= 0:
            found.append(ParsedEntity("brand", "Trailco", i, i + len("trailco")))
        return tuple(found)


def test_only_a_short_buy_statement_counts() -> None:
    from bot.core.skills.shopping.buy_in_view import says_buy

    for said in ("买了", "就买这个", "好 就买这个吧", "i'll take it", "buy it"):
        assert says_buy(said), said
    for said in ("结账", "去结算", "买单", "买了两个耳机", "我上周买了"):
        assert not says_buy(said), said


async def test_the_one_result_of_the_brand_asked_is_in_focus_and_buy_adds_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _NLU()
        li = Shopper(bot, LI)
        shown = body(await li.say("trailco mugs"))
        assert "Trailco" in shown and "陶瓷咖啡马克杯" in shown, shown  # one Trailco mug, then the other brand's
        state = await bot.services.states.load(LI.id, LI.id)
        assert state.focus_sku is not None and state.focus_sku.startswith("P02"), state.focus_sku
        added = body(await li.say("买了"))
        assert "已将 1 件" in added and "露营杯" in added, added


async def test_buy_with_several_shown_and_none_open_asks_which(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _NLU()
        li = Shopper(bot, LI)
        await li.say("running shoes")
        asked = await li.say("买了")
        assert "购物车是空的" not in body(asked) and len([b for r in asked for row in r.buttons for b in row]) >= 2
