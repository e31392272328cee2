"""Session 8 (own cart walks): "再来一个" right after an add, a quantity changed at the picker, "remove everything"
with an empty cart and "yes" to its question, "我有优惠券" read below the model's threshold.

"再来一个" was read as goodbye (unsure: "Sorry, I didn't understand"); "actually only 2" under a picker for 3 said
"Your cart is empty"; "empty my cart" with nothing in it asked "Remove everything from your cart?" and the typed
"yes" to that question answered "Okay! Tell me what you'd like to do next" and cleared nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.shopping.added_more import more_count
from bot.core.skills.shopping.coupon_words import has_coupon
from bot.core.skills.shopping.picker_quantity import picker_quantity
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(841, "Ann", language_code="en")
LI = UserRef(842, "李", language_code="zh-hans")


async def _cart(bot: Any, user: UserRef) -> list[tuple[str, int]]:
    from store.cart import get_cart

    async with bot.services.uows.read() as uow:
        cart = await get_cart(uow, user.id, bot.services.clock())
    return sorted((line.sku, line.quantity) for line in cart.lines)


async def test_one_more_right_after_an_add_adds_one_more(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("/start p_P01")
        await li.say("加入购物车")
        again = body(await li.say("再来一个"))
        assert "加入购物车" in again, again
        assert await _cart(bot, LI) == [("P01-RED", 2)]
        await li.say("/cart")
        await li.say("再来一个")  # not right after an add: nothing is added by guess
        assert await _cart(bot, LI) == [("P01-RED", 2)]


async def test_a_quantity_changed_at_the_picker_shows_it_again_for_that_many(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P18")  # Denim Jacket: M, L
        await ann.say("add 3 of it")
        again = body(await ann.say("actually only 2"))
        assert "Which option" in again and "quantity: 2" in again, again
        await ann.press("Blue / M")
        assert await _cart(bot, ANN) == [("P18-BLU-M", 2)]


async def test_remove_everything_says_an_empty_cart_is_empty_and_yes_clears_a_full_one(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        assert "already empty" in body(await ann.say("remove everything"))
        await ann.say("/start p_P01")
        await ann.say("add it")
        assert "Remove everything" in body(await ann.say("remove everything"))
        await ann.say("yes")
        assert await _cart(bot, ANN) == []


def test_the_words_of_these_follow_ups() -> None:
    assert more_count("再来一个") == 1 and more_count("再要两个") == 2 and more_count("one more") == 1
    assert more_count("another one please") == 1 and more_count("再来一个黑色的") is None
    assert more_count("再来一份别的") is None and more_count("more") is None
    assert picker_quantity("actually only 2") == 2 and picker_quantity("就要两件") == 2
    assert picker_quantity("42") is None and picker_quantity("2") is None  # a bare number may be a size
    assert has_coupon("我有优惠券") and has_coupon("I have a promo code")
    assert not has_coupon("有优惠券吗") and not has_coupon("do you have coupons") and not has_coupon("不用优惠券了")


async def test_an_ordinal_past_the_cart_lines_removes_nothing(tmp_path: Path) -> None:
    # "remove the second item" with one line in the cart removed that line (the item in focus), as a guess.
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P01")
        await ann.say("add it")
        await ann.say("/cart")
        said = body(await ann.say("remove the second item"))
        assert "Removed" not in said, said
        assert await _cart(bot, ANN) == [("P01-RED", 1)]


async def test_a_product_named_in_a_view_cart_reading_is_searched(tmp_path: Path) -> None:
    # The real model reads "给我看看T恤" as view_cart (0.69) with the product entity "T恤": it showed the empty cart.
    from dataclasses import replace

    from nlu.result import IntentScore, ParsedEntity
    from tests.helpers.shopping import ShoppingNLU

    class Misread(ShoppingNLU):
        async def parse(self, text: str, context: Any = None, vector: Any = None) -> Any:
            result = await super().parse(text, context, vector)
            if text == "给我看看T恤":
                return replace(result, intent=IntentScore("view_cart", 0.95), is_fallback=False,
                               entities=(ParsedEntity("product", "T恤", 4, 6),))
            return result

    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = Misread()
        li = Shopper(bot, LI)
        shown = body(await li.say("给我看看T恤"))
        assert "T恤" in shown and "购物车是空的" not in shown, shown
        assert "P15" in (await bot.services.states.load(LI.id, LI.id)).last_results
        assert "购物车是空的" in body(await li.say("购物车"))  # the cart asked for by name is still the cart
