""""猫粮有吗", "有口罩吗": whether the shop has a kind of product is a search for it. The NLU was unsure ("did you mean
search or details?") or read a question for the knowledge base ("I don't know that yet"); the search lists the
kind, or says honestly the shop has nothing called that."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.shopping.availability import asked_product, asks_for_product
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


@pytest.mark.parametrize(("text", "words"), [
    ("猫粮有吗", "猫粮"), ("有猫粮吗", "猫粮"), ("猫粮有没有", "猫粮"), ("你们卖猫粮吗", "猫粮"),
    ("有卖猫粮的吗", "猫粮"),
    ("有机茶有吗", "有机茶"), ("有线耳机有没有", "有线耳机"), ("店里有扫地机器人吗", "扫地机器人"),
    ("请问有儿童绘本吗", "儿童绘本"), ("帐篷有没有？", "帐篷"), ("airpods pro还有货没", "airpods pro"),
    ("sony耳机有降噪的吗", "sony耳机 降噪"), ("跑鞋有防水的没", "跑鞋 防水"),
])
def test_the_product_asked_about(text: str, words: str) -> None:
    assert asked_product(text) == words


@pytest.mark.parametrize("text", ["有人吗", "有货吗", "有现货吗", "有优惠吗", "有发票吗", "有中文客服吗",
                                  "有别的颜色吗", "有说明书吗", "有差评吗", "有英文群吗", "耳机有优惠的吗",
                                  "有什么推荐吗", "这个有吗",
                                  "有空吗", "有便宜点的吗"])
def test_services_states_and_parts_are_no_product(text: str) -> None:
    assert asked_product(text) is None


def _parse(text: str, intent: str, fallback: bool, *entities: ParsedEntity) -> ParseResult:
    top = IntentScore(intent, 0.4 if fallback else 0.95)
    return ParseResult(text=text, intent=top, intent_ranking=(top,), is_fallback=fallback, entities=entities)


def test_only_readings_that_did_not_search_it() -> None:
    assert asks_for_product(_parse("猫粮有吗", "search_product", True), "猫粮有吗", None)
    assert asks_for_product(_parse("有口罩吗", "ask_question", False), "有口罩吗", None)
    assert not asks_for_product(_parse("有猫粮吗", "search_product", False), "有猫粮吗", None)  # the search's own
    assert not asks_for_product(_parse("有说明书吗", "ask_question", False), "有说明书吗", "P01")
    assert not asks_for_product(_parse("有M码吗", "search_product", True, ParsedEntity("size", "M", 1, 2)), "有M码吗",
                                None)
    assert not asks_for_product(_parse("有口罩吗", "ask_question", False), "有口罩吗", "P01")  # about the one open


async def test_do_you_have_is_a_search(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        none = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({"帐篷有吗": ("search_product", True, none),
                                    "有口罩吗": ("ask_question", False, none)})
        li = Shopper(bot, LI)
        said = body(await li.say("帐篷有吗"))
        assert "双人露营帐篷" in said and "哪一项" not in said, said
        # (with the tent open, "有X吗" may ask whether it comes with one: it stays a question about it)
        said = body(await Shopper(bot, UserRef(LI.id + 50, "Wu", language_code="zh")).say("有口罩吗"))
        assert "口罩" in said and "我还不知道" not in said and "这个问题" not in said, said
