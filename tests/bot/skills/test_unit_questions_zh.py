""""spf多少", "这个防晒霜spf多少", "这个多少GB": a product's figure asked by its Latin abbreviation is a question about
the product, not the points panel (the NLU read "spf多少" as my_points) nor "search or question?"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.events import UserRef
from bot.core.skills.community.unit_questions import asks_by_abbreviation
from bot.core.skills.shopping.aspects import aspect_asked
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


@pytest.mark.parametrize("text", ["这个多少GB", "多少gb的", "防水ipx几级", "how many GB"])
def test_a_latin_abbreviation_next_to_chinese_asks_its_aspect(text: str) -> None:
    """Python's \\b sees no boundary between a Chinese character and "GB": "这个多少GB" asked about no aspect."""
    assert aspect_asked(text) is not None


async def _phone(uows: Any) -> None:
    from store.catalog import ProductInput, VariantInput, upsert_product
    from store.money import Money

    variants = [VariantInput(f"PHN-{gb}", Money(price, "USD"), 5, {"color": "Black", "storage": f"{gb}GB"})
                for gb, price in ((256, 109999), (128, 99999))]
    async with uows() as uow:
        await upsert_product(uow, ProductInput(
            external_id="PHN", title="Lumo Nova 12 Smartphone, 6.1-inch Display", title_zh="Lumo Nova 12 手机",
            variants=variants, category_path="Electronics > Phones", brand="Lumo",
            attributes={"screen_size_in": 6.1}))


async def test_the_storage_of_the_phone_open_is_its_options(tmp_path: Path) -> None:
    """"这个多少GB" with an iPhone open got "I don't know that about Apple iPhone 15 Pro" (it comes in 128GB and
    256GB), and "how many GB" got "storage: 256GB", the largest option's, as if the phone had only that."""
    from tests.helpers.kb_builders import start_qa

    async with shop_bot(tmp_path, more=_phone) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"这个多少GB": ("ask_question", False, lambda text, ctx: ()),
                                    "how many GB": ("out_of_scope", True, lambda text, ctx: ())})
        wu = Shopper(bot, UserRef(LI.id + 61, "Wu", language_code="zh"))
        await wu.say("/start p_PHN")
        said = body(await wu.say("这个多少GB"))
        assert "128GB、256GB" in said and "不知道" not in said, said
        ann = Shopper(bot, UserRef(LI.id + 62, "Ann", language_code="en"))
        await ann.say("/start p_PHN")
        said = body(await ann.say("how many GB"))
        assert "128GB, 256GB" in said, said
