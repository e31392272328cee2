"""The answer typed to "Which one do you mean?" after an add of several ("add 2 of those" under a list, then "the
first one"): that product is added with the quantity asked. Before, the typed answer opened its details and the
2 was lost; "remove one" next found an empty cart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bot.skills.test_shopping_wording import ANN, body, labels
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

_MUGS = (FixtureProduct("P71", "Fenwick Stoneware Coffee Mug", "Fenwick 陶瓷咖啡杯", "Home > Mugs", "Fenwick", 1999,
                        ("White",)),
         FixtureProduct("P72", "Harbor Enamel Camp Mug", "Harbor 搪瓷露营杯", "Home > Mugs", "Harbor", 1499, ("Blue",)),
         FixtureProduct("P73", "Lumen Glass Espresso Mug", "Lumen 玻璃浓缩咖啡杯", "Home > Mugs", "Lumen", 1299,
                        ("Clear", "Smoke")))


async def _mugs(uows: Any) -> None:
    await seed_fixture(uows, _MUGS)


async def _cart(bot: Any) -> dict[str, int]:
    from store.cart import get_cart

    async with bot.services.uows.read() as uow:
        cart = await get_cart(uow, ANN.id, bot.services.clock())
    return {line.sku: line.quantity for line in cart.lines}


async def test_a_typed_pick_adds_the_quantity_asked(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_mugs) as bot:
        ann = Shopper(bot, ANN)
        shown = await ann.say("mug")
        assert len([x for x in labels(shown) if "Add to cart" in x]) >= 2, labels(shown)
        asked = body(await ann.say("add 2 of those"))
        assert "Which one do you mean?" in asked, asked
        first = body(await ann.say("the first one"))
        assert "Added 2 × " in first or "(quantity: 2)" in first, first


async def test_a_question_about_one_of_them_is_not_a_pick(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_mugs) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("mug")
        await ann.say("add 2 of those")
        await ann.say("is the first one dishwasher safe?")
        assert await _cart(bot) == {}
