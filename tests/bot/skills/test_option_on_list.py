"""An option value typed under a result list with nothing open ("有256g的吗" under phones) asks which of the products
shown come with it; it searched "256g" across the shop (honey and pepper by their grams)."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_shopping_wording import LI, body
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

PHONES = (
    FixtureProduct("P31", "Nova X1 Smartphone", "Nova X1 手机", "Electronics > Phones", "Nova", 79999,
                   ("Black",), ("128GB", "256GB")),
    FixtureProduct("P32", "Nova Lite Smartphone", "Nova Lite 手机", "Electronics > Phones", "Nova", 39999,
                   ("Black",), ("64GB", "128GB")),
    FixtureProduct("P33", "Pixelo 8 Smartphone", "Pixelo 8 手机", "Electronics > Phones", "Pixelo", 59999,
                   ("White",), ("128GB",)),
)


async def test_an_option_value_under_a_list_names_the_products_that_have_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None and bot.services.search is not None
        await seed_fixture(bot.services.uows, PHONES)
        await bot.services.search.wait_idle()
        li = Shopper(bot, LI)
        shown = body(await li.say("smartphone"))
        assert "Nova X1" in shown and "Nova Lite" in shown, shown
        text = body(await li.say("有256g的吗"))
        assert "256GB" in text and "Nova X1" in text and "Nova Lite" not in text, text
        assert "没有找到" not in text
        assert "都没有 512g" in body(await li.say("512g有没"))


def test_only_a_word_shaped_like_an_option_value_is_one() -> None:
    """"红米note13pro多少钱" under dog beds said "none of the products shown comes in 红米note13pro多少钱": the whole
    message, one word with a digit, was taken for an option value."""
    from bot.core.skills.shopping.option_followups import _ASKING
    from bot.core.skills.shopping.option_on_list import option_word

    for text, word in (("有256g的吗", "256g"), ("512g有没", "512g"), ("有42码的吗", "42"), ("eu42有吗", "eu42"),
                       ("有128gb的吗", "128gb")):
        assert option_word(text, _ASKING) == word, text
    for text in ("红米note13pro多少钱", "华为mate60怎么样", "iphone15pro", "note13有吗"):
        assert option_word(text, _ASKING) is None, text


async def test_a_model_asked_about_under_a_list_is_looked_up(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None and bot.services.search is not None
        await seed_fixture(bot.services.uows, PHONES)
        await bot.services.search.wait_idle()
        li = Shopper(bot, LI)
        await li.say("smartphone")
        text = body(await li.say("红米note13pro多少钱"))
        assert "都没有" not in text and "红米note13pro" in text, text  # the search's own "no such product"
