"""A toy's age range is an aspect a shopper asks about ("what age is it for?", "适合几岁", "多大的孩子能玩"): the
answer is its age range, from the attribute or the title's "Ages 8+" (before: a quote of the whole title, "from
the product description", and 多大 read as a question about capacity)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.skills.shopping.aspects import aspect_asked, figure_of
from nlu.pipeline import BuiltinNLU
from store.catalog.views import ProductView
from tests.bot.skills.test_shopping_wording import ANN, LI, body
from tests.helpers.bots import started_bot
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper

_DRONE = FixtureProduct("P61", "Sky Rover Mini Drone with HD Camera, Ages 8+", "Sky Rover 迷你航拍无人机",
                        "Toys > Remote Control", "Sky Rover", 16295, ("Grey",),
                        description="A mini drone with about 15 minutes of play per charge.")


def _toy(title: str, **attributes: Any) -> ProductView:
    return ProductView(id=1, external_id="T1", title=title, title_zh=None, description="", brand="BrickLab",
                       category_path="Toys > Building", attributes=attributes, image_url=None, rating_tenths=None,
                       sales_count=0, is_digital=False, is_active=True, variants=())


@pytest.mark.parametrize("text", ["what age is it for?", "how old do you have to be for it", "what ages is this for",
                                  "is it ok for a 5 year old", "第一个适合几岁", "多大的孩子能玩", "适用年龄是多少"])
def test_age_questions_ask_the_age_range(text: str) -> None:
    aspect = aspect_asked(text)
    assert aspect is not None and aspect.name == "age range", (text, aspect)


@pytest.mark.parametrize("text", ["how big is it", "多大容量", "is it good for running", "what size is it"])
def test_other_questions_do_not(text: str) -> None:
    aspect = aspect_asked(text)
    assert aspect is None or aspect.name != "age range", (text, aspect)


def test_the_range_comes_from_the_attribute_or_the_title() -> None:
    aspect = aspect_asked("what age is it for?")
    assert aspect is not None
    by_attribute = figure_of(aspect, _toy("BrickLab Castle Building Set", age_range="3+"), {})
    assert by_attribute is not None and by_attribute.value == 3 and by_attribute.shown == "3+"
    by_title = figure_of(aspect, _toy("Sky Rover Mini Drone, Ages 8+"), {})
    assert by_title is not None and by_title.value == 8 and by_title.shown == "Ages 8+"


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


async def test_the_real_model_answers_the_age_range_of_the_product_open(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await seed_fixture(bot.services.uows, (_DRONE,))
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        for user, said, expected in ((ANN, "what age is it for?", "age range: Ages 8+"),
                                     (LI, "多大的孩子能玩", "适用年龄：Ages 8+")):
            shopper = Shopper(bot, user)
            await shopper.say("/start p_P61")
            reply = body(await shopper.say(said))
            assert expected in reply, (said, reply)
