"""Shop questions and support hand-offs the NLU reads as another action (walk 4): the hours asked as a greeting
or in texting, the pickup counter, a coupon code asked about rather than applied, a language group, a phone
number, a detail for a ticket that just opened, a problem with a bought item, a parcel with no order found, and
short product phrases read as a request for a person or as feedback.

The phrasings are this file's own variants; the second part runs the real model, encoder and demo FAQ.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.replies import Reply
from bot.core.skills.community.bought_problems import is_bought_item_problem
from bot.core.skills.community.groups import asked_language
from bot.core.skills.community.policy_questions import is_policy_question
from bot.core.skills.community.ticket_guards import names_a_person
from knowledge.qa.importer import load_demo_faq
from nlu.pipeline import BuiltinNLU
from store.demo.loader import load_demo
from tests.helpers.bots import started_bot
from tests.helpers.community import buttons_of, text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper

ANN = UserRef(561, "Ann", language_code="en")
LI = UserRef(562, "李", language_code="zh-hans")


@pytest.mark.parametrize("text", ["r u open on saturdays?", "what time does the store open", "你们是真人吧",
                                  "客服邮箱是多少"])
def test_open_tag_and_texting_questions_count_where_the_nlu_found_no_action(text: str) -> None:
    assert is_policy_question(text, None, loose=True)


@pytest.mark.parametrize("text", ["有人吗", "hi", "加入购物车吧", "do u have any deals"])
def test_greetings_requests_and_lists_do_not(text: str) -> None:
    assert not is_policy_question(text, None, loose=True)


def test_a_size_is_not_a_person() -> None:
    assert not names_a_person("4 person") and not names_a_person("two-person") and not names_a_person("双人")
    assert names_a_person("person please") and names_a_person("转人工") and names_a_person("get me someone")


def test_bought_item_problems_and_group_languages() -> None:
    assert is_bought_item_problem("the speaker i bought stopped working") and is_bought_item_problem("买的水壶漏水")
    assert not is_bought_item_problem("wireless headphones") and not is_bought_item_problem("想买个耳机")
    assert asked_language("do you have a mandarin group?") == "zh" and asked_language("有英文群吗") == "en"
    assert asked_language("any groups?") is None


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


def _labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for b in buttons_of(r)]


async def test_real_model_shop_questions_and_support(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)

        hours = await ann.say("r u open on sundays?")
        assert "Sunday" in text_of(hours) and "can't help" not in text_of(hours), text_of(hours)
        pickup = await ann.say("when does the pickup counter open")
        assert "88 Pine Street" in text_of(pickup) or "10:00-19:00" in text_of(pickup), text_of(pickup)
        coupon = await ann.say("can i use SAVE5 together with the flash sale")
        assert "cart is empty" not in text_of(coupon) and "Yes" in text_of(coupon), text_of(coupon)
        weekend = await li.say("周六有人吗")
        assert "周六" in text_of(weekend) and "今天想买点什么" not in text_of(weekend), text_of(weekend)
        flash = await li.say("秒杀商品可以用优惠券吗")
        assert "可以" in text_of(flash) and "两张" not in text_of(flash), text_of(flash)
        bot_q = await li.say("你是机器人吧")
        assert "购物助手" in text_of(bot_q), text_of(bot_q)
        phone = await li.say("客服电话是多少")
        assert "没有电话客服" in text_of(phone) and "已为您创建工单" not in text_of(phone), text_of(phone)

        broken = await li.say("前几天买的音箱有杂音")
        assert "🛒 加入购物车" not in _labels(broken) and "🙋 转人工客服" in _labels(broken), text_of(broken)
        parcel = await li.say("我的快递一直没到")
        assert "🙋 转人工客服" in _labels(parcel), text_of(parcel)

        await ann.say("I need to talk to a human")
        detail = await ann.say("it's about order SB12345")
        assert "Added to ticket" in text_of(detail), text_of(detail)
