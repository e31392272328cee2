"""Session 11's English walk (helper en2): free English from shoppers, with the real model, encoder and demo FAQ."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from knowledge.qa.importer import load_demo_faq
from nlu.pipeline import BuiltinNLU
from store.demo.loader import load_demo
from tests.helpers.bots import started_bot
from tests.helpers.community import text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


async def test_a_damaged_parcel_without_orders_gets_the_faq_answer(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    # "my package arrived damaged" with no orders got "You have no orders to track yet": the FAQ says what to do.
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        replies = await Shopper(bot, UserRef(1101, "Ann", language_code="en")).say("my package arrived damaged")
        said = text_of(replies)
        assert "within 7 days of delivery" in said and "no orders to track" not in said, said
        assert "Talk to a person" in str(replies), replies
