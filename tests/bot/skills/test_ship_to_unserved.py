""""ship to moscow?" is answered with what the shop does: it ships to a list of countries, and Russia is not on it.

The Q&A asked the question without the city (regions.py), and "ship?" matched "Where do you ship from?" ("We are a
US shop based in Seattle…"): neither yes nor no. "do you ship to russia?" found the destinations entry, which does
not list Russia, and was left unanswered ("I don't know the answer to that yet"), though the list says where the
shop ships. Now a bare "ship to <city>" is asked about its country, and a country the list lacks gets "we don't
ship to Russia" with the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from knowledge.qa.importer import load_demo_faq
from nlu.result import ParsedEntity
from store.demo.loader import load_demo
from tests.bot.skills.test_shopping_wording import ANN
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.bots import started_bot
from tests.helpers.community import text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import real_use_encoder
from tests.helpers.shopping import Shopper


def _none(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    return ()


@pytest.mark.model
async def test_shipping_to_a_place_is_answered_yes_or_no(tmp_path: Path) -> None:
    asked = ("ship to moscow?", "do you ship to brazil?", "ship to texas?")
    async with started_bot(tmp_path, nlu=WalkNLU({q: ("ask_question", False, _none) for q in asked})) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())

        ann = Shopper(bot, ANN)
        said = text_of(await ann.say("ship to moscow?"))
        assert "don't ship to Russia" in said and "Canada" in said and "Seattle" not in said, said
        said = text_of(await ann.say("do you ship to brazil?"))
        assert "don't ship to Brazil" in said and "don't know" not in said, said
        said = text_of(await ann.say("ship to texas?"))
        assert "Within the US" in said or "50 US states" in said, said
        assert "don't ship" not in said and "don't know" not in said, said
