"""A budget said on its own (walk 3, Chinese shoppers): with results on screen it narrows them ("有没有便宜点的
100刀以内" searched "有没有" and showed a car seat); with nothing to narrow it asks what the budget is for ("预算300刀
左右" searched "预算" and showed a calculator), and the answer is searched within it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nlu.result import ParsedEntity
from tests.bot.skills.test_list_followups import LI, body
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot


class DollarNLU(ShoppingNLU):
    """The shopping fake, also reading "100刀" (dollars) as a price cap, as the model does."""

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found = [e for e in super()._entities(text, context) if e.entity != "quantity"]
        for m in re.finditer(r"(\d+)刀", text):
            found.append(ParsedEntity("price_max", int(m.group(1)) * 100, m.start(), m.end(), currency="USD"))
        return tuple(found)


async def test_a_budget_with_results_on_screen_narrows_them(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = DollarNLU()  # type: ignore[union-attr]
        li = Shopper(bot, LI)
        await li.say("running shoes")
        narrowed = body(await li.say("有没有便宜点的 100刀以内"))
        assert "running shoes" in narrowed and "$100.00 以内" in narrowed, narrowed
        assert "有没有" not in narrowed and "价格从低到高" in narrowed, narrowed


async def test_a_budget_with_nothing_on_screen_asks_what_for_and_keeps_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = DollarNLU()  # type: ignore[union-attr]
        li = Shopper(bot, LI)
        asked = body(await li.say("预算300刀左右"))
        assert "预算$300.00 以内" in asked and "想找什么" in asked, asked
        found = body(await li.say("running shoes"))
        assert "跑鞋" in found and "$300.00 以内" in found, found
