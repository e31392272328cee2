""""第一件是什么面料" (what fabric is the first one) under down jackets answered "我暂时还不知道" while the jacket's
listing has a material attribute ("Recycled polyester, down fill"): "面料" matched neither the "材质" label nor any
sentence closely enough. A material question (面料/材质/什么做的/成分, "what is it made of") is an aspect of the
product whose answer is its material attribute, with the description's sentences on it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.shopping.aspects import aspect_asked
from nlu.result import ParsedEntity
from store.catalog import upsert_product
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.search_catalog import FixtureProduct, product_input
from tests.helpers.shopping import Shopper, shop_bot

LI = UserRef(891, "李", language_code="zh-hans")
ANN = UserRef(892, "Ann", language_code="en")
_PUFFER = FixtureProduct("P46", "Quilted Puffer Jacket", "绗缝羽绒服", "Fashion > Women > Coats", "Willow", 22799,
                         ("Black",), description="A quilted puffer jacket. Roomy enough to layer over a sweater.")


async def _puffer(uows: Any) -> None:
    async with uows() as uow:
        await upsert_product(uow, replace(product_input(_PUFFER),
                                          attributes={"material": "Recycled polyester, down fill"}))


def _first(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    return (ParsedEntity("reference", "P46", 0, 3, ordinal=1),)


def test_material_words_ask_the_material() -> None:
    for text in ("第一件是什么面料", "这个什么材质", "是什么做的", "成分是什么", "what is it made of",
                 "what fabric is it"):
        aspect = aspect_asked(text)
        assert aspect is not None and "material" in aspect.keys, text


async def test_a_material_question_in_chinese_gets_the_material(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_puffer) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"第一件是什么面料": ("ask_question", False, _first),
                                    "what is the first one made of": ("ask_question", False, _first)})
        li = Shopper(bot, LI)
        await li.say("/start p_P46")
        said = body(await li.say("第一件是什么面料"))
        assert "绗缝羽绒服" in said and ("polyester" in said.casefold() or "涤纶" in said), said
        assert "不知道" not in said, said
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P46")
        said = body(await ann.say("what is the first one made of"))
        assert "polyester" in said.casefold(), said
