"""A colour/size choice still open at the picker (walk 6): "购物车" / "cart" right after it showed the cart with no
word of the item waiting for its option; the cart now comes with the reminder and the picker again."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_option_answers import _cart_skus
from tests.bot.skills.test_shopping_wording import ANN, LI, body
from tests.helpers.shopping import Shopper, shop_bot


async def test_the_cart_right_after_the_picker_reminds_of_the_open_choice(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")
        assert "Which option" in body(await ann.say("add it"))
        cart = body(await ann.say("my cart"))
        assert "Your cart is empty" in cart and "haven't chosen the option" in cart and "Which option" in cart, cart
        assert any("Black" in b.label for r in ann.latest for row in getattr(r, "buttons", ()) for b in row)
        assert "haven't chosen" in body(await ann.say("my cart"))  # the picker is still the last thing shown
        await ann.say("hello")
        assert "haven't chosen" not in body(await ann.say("my cart"))  # the reminder is for right after it
        assert await _cart_skus(bot) == []


async def test_the_cart_command_and_chinese_after_the_picker(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")
        await ann.say("add it")
        assert "haven't chosen the option" in body(await ann.say("/cart"))
        li = Shopper(bot, LI)
        await li.say("/start p_P13")
        await li.say("加入购物车")
        cart = body(await li.say("购物车"))
        assert "购物车是空的" in cart and "还没有选择" in cart, cart


async def test_no_reminder_for_a_product_already_in_the_cart(tmp_path: Path) -> None:
    """"有黑色吗" after adding the white headphones showed the picker ("没有黑色款。现有：白色"); "购物车" then listed
    them in the cart *and* said "您还没有选择…的款式，所以它还不在购物车里"."""
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("/start p_P13")
        await li.say("加入购物车")
        assert "已将" in body(await li.press("黑色"))
        await li.say("有红色吗")
        cart = body(await li.say("购物车"))
        assert "还没有选择" not in cart and "不在购物车" not in cart, cart
        checkout = body(await li.say("结账"))
        assert "还没有选择" not in checkout, checkout
