"""A comparison of two products it names, none on screen, is the two side by side: "whats the difference between
the iphone 15 and the iphone 15 pro" and "iphone15和iphone15pro有什么区别" got a phone case's Q&A answer ("No, it is
cut only for the iPhone 15 Pro"). The phrasings are this file's own; the readings are the real model's (a
question)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.shopping.compare_named import two_named
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import SHOPPING_RULES, Shopper, shop_bot


@pytest.mark.parametrize(("text", "names"), [
    ("whats the difference between the iphone 15 and the iphone 15 pro", ("iphone 15", "iphone 15 pro")),
    ("compare the camping tent with the yoga mat", ("camping tent", "yoga mat")),
    ("denim jacket vs wool scarf?", ("denim jacket", "wool scarf")),
    ("iphone15和iphone15pro有什么区别", ("iphone15", "iphone15pro")),
    ("帐篷跟瑜伽垫哪个好", ("帐篷", "瑜伽垫")),
    ("对比一下电热水壶和台灯", ("电热水壶", "台灯")),
])
def test_the_two_names_of_a_comparison(text: str, names: tuple[str, str]) -> None:
    assert two_named(text) == names


@pytest.mark.parametrize("text", ["compare the first two", "对比一下前两个", "what's the difference between them",
                                  "what's the difference between standard and express shipping", "compare"])
def test_no_two_names(text: str) -> None:
    assert two_named(text) is None


async def test_two_products_named_are_compared(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = FakeNLU(rules=((r"difference|区别", "ask_question"), *SHOPPING_RULES))
        for n, text in enumerate(("whats the difference between the camping tent and the yoga mat",
                                  "帐篷和瑜伽垫有什么区别")):
            said = body(await Shopper(bot, UserRef(1010 + n, "Jo", language_code="en")).say(text))
            assert "Camping Tent" in said and "Yoga Mat" in said and "1." in said and "2." in said, said


async def test_a_name_held_on_screen_is_the_one_shown(tmp_path: Path) -> None:
    """"compare the sony and the bose" under headphones compared the Bose speaker (the catalogue's first Bose), not
    the Bose headphones on screen."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = FakeNLU(rules=((r"^compare\b", "__fallback__"), *SHOPPING_RULES))
        jo = Shopper(bot, UserRef(1020, "Jo", language_code="en"))
        shown = body(await jo.say("trail"))
        assert "Trail Running Shoes" in shown and "Men&#x27;s Running" not in shown, shown
        said = body(await jo.say("compare the running shoes and the tent"))
        assert "Trail Running Shoes" in said and "Camping Tent" in said and "Men&#x27;s Running" not in said, said
