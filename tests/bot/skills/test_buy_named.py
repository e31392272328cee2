""""就要美的的吧" (read as checkout, with the Midea brand) with the Midea on screen: the Midea goes into the cart,
not "your cart is empty"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.skills.shopping.buy_in_view import says_buy
from bot.core.skills.shopping.buy_named import name_as_pronoun
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_add_units_cheaper import LI
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.bot.test_typed_contractions import COOKER
from tests.helpers.search_catalog import seed_fixture
from tests.helpers.shopping import Shopper, shop_bot


def _checkout(text: str, name: str) -> ParseResult:
    at = text.index(name)
    top = IntentScore("checkout", 0.9)
    return ParseResult(text=text, intent=top, intent_ranking=(top,), is_fallback=False,
                       entities=(ParsedEntity("brand", "midea", at, at + len(name)),))


def test_a_buy_with_a_name_is_a_buy_of_that_one() -> None:
    for text, name in (("就要美的的吧", "美的"), ("要美的那个吧", "美的"), ("那就买美的吧", "美的"),
                       ("ok i'll take the midea", "midea"), ("i'll buy the midea one", "midea")):
        said = name_as_pronoun(text, _checkout(text, name))
        assert said is not None and says_buy(said), (text, said)
    for text, name in (("要美的的说明书吗", "美的"), ("checkout the midea", "midea")):
        said = name_as_pronoun(text, _checkout(text, name))
        assert said is None or not says_buy(said), (text, said)


def _brand(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("美的")
    return (ParsedEntity("brand", "midea", at, at + 2),)


async def test_just_the_midea_then_adds_it(tmp_path: Path) -> None:
    async def more(uows: Any) -> None:
        await seed_fixture(uows, (COOKER,))

    async with shop_bot(tmp_path, more=more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"就要美的的吧": ("checkout", False, _brand)})
        li = Shopper(bot, LI)
        await li.say("/start p_P31")
        said = body(await li.say("就要美的的吧"))
        # "🛒 您的购物车是空的。"
        assert ("已将 1 件" in said or "Added 1" in said) and ("电饭煲" in said or "Rice Cooker" in said), said
