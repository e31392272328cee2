"""Adding by a unit and a comparison: "add 2 bags of the cheaper one", "来两袋便宜的那个" with a list shown.

WHY: "bags" was no unit (only "bag" was a command word), so the words left after the comparison were "bags", a
product of their own: a leather crossbody bag went into the cart in place of the coffee on screen. And "cheaper" /
"便宜的" was no pick among those shown, so "the cheaper one" asked "which one?" with the prices on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.shopping.targets import leftover_words
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot

LI = UserRef(712, first_name="Li", language_code="zh")


def test_packaging_units_are_no_product_words() -> None:
    for text in ("add 2 bags of it", "3 cans of that one", "2 jars of the first", "a carton of them",
                 "来两袋", "要三罐", "拿两箱", "来2袋"):
        assert leftover_words(text, None, drop_options=True) == "", text


def _cheaper(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("2")
    ref = "the cheaper one" if "the cheaper one" in text else "那个"
    start = text.index(ref)
    return (ParsedEntity("quantity", 2, at, at + 1),
            ParsedEntity("reference", ref, start, start + len(ref), resolved=False))


async def _added_cheapest(bot: Any, who: UserRef, search: str, message: str) -> str:
    assert bot.services is not None
    bot.services.nlu = WalkNLU({message: ("add_to_cart", False, _cheaper)})
    shopper = Shopper(bot, who)
    await shopper.say(search)
    state = await bot.services.states.load(who.id, who.id)
    assert len(state.last_results) > 1
    return body(await shopper.say(message))


async def test_two_bags_of_the_cheaper_one_adds_two_of_the_cheapest_shown(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        said = await _added_cheapest(bot, ANN, "mug", "add 2 bags of the cheaper one")
        # "I'm not sure which one you mean by “the cheaper one”", or a bag searched for
        assert "Added 2 × " in said and "Blue Enamel Camping Mug" in said, said


async def test_two_bags_of_the_cheaper_one_in_chinese(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        said = await _added_cheapest(bot, LI, "mug", "来2袋便宜的那个")
        assert ("已将 2 件" in said or "Added 2" in said) and ("Blue Enamel" in said or "搪瓷" in said), said
