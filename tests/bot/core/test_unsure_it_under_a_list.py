"""An unsure question about "it" with several products shown and none open asks which one: "what is it made of"
under four yoga mats (details 0.50, unsure) got "Sorry, I didn't catch that" with the main menu, while "how thick is
it" (a sure question) right before asked "Which one do you mean?". The phrasings are this file's own; the readings
are the real model's."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import Shopper, shop_bot


async def test_an_unsure_question_about_it_under_a_list_asks_which(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        it = lambda text, ctx: (ParsedEntity("reference", "it", 8, 10, resolved=False),)  # noqa: E731
        bot.services.nlu = WalkNLU({"what is it made of": ("show_product_details", True, it)})
        jo = Shopper(bot, UserRef(1030, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        assert "Blue Enamel Camping Mug" in shown and "Red Ceramic" in shown, shown
        said = body(await jo.say("what is it made of"))
        assert "which one" in said.lower() and "didn't catch" not in said, said
