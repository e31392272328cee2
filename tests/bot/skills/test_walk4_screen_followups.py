"""Follow-ups about what is on screen from the fourth walk (Chinese shoppers): a name in front of "那个"
("德龙那个有黑色吗"), "最便宜那个 加1" after a sorted list, a question under the card that is open ("一包多少片"),
and questions about the cart's money ("一共多少钱", "满50包邮吗") that asked "which one?" with product buttons.

The messages are parsed as the real model parsed them in the walk (intent and entities, given per message).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import ANN, body, cart_of
from tests.bot.skills.test_walk_followups import WalkNLU, _none
from tests.helpers.shopping import Shopper, shop_bot


def _that_one(text: str, context: Any) -> tuple[ParsedEntity, ...]:
    """"那个" as the real model read it: a reference nothing resolved (several shown, none open)."""
    at = text.index("那个")
    found = [ParsedEntity("reference", "那个", at, at + 2, resolved=False)]
    if "蓝色" in text:
        i = text.index("蓝色")
        found.append(ParsedEntity("color", "Blue", i, i + 2))
    return tuple(found)


async def _mugs(ann: Shopper, bot: Any) -> list[str]:
    await ann.say("mugs")
    state = await bot.services.states.load(ANN.id, ANN.id)
    assert len(state.last_results) > 1 and state.focus_sku is None
    return list(state.last_results)


async def test_a_name_in_front_of_na_ge_is_the_one_of_that_brand_on_screen(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"trailco那个有蓝色吗": ("show_product_details", False, _that_one)})
        ann = Shopper(bot, ANN)
        shown = await _mugs(ann, bot)
        assert "P02" in shown  # the Trailco camping mug, the only Trailco result
        said = body(await ann.say("trailco那个有蓝色吗"))
        assert "not sure which one" not in said and "Which one" not in said, said
        assert "Blue Enamel Camping Mug" in said, said


async def test_the_cheapest_na_ge_adds_the_cheapest_shown(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"要最便宜那个 加1": ("add_to_cart", False, _that_one)})
        ann = Shopper(bot, ANN)
        await _mugs(ann, bot)
        said = body(await ann.say("要最便宜那个 加1"))
        assert "not sure which one" not in said, said
        assert list(await cart_of(bot, ANN.id)) == ["P02-BLU"] or "Blue Enamel Camping Mug" in said, said


async def test_a_question_naming_nothing_is_about_the_card_open_even_with_the_list_shown(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"一个多少毫升": ("ask_question", False, _none)})
        ann = Shopper(bot, ANN)
        await _mugs(ann, bot)
        await ann.say("the first one")
        state = await bot.services.states.load(ANN.id, ANN.id)
        assert state.focus_sku is not None and len(state.last_results) > 1
        said = body(await ann.say("一个多少毫升"))
        assert "Which one" not in said, said


async def test_cart_total_and_free_shipping_questions_are_about_the_cart(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"一共多少钱": ("view_cart", True, _none),
                                    "满50包邮吗": ("ask_question", False, _none)})
        ann = Shopper(bot, ANN)
        await ann.say("add the red ceramic coffee mug")
        assert await cart_of(bot, ANN.id)
        await _mugs(ann, bot)
        total = body(await ann.say("一共多少钱"))
        assert "Which one" not in total and "Your cart comes to $12.99." in total, total
        assert "Add $37.01 more for free standard shipping." in total, total
        shipping = body(await ann.say("满50包邮吗"))
        assert "Which one" not in shipping, shipping
        assert "Standard shipping is free on orders from $50.00" in shipping, shipping
