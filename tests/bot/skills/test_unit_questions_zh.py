""""spf多少", "这个防晒霜spf多少", "这个多少GB": a product's figure asked by its Latin abbreviation is a question about
the product, not the points panel (the NLU read "spf多少" as my_points) nor "search or question?"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.community.unit_questions import asks_by_abbreviation
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


@pytest.mark.parametrize("text", ["spf多少", "这个防晒霜spf多少", "这个多少GB", "多少mAh", "支持多少W快充",
                                  "防水ip几级", "容量多少ml", "这款防晒spf多少啊"])
def test_figures_by_abbreviation(text: str) -> None:
    assert asks_by_abbreviation(text)


@pytest.mark.parametrize("text", ["32g内存多少钱", "spf50", "积分多少", "多少钱", "几号发货", "M码有几件",
                                  "iphone多少钱"])
def test_prices_searches_and_the_rest_are_not(text: str) -> None:
    assert not asks_by_abbreviation(text)


async def test_spf_asked_with_a_product_open_or_several_shown(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({
            "spf多少": ("my_points", False, lambda text, ctx: ()),
            "这个面霜spf多少": ("search_product", True, lambda text, ctx: (ParsedEntity("product", "面霜", 2, 4),)),
        })
        li = Shopper(bot, LI)
        await li.say("/start p_P30")
        said = body(await li.say("spf多少"))
        assert "积分" not in said and "会员" not in said, said  # it showed the points panel
        wu = Shopper(bot, UserRef(LI.id + 60, "Wu", language_code="zh"))
        await wu.say("mug")  # several shown, none open
        said = body(await wu.say("这个面霜spf多少"))
        assert "哪" in said and "哪一项" not in said, said  # which one, not "search or question?"
