"""A word of two kinds with a brand named: "斯坦利水壶" (水壶 is both a kettle and a water bottle) finds the brand's
water bottle.

Before: the catalogue uses 水壶 (电热水壶), so it was not searched under its other names, and the shopper read
"Stanley 没有符合您要求的商品" above two electric kettles although Stanley has a sports bottle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.text.synonyms import expansions
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


def _brand(value: str, word: str) -> Any:
    return lambda text, ctx: (ParsedEntity("brand", value, text.index(word), text.index(word) + len(word)),
                              ParsedEntity("product", "水壶", text.index("水壶"), text.index("水壶") + 2))


def test_a_name_of_two_kinds_is_expanded_only_with_a_brand() -> None:
    known = lambda word: True  # noqa: E731 - the catalogue uses every word
    assert "水杯" in expansions("水壶", ["水壶"], known, senses=True)
    assert expansions("水壶", ["水壶"], known) == []
    assert expansions("马克杯", ["马克杯"], known, senses=True) == []  # one kind only


async def test_brand_and_a_word_of_two_kinds_finds_the_brands_bottle(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"Trailco水壶": ("search_product", False, _brand("trailco", "Trailco"))})
        said = body(await Shopper(bot, LI).say("Trailco水壶"))
        assert "不锈钢保温水瓶" in said and "没有符合" not in said, said
