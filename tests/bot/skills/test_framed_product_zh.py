""""红米note13pro多少钱", "帮我看看狗窝", "香薰蜡烛怎么样": a product's name inside a Chinese request or question
is a search for it. The NLU was unsure ("did you mean search or a question?") or read it as off topic ("didn't
catch that"), and the named question answered "香薰蜡烛怎么样" from one candle's description."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.events import UserRef
from bot.core.skills.shopping.framed_product import framed_product, frames_a_product
from knowledge.search.kind_absent import asked_kind
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


@pytest.mark.parametrize(("text", "words"), [
    ("红米note13pro多少钱", "红米note13pro"), ("狗窝多少钱一个", "狗窝"), ("咖啡机什么价", "咖啡机"),
    ("香薰蜡烛价格", "香薰蜡烛"), ("iphone 15 pro多少钱", "iphone 15 pro"),
    ("帮我看看狗窝", "狗窝"), ("我想看看羽绒服", "羽绒服"), ("推荐几款跑鞋", "跑鞋"), ("看一下帐篷", "帐篷"),
    ("香薰蜡烛怎么样", "香薰蜡烛"), ("蓝牙耳机好不好用", "蓝牙耳机"), ("蓝牙耳机好用吗？", "蓝牙耳机"),
    ("帐篷值得买吗", "帐篷"),
])
def test_the_product_in_the_frame(text: str, words: str) -> None:
    assert framed_product(text) == words


def test_words_the_nlu_read_as_a_product_count_as_one() -> None:
    """jieba does not read 瑜伽垫 as one noun; the NLU's product entity does."""
    mat = ParseResult(text="给我找找瑜伽垫", intent=IntentScore("out_of_scope", 0.4), is_fallback=True,
                      entities=(ParsedEntity("product", "瑜伽垫", 4, 7),))
    assert framed_product("给我找找瑜伽垫", mat) == "瑜伽垫"


@pytest.mark.parametrize("text", [
    "这个多少钱", "第一个怎么样", "它怎么样", "运费多少钱", "物流怎么样", "质量怎么样", "你们店怎么样", "电池怎么样",
    "惠普那台电池怎么样", "一共多少钱", "看看购物车", "帮我查一下订单", "看一下优惠券", "最近怎么样", "今天天气怎么样",
])
def test_the_open_one_the_shop_and_its_services_are_no_product(text: str) -> None:
    assert framed_product(text) is None


def test_a_model_code_after_a_line_name_is_no_kind_the_shop_lacks() -> None:
    """"红米note13pro": 红米 is the phone's line, not a kind ("暂时没有红米" above the Redmi Note 13 Pro)."""
    assert asked_kind("红米note13pro") is None and asked_kind("华为p60 pro") is None
    assert asked_kind("sony耳机") is not None and asked_kind("4k电视") is not None


def _parse(text: str, intent: str, fallback: bool) -> ParseResult:
    top = IntentScore(intent, 0.4 if fallback else 0.95)
    return ParseResult(text=text, intent=top, intent_ranking=(top,), is_fallback=fallback)


def test_a_sure_search_is_the_search_intents_own() -> None:
    assert frames_a_product(_parse("帐篷多少钱", "ask_question", True), "帐篷多少钱")
    assert frames_a_product(_parse("帮我看看帐篷", "out_of_scope", False), "帮我看看帐篷")
    assert not frames_a_product(_parse("帮我看看帐篷", "search_product", False), "帮我看看帐篷")


async def test_a_framed_product_is_searched(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        none = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({"香薰蜡烛怎么样": ("out_of_scope", True, none),
                                    "帮我看看帐篷": ("out_of_scope", True, none),
                                    "帐篷多少钱": ("ask_question", True, none)})
        for n, text in enumerate(("香薰蜡烛怎么样", "帮我看看帐篷", "帐篷多少钱")):
            said = body(await Shopper(bot, UserRef(LI.id + 60 + n, "Wu", language_code="zh")).say(text))
            product = "香薰大豆蜡烛" if "蜡烛" in text else "双人露营帐篷"
            assert product in said and "$" in said, said
            assert "哪一项" not in said and "没听明白" not in said and "来自商品描述" not in said, said


async def test_a_name_on_screen_is_left_to_the_named_question(tmp_path: Path) -> None:
    """"帐篷怎么样" with tents listed: about the tent on screen (named question), not a new search."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        none: Any = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({"帐篷怎么样": ("out_of_scope", True, none)})
        li = Shopper(bot, UserRef(LI.id + 70, "Wu", language_code="zh"))
        await li.say("camping tent")
        said = body(await li.say("帐篷怎么样"))
        assert "$119.99" not in said and "加入购物车" not in said, said  # an answer about it, not its listing again
