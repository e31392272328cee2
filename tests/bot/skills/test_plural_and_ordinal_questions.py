"""Questions about several products shown, or about one by its place in the list (walk s10, English):

- "do you have them in white" after three earbuds got a staff answer about a mug's size: "them" resolves to all
  the SKUs shown, joined by commas, and that joined value was taken for one product's SKU (the Q&A found no such
  product and answered shop-wide). Several products asked about narrow the list to the option, like "any in white?".
- "how big is the first one" was answered about the first mug, and the next "is it dishwasher safe" asked "which
  one do you mean?": the product a question named by its place did not become the one talked about.

The phrasings are this file's own; the readings are the real model's (details with a plural reference and a colour;
a question with an ordinal reference, then one with "it")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.community.question_scope import product_key
from bot.core.state import Conversation
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import Shopper, shop_bot


def _them_in_red(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    shown = ",".join(ctx.last_results) if ctx is not None else ""
    start = text.index("them")
    return (ParsedEntity("reference", shown, start, start + 4),
            ParsedEntity("color", "Red", text.index("red"), text.index("red") + 3))


def _first(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    start = text.index("the first one")
    return (ParsedEntity("reference", ctx.last_results[0], start, start + 13, ordinal=1),)


def test_several_products_are_no_one_products_key() -> None:
    parse = ParseResult(text="are they dishwasher safe", intent=IntentScore("ask_question", 0.9),
                        entities=(ParsedEntity("reference", "P01,P02", 4, 8),))
    assert product_key("are they dishwasher safe", Conversation(last_results=["P01", "P02"]), parse) is None


async def test_them_in_a_colour_narrows_the_list(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"do you have them in red": ("show_product_details", False, _them_in_red)})
        jo = Shopper(bot, UserRef(990, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        assert "Blue Enamel Camping Mug" in shown, shown
        said = body(await jo.say("do you have them in red"))
        assert "Red Ceramic Coffee Mug" in said and "Blue Enamel" not in said, said


async def test_a_product_asked_about_by_its_place_is_the_one_talked_about(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        it = lambda text, ctx: (ParsedEntity("reference", "it", 3, 5, resolved=False),)  # noqa: E731
        bot.services.nlu = WalkNLU({"how big is the first one": ("ask_question", True, _first),
                                    "is it dishwasher safe": ("ask_question", False, it)})
        jo = Shopper(bot, UserRef(991, "Jo", language_code="en"))
        await jo.say("mug")
        await jo.say("how big is the first one")
        said = body(await jo.say("is it dishwasher safe"))
        assert "which one" not in said.lower(), said
