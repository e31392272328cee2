"""Part of an option typed at the variant picker (walk 6): "42" under "Grey / EU 42" (the model read it as goodbye),
"黑" under "黑色 / 透明", "xs" after the picker was narrowed to black: each asked again. A unique fit is added; two
fits still ask."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from store.catalog import upsert_product
from tests.bot.skills.test_option_answers import _cart_skus
from tests.bot.skills.test_shopping_wording import ANN, LI, body
from tests.helpers.search_catalog import FixtureProduct, product_input
from tests.helpers.shopping import Shopper, shop_bot

BO = UserRef(703, "Bo", language_code="en")
TRAIL = FixtureProduct("P90", "Trail Shoes", "越野跑鞋", "Shoes > Running", "Stride", 9999, ("Grey",),
                       ("EU 41", "EU 42"))


async def _trail(uows: Any) -> None:
    async with uows() as uow:
        await upsert_product(uow, product_input(TRAIL))
        await uow.commit()


async def _skus(bot: Any, user_id: int) -> list[str]:
    from store.cart import get_cart

    async with bot.services.uows.read() as uow:
        cart = await get_cart(uow, user_id, bot.services.clock())
    return [line.sku for line in cart.lines]


async def test_a_bare_number_is_the_size_of_that_number(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_trail) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P90")
        assert "Which option" in body(await ann.say("add it"))
        added = body(await ann.say("42"))
        assert "Added 1" in added and "EU 42" in added, added
        assert await _cart_skus(bot) == ["P90-GRE-EU 42"]


async def test_the_start_of_a_chinese_colour_name(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("/start p_P13")  # Black, Clear
        await li.say("加入购物车")
        added = body(await li.say("黑"))
        assert "黑色" in added and "加入购物车" in added, added
        assert await _skus(bot, LI.id) == ["P13-BLA"]


async def test_a_size_after_the_picker_was_narrowed_and_two_fits_still_ask(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P05")  # Black, Blue × 41, 42, 43
        await ann.say("add it")
        narrowed = body(await ann.say("black"))
        assert "Added" not in narrowed and "Black / 41" in str(ann.latest), narrowed
        added = body(await ann.say("42"))
        assert "Added 1" in added and "Black / 42" in added, added
        assert await _cart_skus(bot) == ["P05-BLA-42"]
        bo = Shopper(bot, BO)
        await bo.say("/start p_P05")
        await bo.say("add it")
        assert "Added" not in body(await bo.say("42"))  # Black / 42 or Blue / 42
        assert await _skus(bot, BO.id) == []


def test_what_fits_an_option() -> None:
    from bot.core.skills.shopping.picker_typed import _fits

    assert _fits("42", "eu 42") and _fits("黑", "黑色") and _fits("char", "charcoal") and _fits("m", "m")
    assert not _fits("m", "xl") and not _fits("bl", "black") and not _fits("4", "eu 42")
