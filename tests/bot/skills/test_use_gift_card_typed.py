""""我想用礼品卡" / "use my gift card": the shopper holds a gift card and is asked for its code.

Before: the NLU read "我想用礼品卡" as a search and the shopper saw four gift cards to buy ("“我想用礼品卡”共 14 件").
Buying one ("我想买礼品卡") or asking how they work ("礼品卡怎么用") is still not this."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


def _searched(text: str, ctx: object) -> tuple[ParsedEntity, ...]:
    return (ParsedEntity("product", text, 0, len(text)),)


@pytest.mark.parametrize(("text", "lang", "expected"), [("我想用礼品卡", "zh", "礼品卡"),
                                                        ("用礼品卡付款", "zh", "礼品卡"),
                                                        ("I want to use my gift card", "en", "gift card code")])
async def test_using_a_gift_card_asks_for_its_code(tmp_path: Path, text: str, lang: str, expected: str) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({text: ("search_product", False, _searched)})
        said = body(await Shopper(bot, UserRef(9801, "Li", language_code=lang)).say(text))
        assert "GC-XXXX" in said and expected in said, said
