""""which is thicker?" under two yoga mats (4 mm and 6 mm, both in their listings) answered "I don't know that about
<the first mat> yet": no aspect had the words thick/thicker/thin, so the question went to the Q&A about one mat.
Thickness is an aspect of its own (the ``thickness_mm`` attribute, or "6 mm" in the title), and the mats shown
are compared on it."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.aspects import aspect_asked
from bot.core.state import Conversation
from tests.bot.skills.test_shown_questions import _product
from tests.helpers.bots import started_bot
from tests.helpers.community import COMMUNITY_RULES, Person, text_of
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.kb_builders import start_qa

JO = UserRef(805, "Jo", language_code="en")


def test_thickness_words_ask_the_thickness() -> None:
    for text in ("which is thicker?", "which one is the thickest", "which is thinner", "how thick is it"):
        aspect = aspect_asked(text)
        assert aspect is not None and "thickness_mm" in aspect.keys, text


async def test_which_mat_is_thicker(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(COMMUNITY_RULES)) as bot:
        assert bot.services is not None
        await _product(bot, "M1", "Gaia PU Yoga Mat, 4 mm", 7195, attributes={"thickness_mm": 4})
        await _product(bot, "M2", "Mandu Rubber Yoga Mat, 6 mm", 11695, attributes={"thickness_mm": 6})
        bot.services.qa = await start_qa(bot.services.uows)
        await bot.services.states.save(JO.id, JO.id, Conversation(last_results=["M1", "M2"]))
        said = text_of(await Person(bot, JO).say("which is thicker?"))
        assert "Mandu Rubber Yoga Mat" in said.split("\n")[0] and "don't know" not in said, said
