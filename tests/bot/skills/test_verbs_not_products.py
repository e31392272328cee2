"""Verbs and fillers around a request are never a product to look for (walk 3, Chinese shoppers): the NLU read
"加一个", "加购", "加购物车" as add_to_cart and the handler searched what was left ("店里没有找到“加”"); "有别的颜色吗"
searched "有别 颜色吗"; "算了 那我等着吧" searched "我等着吧"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.core.skills.shopping.targets import leftover_words
from nlu.result import ParsedEntity
from tests.bot.skills.test_list_followups import LI, body
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot

_COUNTS = {"一": 1, "两": 2, "三": 3}


class ChineseVerbNLU(ShoppingNLU):
    """The shopping fake, reading these messages as the model does (add, details, deny) with "一个" a quantity."""

    def __init__(self) -> None:
        super().__init__()
        self.rules[:0] = [(re.compile(pattern), intent) for pattern, intent in (
            (r"^算了", "deny"), (r"^(那)?(再)?(加|来|抢)|^加购|我等着", "add_to_cart"),
            (r"颜色", "show_product_details"))]

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found = list(super()._entities(text, context))
        for m in re.finditer(r"([一两三])[个件]", text):
            found.append(ParsedEntity("quantity", _COUNTS[m.group(1)], m.start(), m.end()))
        return tuple(found)


@pytest.mark.parametrize(("text", "left"), [
    ("加购", ""), ("加购物车", ""), ("那再加一个", ""), ("有别的颜色吗", ""), ("还有其他颜色吗", ""),
    ("抢两个", ""), ("来两个", ""), ("加一个加湿器", "加湿器"), ("加湿器", "加湿器"), ("呢子大衣", "呢子大衣"),
])
def test_verbs_and_question_words_are_not_product_words(text: str, left: str) -> None:
    assert leftover_words(text, None, drop_options=True) == left


async def test_add_words_alone_add_the_product_open_or_ask_which(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = ChineseVerbNLU()  # type: ignore[union-attr]
        li = Shopper(bot, LI)
        await li.say("running shoes")
        for text in ("加一个", "加购", "加购物车"):
            asked = body(await li.say(text))
            assert "没有找到" not in asked and "哪一件" in asked, (text, asked)
        await li.say("/start p_P01")  # the red mug: one option
        added = body(await li.say("那再加一个"))
        assert "没有找到" not in added and "红色陶瓷咖啡马克杯" in added and "已将 1 件" in added, added


async def test_other_colours_of_the_product_open_are_listed(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = ChineseVerbNLU()  # type: ignore[union-attr]
        li = Shopper(bot, LI)
        await li.say("running shoes")
        several = body(await li.say("有别的颜色吗"))
        # several shown, none open: each one's colours, then which one (option_followups._options_of_shown)
        assert "没有找到" not in several and "颜色：" in several and "哪一" in several, several
        await li.say("/start p_P05")  # the men's running shoes: black and blue
        colours = body(await li.say("有别的颜色吗"))
        assert "颜色：" in colours and "黑色" in colours and "蓝色" in colours, colours


async def test_a_no_before_words_that_name_nothing_is_a_no(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = ChineseVerbNLU()  # type: ignore[union-attr]
        li = Shopper(bot, LI)
        said = body(await li.say("算了 那我等着吧"))
        assert "没有找到" not in said and "好的" in said, said
        alone = body(await li.say("那我等着吧"))  # an add reading with nothing to add, and no add word: ask
        assert "没有找到" not in alone and "抱歉" in alone, alone
        missing = body(await li.say("加一个飞行汽车"))  # asked to add something the shop doesn't have: say so
        assert "没有找到" in missing, missing
