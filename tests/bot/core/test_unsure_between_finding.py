"""Unsure only between two ways of finding products, the bot finds them instead of asking which:
"适合5岁孩子的玩具" (recommend 0.39, search 0.35 by the real model) got "抱歉，我不太确定您的意思" with [为我推荐]
[搜索商品], two buttons that do the same for the shopper. The phrasings are this file's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.clarify import both_find_products
from bot.core.events import UserRef
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot


def _unsure(text: str, first: str, second: str) -> ParseResult:
    ranking = (IntentScore(first, 0.39), IntentScore(second, 0.35))
    return ParseResult(text=text, intent=ranking[0], intent_ranking=ranking, is_fallback=True,
                       entities=(ParsedEntity("category", "toys", 0, 2),), language="zh")


def test_only_two_ways_of_finding_products_count() -> None:
    assert both_find_products(_unsure("x", "recommend", "search_product"))
    assert both_find_products(_unsure("x", "search_product", "recommend"))
    assert not both_find_products(_unsure("x", "search_product", "add_to_cart"))
    assert not both_find_products(_unsure("x", "ask_question", "search_product"))


class _UnsureNLU(ShoppingNLU):
    async def parse(self, text: str, context: Any = None, vector: Any = None) -> ParseResult:
        if text == "适合5岁孩子的积木":
            return _unsure(text, "recommend", "search_product")
        return await super().parse(text, context, vector)


async def test_unsure_between_finding_products_finds_them(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _UnsureNLU()
        said = body(await Shopper(bot, UserRef(995, "Wu", language_code="zh")).say("适合5岁孩子的积木"))
        assert "不太确定" not in said and "$" in said, said  # products (which ones is the search's business)
