"""A product question answered from the description quotes the Chinese description (attribute ``description_zh``)
to a Chinese shopper.

Before: "积木" → "第一个适合几岁" said "该商品的详情目前只有英文版本：" and quoted the English sentence ("… for ages
9+.") although the LEGO set's Chinese description says "适合9岁以上". The note stays for products with no Chinese
description."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.shopping.aspects import aspect_asked, sentences_about
from nlu.pipeline import BuiltinNLU
from store.catalog import ProductInput, VariantInput, upsert_product
from store.catalog.views import ProductView
from store.money import Money
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.bots import started_bot
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper

ENGLISH = "A 520-piece space shuttle set with step-by-step instructions, for ages 9+."
CHINESE = "520颗粒太空穿梭机拼搭套装，附分步说明书，适合9岁以上。"


def _set(sku: str, title: str, zh: str | None) -> ProductInput:
    return ProductInput(external_id=sku, title=title, title_zh=None, description=ENGLISH,
                        category_path="Toys > Building", brand="Brickmill",
                        attributes={"description_zh": zh} if zh else {},
                        variants=[VariantInput(f"{sku}-1", Money(8449, "USD"), 5, {})])


def test_the_chinese_sentence_is_picked_for_a_chinese_shopper() -> None:
    aspect = aspect_asked("适合几岁")
    assert aspect is not None
    view = ProductView(id=1, external_id="T1", title="Shuttle Set", title_zh=None, description=ENGLISH,
                       brand="Brickmill", category_path="Toys", attributes={"description_zh": CHINESE},
                       image_url=None, rating_tenths=None, sales_count=0, is_digital=False, is_active=True,
                       variants=())
    assert sentences_about(aspect, view, 2, "zh") == [CHINESE]
    assert sentences_about(aspect, view, 2) == [ENGLISH]


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


async def test_the_chinese_description_is_quoted(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        async with bot.services.uows() as uow:
            await upsert_product(uow, _set("P71", "Brickmill Space Shuttle Building Set", CHINESE))
            await upsert_product(uow, _set("P72", "Brickmill Castle Building Set", None))
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        li = Shopper(bot, UserRef(9701, "李", language_code="zh"))
        await li.say("/start p_P71")
        said = body(await li.say("适合几岁"))
        assert "适合9岁以上" in said and "for ages" not in said and "只有英文" not in said, said
        wu = Shopper(bot, UserRef(9702, "吴", language_code="zh"))
        await wu.say("/start p_P72")
        said = body(await wu.say("适合几岁"))
        assert "只有英文" in said and "for ages 9+" in said, said  # no Chinese description: quoted, and said so
