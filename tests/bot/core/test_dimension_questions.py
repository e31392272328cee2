"""Dimension questions about "it" are product questions (team walk, session 10): "how long is it" under a list of
backpacks, read as out_of_scope, got "I'm a shop assistant, so I can't help with that one", while "how big is the
first one" was answered from the listing. "how long / wide / tall / deep is it" and "the dimensions" now ask about
the product's size: which one, with several shown; the listing's figures, with one open. The phrasings are this
file's own."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.aspects import aspect_asked
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import Shopper, shop_bot


def _name(text: str) -> str | None:
    aspect = aspect_asked(text)
    return aspect.name if aspect is not None else None


def test_dimension_words_ask_about_size() -> None:
    for said in ("how long is it", "how wide are they", "How tall is the second one?", "what are the dimensions",
                 "这个多高", "尺寸是多少"):
        assert _name(said) == "dimensions", said
    assert _name("how heavy is it") == "weight"
    assert _name("how big is it") == "capacity"
    for said in ("how long is shipping", "how long is the warranty", "how long is delivery to texas",
                 "充电要多长时间"):
        assert _name(said) != "dimensions", said


async def test_how_long_is_it_under_a_list_asks_which_one(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        it = lambda text, ctx: (ParsedEntity("reference", "it", 12, 14, resolved=False),)  # noqa: E731
        bot.services.nlu = WalkNLU({"how long is it": ("out_of_scope", False, it)})
        jo = Shopper(bot, UserRef(1031, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        assert "Blue Enamel Camping Mug" in shown and "Red Ceramic" in shown, shown
        said = body(await jo.say("how long is it"))
        assert "which one" in said.lower() and "shop assistant" not in said, said


async def test_how_wide_are_they_under_a_list_is_not_a_search(tmp_path: Path) -> None:
    """"how wide are they" under yoga mats (details, no entity for "they") searched "wide they": "I couldn't find
    “wide they” in the shop"."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"how wide are they": ("show_product_details", False, lambda text, ctx: ())})
        jo = Shopper(bot, UserRef(1032, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        assert "Blue Enamel Camping Mug" in shown and "Red Ceramic" in shown, shown
        said = body(await jo.say("how wide are they"))
        assert "couldn't find" not in said and "which one" in said.lower(), said
