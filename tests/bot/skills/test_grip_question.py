""""is the manduka non slip?" answered "I don't know that about <the mat> yet" while its listing says "with grip that
improves as you sweat": no aspect had non-slip/grip words, and the Q&A found no sentence close enough. Grip is an
aspect whose answer is the listing's sentences about grip or slipping."""

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

JO = UserRef(806, "Jo", language_code="en")
MAT = ("A 6 mm natural rubber yoga mat measuring 183 x 61 cm, with grip that improves as you sweat. Cushioned for "
       "knees in pilates. Wipe with a mild soap-and-water spray after practice.")


def test_slipping_words_ask_the_grip() -> None:
    for text in ("is it non slip?", "is it slippery", "does it have good grip", "anti-slip?", "防滑吗"):
        aspect = aspect_asked(text)
        assert aspect is not None and aspect.name == "grip", text


async def test_a_non_slip_question_quotes_the_grip(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(COMMUNITY_RULES)) as bot:
        assert bot.services is not None
        await _product(bot, "M2", "Mandu Rubber Yoga Mat, 6 mm", 11695, description=MAT)
        bot.services.qa = await start_qa(bot.services.uows)
        await bot.services.states.save(JO.id, JO.id, Conversation(focus_sku="M2", last_results=["M2"]))
        said = text_of(await Person(bot, JO).say("is it non slip?"))
        assert "grip that improves as you sweat" in said and "don't know" not in said, said
        assert "Wipe" not in said, said
