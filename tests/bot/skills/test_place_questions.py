"""A delivery or returns question that names a place is the shop's question: "how much is shipping to texas?"
showed the Texas Instruments calculator's card (the named-product step found "texas" in its title), with the
calculator on screen or not. The phrasings are this file's own; the readings are the real model's (a question)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import add_pair, start_qa
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

PLACES = (
    FixtureProduct("P41", "Texas Instruments 12-Digit Desktop Calculator", "德州仪器 12位台式计算器",
                   "Office > Calculators", "Texas Instruments", 9799, ("Black",)),
    FixtureProduct("P42", "California Olive Ranch Extra Virgin Olive Oil", "加州橄榄油", "Food > Oils",
                   "California Olive Ranch", 1999, ("Green",)),
    FixtureProduct("P43", "Shanghai Tang Silk Scarf", "上海滩真丝围巾", "Clothing > Scarves", "Shanghai Tang", 8999,
                   ("Red",)),
)
# What the answer holds: the shop's entry, or (the fake encoder finds no entry for other words) "don't know".
ASKED = {"how much is shipping to texas?": "$5.99", "what does delivery to california cost": "know",
         "寄到上海运费多少": "5.99美元", "can i return things from texas": "30 days"}


async def _more(uows: Any) -> None:
    await seed_fixture(uows, PLACES)


@pytest.mark.parametrize("on_screen", [None, "calculator"])
async def test_a_place_in_a_delivery_question_gets_the_shops_answer(tmp_path: Path, on_screen: str | None) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        uows = bot.services.uows
        await add_pair(uows, "How much is shipping?", "Standard shipping is $5.99, free over $50.", tags=("shipping",))
        await add_pair(uows, "运费多少？", "标准快递运费5.99美元。", tags=("shipping",))
        await add_pair(uows, "Can I return an item?", "Yes, within 30 days of delivery.", tags=("returns",))
        bot.services.qa = await start_qa(uows)
        question = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({text: ("ask_question", False, question) for text in ASKED})
        for n, (text, answer) in enumerate(ASKED.items()):
            lang = "zh" if "运费" in text else "en"
            shopper = Shopper(bot, UserRef(900 + n + (50 if on_screen else 0), "Jo", language_code=lang))
            if on_screen:
                await shopper.say(on_screen)
            said = body(await shopper.say(text))
            assert "Calculator" not in said and "Olive" not in said and "围巾" not in said, (text, said)
            assert answer in said, (text, said)
