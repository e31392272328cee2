"""A Chinese greeting before a request is read without it ("你好，有蓝牙耳机吗" searched for "你好，有蓝牙耳机",
"哈喽 我想买双跑鞋" got "not sure what you mean"), and the two greeting patterns (have_asked's and greeting_lead's,
which differed on "hi~") are one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.greeting_lead import without_greeting
from bot.core.skills.shopping.asked_words import product_words
from bot.core.skills.shopping.have_asked import asked_product
from tests.bot.skills.test_shopping_wording import LI, body
from tests.helpers.shopping import Shopper, shop_bot


@pytest.mark.parametrize(("said", "read"), [
    ("你好，有蓝牙耳机吗", "有蓝牙耳机吗"), ("哈喽 我想买双跑鞋", "我想买双跑鞋"),
    ("在吗？想看看羽绒服", "想看看羽绒服"), ("你好有蓝牙耳机吗", "有蓝牙耳机吗"), ("您好~请问有帐篷吗", "请问有帐篷吗"),
    ("亲亲在吗，有没有瑜伽垫", "有没有瑜伽垫"), ("老板在吗？有货吗", "有货吗"), ("客服你好，我想退货", "我想退货"),
    ("嗨，推荐一款耳机", "推荐一款耳机"), ("谢谢，帮我加到购物车", "帮我加到购物车"),
    ("你好呀~有没有猫粮", "有没有猫粮"),
    ("hi~ do you have yoga mats", "do you have yoga mats"),
])
def test_a_chinese_greeting_before_a_request_is_read_without_it(said: str, read: str) -> None:
    assert without_greeting(said) == read


@pytest.mark.parametrize("said", ["你好", "在吗", "你好！", "你好看吗", "你好，有吗", "客服电话多少", "亲子装有吗",
                                  "嗨皮的衣服", "感谢信", "yo-yo toy", "hello kitty backpack"])
def test_a_greeting_alone_or_a_word_that_starts_like_one_is_left_as_typed(said: str) -> None:
    assert without_greeting(said) == said


@pytest.mark.parametrize("said", ["hi~ do you have yoga mats", "hey there~ do u have yoga mats",
                                  "hello!! do you sell yoga mats", "good morning - do you have yoga mats",
                                  "你好~ do you have yoga mats"])
def test_both_readers_take_the_same_greetings(said: str) -> None:
    """have_asked had its own pattern, which took "hi~" where greeting_lead did not: one definition now."""
    assert asked_product(said) == "yoga mats"
    assert asked_product(without_greeting(said)) == "yoga mats"
    assert without_greeting(said) != said


def test_how_the_request_after_the_greeting_asks_is_not_searched() -> None:
    assert product_words("想看看羽绒服") == "羽绒服"
    assert product_words("我想买一双跑鞋") == "跑鞋"


def test_a_measure_word_after_buying_is_not_searched() -> None:
    """"哈喽 我想买双跑鞋" searched "双跑鞋" and said the shop had none of it above the running shoes."""
    assert product_words("我想买双跑鞋") == "跑鞋" and product_words("我要件外套") == "外套"
    assert product_words("我想买双肩包") == "双肩包" and product_words("想买双人床") == "双人床"


async def test_a_greeting_then_a_request_searches_the_product(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        said = body(await Shopper(bot, UserRef(LI.id + 80, "Wu", language_code="zh")).say("你好，有帐篷吗"))
        assert "双人露营帐篷" in said and "你好" not in said, said
