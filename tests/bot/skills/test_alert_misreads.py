"""Promotion alerts change only when a message is about them, and a "don't want" turns them off (walk6-zh:
"按价格从低到高排" was answered "促销提醒已关闭" and not sorted; "不想收提醒了" turned them on)."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.subscriptions import get_subscription
from tests.helpers.bots import started_bot
from tests.helpers.community import Person, text_of
from tests.helpers.fake_nlu import DEFAULT_RULES, FakeNLU

LI = UserRef(731, "李", language_code="zh-hans")
ANN = UserRef(732, "Ann", language_code="en")
# The real model read these sort requests as "subscribe"; the keyword NLU is told to do the same.
MISREADING = FakeNLU(((r"排|提醒|from low to high|alerts", "subscribe"), *DEFAULT_RULES))


def test_a_negated_request_turns_alerts_off() -> None:
    from bot.core.skills.community.subscriptions import wanted_setting

    assert wanted_setting("不想收提醒了") is False
    assert wanted_setting("不需要促销通知") is False
    assert wanted_setting("i no longer want alerts") is False
    assert wanted_setting("推送太多了 少发点") is False
    # not wanting to miss one asks for them
    assert wanted_setting("不想错过秒杀提醒") is True
    assert wanted_setting("i don't want to miss any deals") is True


async def test_a_sort_request_misread_as_subscribe_leaves_alerts_alone(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=MISREADING) as bot:
        assert bot.services is not None
        li, ann = Person(bot, LI), Person(bot, ANN)
        for person, said in ((li, "按价格从低到高排"), (ann, "sort from low to high")):
            replies = text_of(await person.say(said))
            assert "促销提醒" not in replies and "alerts" not in replies.lower(), replies
        assert "开启" in text_of(await li.say("开始了提醒我"))
        assert "关闭" in text_of(await li.say("不想收提醒了"))
        async with bot.services.uows.read() as uow:
            assert not (await get_subscription(uow, LI.id)).subscribed


async def test_a_misread_subscribe_while_a_step_waits_is_the_steps_answer(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=MISREADING) as bot:
        li = Person(bot, LI)
        await li.say("/search")  # the search prompt waits for what to look for
        replies = text_of(await li.say("按价格从低到高排"))
        assert replies.strip() and "促销提醒" not in replies, replies
