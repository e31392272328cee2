""""north face refugio in blue" (read as a search) listed the Refugio between a puffer jacket and a hoodie, with no
word about blue: the words name one product, and the colour is one of its options or not. The product's options
answer: "<title> doesn't come in Blue. Available: …" or "Yes, <title> comes in Black." with its buttons. Words that
several products hold ("running shoes in pink") stay a search."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.shopping import Shopper, shop_bot


async def test_a_named_product_in_a_colour_answers_with_its_options(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        jo = Shopper(bot, UserRef(996, "Jo", language_code="en"))
        said = body(await jo.say("trailco camping mug in red"))
        assert "doesn't come in" in said and "Blue Enamel Camping Mug" in said and "Red Ceramic" not in said, said
        said = body(await Shopper(bot, UserRef(997, "Bo", language_code="en")).say("trailco water bottle in black"))
        assert "comes in black" in said.lower() and "Stainless Steel Water Bottle" in said, said
        said = body(await Shopper(bot, UserRef(998, "Al", language_code="en")).say("running shoes in black"))
        assert "doesn't come in" not in said and "comes in" not in said and "Running Shoes" in said, said
