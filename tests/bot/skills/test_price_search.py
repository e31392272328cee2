"""A price question naming something the shop may not sell is a search for it: "how much is a kayak" got "I'm a
shop assistant, so I can't help with that one", "how much are the sony wh-1000xm6" "did you mean a question or a
search?" and "how much is the huawei mate 60" "didn't catch that". The search says whether the shop has it (the
product, with its price) or not ("We don't carry …", and the closest). The phrasings are this file's own; the
readings are the real model's (off topic, or unsure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.shopping.price_search import priced_subject
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


@pytest.mark.parametrize(("text", "subject"), [
    ("how much is a kayak", "kayak"), ("how much are the sony wh-1000xm6", "sony wh-1000xm6"),
    ("what's the price of the huawei mate 60?", "huawei mate 60"), ("how much do snow boots cost", "snow boots"),
])
def test_the_thing_a_price_question_names(text: str, subject: str) -> None:
    assert priced_subject(text) == subject


@pytest.mark.parametrize("text", [
    "how much is it", "how much is the second one", "how much is shipping", "how much do you charge for gift wrap",
    "how much is my order", "how much is the total", "how much for 2", "how much are these", "how much storage",
    "how much does it weigh", "how much is the shipping to canada", "how much would i save with the coupon",
])
def test_the_open_one_the_shop_and_amounts_are_no_subject(text: str) -> None:
    assert priced_subject(text) is None


async def test_a_price_question_is_a_search_for_what_it_names(tmp_path: Path) -> None:
    asked = {"how much is a kayak": ("out_of_scope", False), "how much are the rain boots": ("ask_question", True)}
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        none = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({text: (intent, unsure, none) for text, (intent, unsure) in asked.items()})
        jo = Shopper(bot, UserRef(980, "Jo", language_code="en"))
        await jo.say("desk lamp")
        said = body(await jo.say("how much is a kayak"))
        assert "kayak" in said and "can't help" not in said, said
        said = body(await jo.say("how much are the rain boots"))
        assert "Kids Rain Boots" in said and "$" in said, said
