"""What goes with the product open ("anything that goes with it?", "any accessories for this?", "这个有配件吗"): the
products found for it in other departments (a case for the phone), or an honest "nothing made to go with it" with
similar products offered. Before: "I don't know that about <the earbuds> yet. Shall I ask our staff?"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.core.skills.shopping.goes_with import asks_what_goes_with
from store.catalog import upsert_product
from tests.bot.skills.test_shopping_wording import ANN, LI, body, labels
from tests.helpers.search_catalog import FixtureProduct, product_input, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

_PHONE = FixtureProduct("P81", "Pacer Nova 15 Smartphone, 128 GB", "Pacer Nova 15 手机", "Electronics > Phones",
                        "Pacer", 79999, ("Black",))
_CASE = FixtureProduct("P82", "Clear Case for Pacer Nova 15", "Pacer Nova 15 透明手机壳",
                       "Electronics > Phone Cases", "Shellwise", 1999, ("Clear",))
_BUDS = FixtureProduct("P83", "Quietly Wireless Earbuds", "Quietly 无线耳机", "Electronics > Headphones", "Quietly",
                       4999, ("White",))


async def _catalog(uows: Any) -> None:
    await seed_fixture(uows, (_CASE, _BUDS))
    async with uows() as uow:  # the phone's model, as the demo catalogue states it
        await upsert_product(uow, replace(product_input(_PHONE), attributes={"model": "Pacer Nova 15"}))


@pytest.mark.parametrize(("text", "asks"), [
    ("anything that goes with it?", True), ("any accessories for this?", True), ("这个有配件吗", True),
    ("配什么好", True), ("does it go with my laptop bag", False), ("is it waterproof", False),
])
def test_what_goes_with_is_asked(text: str, asks: bool) -> None:
    assert asks_what_goes_with(text) is asks


async def test_the_phone_open_gets_its_case_not_other_phones(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_catalog) as bot:
        for user, said, lead in ((ANN, "anything that goes with it?", "To go with"), (LI, "这个有配件吗", "搭配")):
            shopper = Shopper(bot, user)
            await shopper.say("/start p_P81")
            replies = await shopper.say(said)
            text = body(replies)
            assert lead in text and ("Clear Case" in text or "透明手机壳" in text), (said, text)
            assert "Smartphone, 128 GB</b>\n" not in text.split(":", 1)[-1], text  # not the phone itself again


async def test_nothing_made_to_go_with_it_is_said_and_similar_offered(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_catalog) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P83")
        replies = await ann.say("any accessories for this?")
        assert "anything made to go with" in body(replies), body(replies)
        assert any("More like this" in label for label in labels(replies)), labels(replies)
