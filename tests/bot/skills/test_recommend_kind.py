""""Recommend a good mug" recommends mugs (best rated first), not the shop's best sellers: a recommendation
request that names a kind of product, a category or a brand is scoped to it; one that names nothing still
gets the history-based picks or the best sellers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import ANN, LI, body, titles
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot

_PRODUCT = re.compile(r"\b(mugs?|yoga mat)\b|马克杯")


class _ProductWordsNLU(ShoppingNLU):
    """Tags product words the way the real NLU's ``product`` entity does."""

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found = list(super()._entities(text, context))
        if (m := _PRODUCT.search(text)) is not None:
            found.append(ParsedEntity("product", m.group(0), m.start(), m.end()))
        return tuple(found)


async def test_a_named_kind_is_recommended_best_rated_first(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _ProductWordsNLU()
        replies = await Shopper(bot, ANN).say("recommend a good mug")
        shown = titles(replies)
        assert shown and all("Mug" in title for title in shown), shown
        assert "best rated first" in body(replies) and "best sellers right now" not in body(replies)


async def test_popular_asks_for_best_sellers_of_that_kind_in_chinese(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _ProductWordsNLU()
        replies = await Shopper(bot, LI).say("推荐最畅销的马克杯")
        assert "马克杯" in body(replies) and "销量" in body(replies)


async def test_nothing_named_keeps_the_general_recommendations(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _ProductWordsNLU()
        replies = await Shopper(bot, ANN).say("what do you recommend")
        assert "Here are our best sellers right now" in body(replies)
