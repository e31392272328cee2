"""A Chinese shopper served an answer that exists only in English is told so, instead of an unframed English
reply (the demo catalog's descriptions and many product entries have no Chinese text)."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.community.questions import english_only_note
from bot.core.state import Conversation
from bot.i18n import translator
from store.models.knowledge_base import AnswerSource
from tests.helpers.community import Person, community_bot, text_of
from tests.helpers.kb_builders import add_pair, seed_product

LI = UserRef(601, first_name="Li", language_code="zh")


def test_the_note_is_for_chinese_shoppers_and_english_answers_only() -> None:
    zh, en = translator("zh"), translator("en")
    described = english_only_note("Dishwasher safe.", AnswerSource.PRODUCT_DESCRIPTION, zh)
    assert described == "该商品的详情目前只有英文版本："
    assert english_only_note("Yes, 5-8 days.", AnswerSource.FAQ, zh) == "这条回答目前只有英文版本："
    assert english_only_note("可以，5-8个工作日。", AnswerSource.FAQ, zh) is None
    assert english_only_note("重量：299克", AnswerSource.PRODUCT_DESCRIPTION, zh) is None
    assert english_only_note("Dishwasher safe.", AnswerSource.PRODUCT_DESCRIPTION, en) is None


async def test_a_chinese_shopper_is_told_the_answer_is_only_in_english(tmp_path: Path) -> None:
    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        uows = bot.services.uows
        await seed_product(uows)
        await add_pair(uows, "Do you ship to Canada?", "Yes, we ship to Canada in 5-8 business days.")
        li = Person(bot, LI)
        shop = text_of(await li.say("Do you ship to Canada?"))
        assert "这条回答目前只有英文版本：" in shop and "5-8 business days" in shop
        await bot.services.states.save(LI.id, LI.id, Conversation(focus_sku="P0001-BLK"))
        product = text_of(await li.say("Is it dishwasher safe?"))
        assert "该商品的详情目前只有英文版本：" in product and "dishwasher safe" in product
