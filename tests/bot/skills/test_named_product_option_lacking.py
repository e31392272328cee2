"""A colour asked for a product named that has no such option (team walk, session 10): "do you have the stanley
tumbler in pink" opened the tumbler's card with no word about pink, though it comes only in Black and Coral. Now
the answer says it doesn't come in pink and offers the options it has. The phrasings are this file's own; the
readings are the real model's (details, the brand and the colour)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

TUMBLER = FixtureProduct("P51", "Stanley Insulated Tumbler 470 ml", "Stanley 保温杯 470毫升", "Home > Kitchen",
                         "Stanley", 3600, ("Black", "Coral"))
PINK_MAT = FixtureProduct("P52", "Pink Cork Yoga Mat", "粉色软木瑜伽垫", "Sports > Yoga", "Corkly", 4900, ("Natural",),
                          ("S", "L"))


def _said(brand: str, colour: str) -> Any:
    def entities(text: str, context: Any) -> tuple[ParsedEntity, ...]:
        at, end = text.lower().index(brand.lower()), text.lower().index(colour.lower())
        return (ParsedEntity("brand", brand, at, at + len(brand)),
                ParsedEntity("color", colour, end, end + len(colour)))
    return entities


async def _more(uows: Any) -> None:
    await seed_fixture(uows, (TUMBLER, PINK_MAT))


async def test_a_colour_the_named_product_lacks_is_said_with_the_ones_it_has(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        asked = "do you have the stanley tumbler in pink"
        bot.services.nlu = WalkNLU({asked: ("show_product_details", False, _said("Stanley", "Pink"))})
        jo = Shopper(bot, UserRef(1051, "Jo", language_code="en"))
        said = body(await jo.say(asked))
        assert "doesn't come in Pink" in said and "Black" in said and "Coral" in said, said


async def test_a_colour_in_the_products_own_name_is_not_an_option_it_lacks(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        asked = "show me the corkly mat in pink"
        bot.services.nlu = WalkNLU({asked: ("show_product_details", False, _said("Corkly", "pink"))})
        jo = Shopper(bot, UserRef(1052, "Jo", language_code="en"))
        said = body(await jo.say(asked))
        assert "Pink Cork Yoga Mat" in said and "doesn't come in" not in said, said


async def test_a_question_naming_the_product_says_the_colour_it_lacks(tmp_path: Path) -> None:
    """"is the … available in red" goes to the question about a named product (community/named_question), which
    answered "I don't know that about …" and offered to ask staff."""
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        asked = "is the stanley tumbler available in red"
        bot.services.nlu = WalkNLU({asked: ("show_product_details", False, _said("Stanley", "Red"))})
        jo = Shopper(bot, UserRef(1053, "Jo", language_code="en"))
        said = body(await jo.say(asked))
        assert "doesn't come in Red" in said and "Coral" in said and "don't know" not in said, said


async def test_a_question_about_a_colour_it_has_says_yes(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        asked = "is the stanley tumbler available in coral"
        bot.services.nlu = WalkNLU({asked: ("show_product_details", False, _said("Stanley", "Coral"))})
        jo = Shopper(bot, UserRef(1054, "Jo", language_code="en"))
        said = body(await jo.say(asked))
        assert "comes in Coral" in said and "don't know" not in said, said
