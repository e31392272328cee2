""""安全吗" (is it safe?) under a list of toys got the FAQ about paying by card: the question named nothing, so its
word "安全" was taken for a product's name (a safety gate's), the question became about that product and the
nearest entry, the card-payment FAQ, answered it. A bare safety question with products on screen is about them:
which one, with several shown; the product's own listing, with one open. Paying safely ("刷卡安全吗") is still the
shop's question. The readings are the real model's (ask_question, nothing tagged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.community.question_scope import shop_wide
from bot.core.skills.shopping.aspects import aspect_asked
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

LI = UserRef(881, "李", language_code="zh-hans")
_GATE = FixtureProduct("P45", "Baby Safety Gate", "婴儿安全门栏", "Baby > Safety", "Guard", 4999, ("White",))


async def _gate(uows: Any) -> None:
    await seed_fixture(uows, (_GATE,))


def _nothing(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    return ()


_ASK = ("ask_question", False, _nothing)


def test_safety_is_asked_of_a_product_and_paying_is_the_shops() -> None:
    for text in ("安全吗", "is it safe?", "对小孩安全吗", "有毒吗"):
        assert aspect_asked(text) is not None, text
    for text in ("刷卡安全吗", "付款安全吗", "is it safe to pay by card", "用信用卡安全吗"):
        assert shop_wide(text), text


async def test_a_bare_safety_question_under_a_list_asks_which_one(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_gate) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"安全吗": _ASK, "刷卡安全吗": _ASK})
        li = Shopper(bot, LI)
        shown = body(await li.say("mug"))
        assert shown.count("<b>") > 1 and "安全门栏" not in shown, shown
        said = body(await li.say("安全吗"))
        assert "哪" in said and "安全门栏" not in said, said
        paying = body(await li.say("刷卡安全吗"))
        assert "哪一" not in paying and "安全门栏" not in paying, paying


async def test_a_bare_safety_question_with_one_open_is_about_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_gate) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"安全吗": _ASK})
        li = Shopper(bot, LI)
        await li.say("/start p_P01")
        said = body(await li.say("安全吗"))
        assert "马克杯" in said and "安全门栏" not in said, said
