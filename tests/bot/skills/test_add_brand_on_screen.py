""""add the samsung ones" with two Samsung phones among the results: which of those two (before: the first one's
picker, as if the shopper had said which); "add the pacer one" with one Pacer shown: that one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bot.skills.test_shopping_wording import ANN, body, labels
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

_PACER = FixtureProduct("P42", "Pacer Road Running Shoes", "Pacer 路跑鞋", "Shoes > Running", "Pacer", 9999,
                        ("Grey",), ("US 8", "US 9"))


async def _pacer(uows: Any) -> None:
    await seed_fixture(uows, (_PACER,))


async def _cart_size(bot: Any) -> int:
    from store.cart import get_cart

    services = bot.services
    async with services.uows.read() as uow:
        return len((await get_cart(uow, ANN.id, services.clock())).lines)


async def test_a_brand_two_results_share_asks_which_of_those(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_pacer) as bot:
        ann = Shopper(bot, ANN)
        shown = body(await ann.say("running shoes"))
        assert "Pacer" in shown and "Men&#x27;s Running Shoes" in shown and "Trail Running" in shown, shown
        for said in ("add the stride ones", "put the stride one in my cart", "i'll take the stride ones"):
            asked = await ann.say(said)
            names = labels(asked)
            assert "Which" in body(asked) and len(names) == 2, (said, body(asked), names)
            assert all("Running Shoes" in n for n in names) and not any("Pacer" in n for n in names), names
            assert await _cart_size(bot) == 0
        picked = body(await ann.press("Trail Running"))
        assert "Trail Running Shoes" in picked and "Which option" in picked, picked


async def test_a_brand_one_result_has_is_that_one(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_pacer) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        picker = body(await ann.say("add the pacer one"))
        assert "Pacer Road Running Shoes" in picker and "Which option" in picker, picker
