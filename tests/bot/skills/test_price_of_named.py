"""A price question naming a product on screen (walk 5): "iPhone 15 多少钱" right after a list of iPhones got
"这个问题我还不知道答案", and "is the vitamix on sale" under its flash-sale card got "I don't know that about
Vitamix": the card of the one named, which leads with its price."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bot.skills.test_list_followups import ANN, LI, BrandNLU, body
from tests.helpers.catalog_builders import make_product
from tests.helpers.shopping import Shopper, shop_bot


async def _two_phones(uows: Any) -> None:
    phones = "Electronics > Phones"
    await make_product(uows, "NOVA12", title="Lumo Nova 12 Smartphone 6.1 inch", price=79999, category=phones)
    await make_product(uows, "NOVA12P", title="Lumo Nova 12 Pro Smartphone 6.7 inch", price=99999,
                       category=phones)


async def test_the_price_of_the_model_named_among_those_shown(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_two_phones) as bot:
        li = Shopper(bot, LI)
        listed = body(await li.say("nova smartphone"))
        assert "Nova 12 Pro" in listed and "Nova 12 Smartphone" in listed, listed
        priced = body(await li.say("Nova 12 多少钱？"))
        assert "$799.99" in priced and "$999.99" not in priced and "不知道" not in priced, priced


async def test_on_sale_names_a_product_on_screen(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        await ann.say("bluetooth speaker and earbuds")
        priced = body(await ann.say("is the boomly on sale?"))
        assert "Portable Bluetooth Speaker" in priced and "$49.99" in priced and "don't know" not in priced, priced


async def test_a_price_question_naming_a_brand_not_on_screen_searches_it(tmp_path: Path) -> None:
    """"how much r the asics ones" when the women's filter had left only a Nike on screen: "I don't know that
    about Nike Pegasus"; the brand's products are what was asked about."""
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        shown = body(await ann.say("portable bluetooth speaker"))
        assert "Found 1 match" in shown, shown
        found = body(await ann.say("how much r the chefline ones?"))
        assert "Chefline" in found and "Boomly" not in found and "don't know" not in found, found
