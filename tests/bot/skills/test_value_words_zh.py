"""A product searched by what it is made of in Chinese: "帆布鞋" finds the canvas sneakers.

Before: 帆布 is only in the Chinese description and the upper attribute's display ("Canvas"), the Chinese titles
say 休闲鞋, so "帆布鞋" answered "暂时没有帆布鞋，以下是相近的商品" over rain boots and oxfords. A Chinese value word
the catalog never uses now also searches the catalog's English for it (values_zh.GLOSSARY: 帆布 -> canvas)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.text.values_zh import values_en
from nlu.result import ParsedEntity
from store.catalog import ProductInput, VariantInput, upsert_product
from store.money import Money
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

_SHOES = (FixtureProduct("P81", "Converse Chuck Taylor High Top Sneakers, Canvas, Unisex", "Converse 男女同款休闲鞋",
                         "Shoes > Sneakers", "Converse", 6500, ("Black",)),
          FixtureProduct("P82", "Allen Edmonds Suede Oxford Shoes", "Allen Edmonds 麂皮牛津鞋", "Shoes > Dress Shoes",
                         "Allen Edmonds", 31500, ("Brown",)),
          FixtureProduct("P83", "Kids Rain Boots", "儿童雨靴", "Shoes > Boots", "Puddle", 5495, ("Yellow",)))


def test_value_words_have_the_catalogs_english() -> None:
    assert values_en("帆布") == "canvas" and values_en("麂皮") == "suede" and values_en("鞋") == ""


def _product(word: str) -> Any:
    return lambda text, ctx: (ParsedEntity("product", word, 0, len(word)),)


async def test_canvas_shoes_are_found_by_their_material(tmp_path: Path) -> None:
    async def more(uows: Any) -> None:
        await seed_fixture(uows, _SHOES[1:])
        async with uows() as uow:  # as in the catalogue: 帆布 only in the Chinese description and the upper
            await upsert_product(uow, ProductInput(
                external_id="P81", title=_SHOES[0].title, title_zh=_SHOES[0].title_zh, description="Classic sneakers.",
                category_path="Shoes > Sneakers", brand="Converse",
                attributes={"upper": "Canvas", "description_zh": "男女同款日常休闲鞋，帆布鞋面。"},
                variants=[VariantInput("P81-BLK", Money(6500, "USD"), 5, {"color": "Black"})]))

    async with shop_bot(tmp_path, more=more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"帆布鞋": ("search_product", False, _product("帆布鞋"))})
        said = body(await Shopper(bot, LI).say("帆布鞋"))
        assert "Converse 男女同款休闲鞋" in said and "暂时没有" not in said, said
