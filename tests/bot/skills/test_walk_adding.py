"""Adding, as English shoppers typed it in a walk of the real stack: a bare shoe size ("size 10" for "US 10"),
a typo of "add" ("ad to cart"), and a superlative over the results on screen ("add the cheapest")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.skills.shopping.targets import leftover_words
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

TRAINERS = FixtureProduct("P31", "Road Trainers", "公路跑鞋", "Shoes > Running", "Pacer", 12999, ("Blue", "Black"),
                          ("US 9", "US 10", "US 11"))


async def _more(uows: Any) -> None:
    await seed_fixture(uows, (TRAINERS,))


def _size_10(text: str, context: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("10")
    return (ParsedEntity("size", "10", at, at + 2),)


async def test_a_bare_size_number_is_that_size_of_the_products_system(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"add it in blue size 10": ("add_to_cart", False, lambda text, ctx: (
            ParsedEntity("reference", ctx.focus, 4, 6), ParsedEntity("color", "Blue", 10, 14),
            *_size_10(text, ctx)))})
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P31")
        said = body(await ann.say("add it in blue size 10"))
        # it answered "doesn't come in Blue / 10. Available: … Blue / US 10"
        assert "doesn" not in said and "Added 1 × " in said and "US 10" in said, said


def test_a_typo_of_add_is_no_product_word() -> None:
    assert leftover_words("ad to cart", None) == ""
    assert leftover_words("addd the mug", None) == "mug"


async def test_add_the_cheapest_picks_among_the_results_on_screen(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        ann = Shopper(bot, ANN)
        await ann.say("mug")
        state = await bot.services.states.load(ANN.id, ANN.id)
        assert len(state.last_results) > 1
        said = body(await ann.say("add the cheapest"))
        # "I couldn't find “cheapest” in the shop"
        assert "couldn" not in said and "Added 1 × " in said and "Blue Enamel Camping Mug" in said, said
        said = body(await ann.say("add the most expensive one"))
        assert "Added 1 × " in said and "Blue Enamel Camping Mug" not in said, said
