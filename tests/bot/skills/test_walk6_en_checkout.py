"""walk6-en: what English shoppers typed while a checkout was open."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.cart_said import quantity_said
from tests.bot.skills.test_shopping_cart import cart_of
from tests.bot.skills.test_shopping_deals import body
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(771, "Ann", language_code="en")


def test_a_quantity_set_in_words_is_read_from_its_shape() -> None:
    assert quantity_said("make the headphones 2") == 2 and quantity_said("set the mugs to three") == 3
    assert quantity_said("ok change it to 1") == 1 and quantity_said("make my earbuds 4 please") == 4
    for other in ("make the headphones louder", "what is 2 + 2", "show me the 2 headphones", "make it snappy"):
        assert quantity_said(other) is None, other


async def test_make_the_item_n_during_checkout_changes_the_cart_and_keeps_the_step(tmp_path: Path) -> None:
    """c04c: "make the headphones 2" at the address step got "not sure what you mean"; the order had 1."""
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P10")
        await ann.say("add it")
        await ann.say("checkout")
        said = body(await ann.say("make the earbuds 2"))
        assert await cart_of(bot, ANN.id) == {"P10-WHI": 2}, said
        assert "quantity set to 2" in said and "still checking out" in said, said


async def test_a_question_about_a_way_to_pay_is_answered_and_the_step_kept(tmp_path: Path) -> None:
    """c02i: "wait do you take paypal?" at checkout got "Your order isn't placed yet, so there is nothing to pay"."""
    import re

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu.rules.insert(0, (re.compile(r"paypal|\bpay\b", re.I), "pay"))  # the real model: pay 0.999
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P10")
        await ann.say("add it")
        await ann.say("checkout")
        said = body(await ann.say("wait do you take paypal?"))
        assert "don't take PayPal" in said and "cash on delivery" in said and "isn't placed yet" not in said, said
        assert "still checking out" in said, said


async def test_a_question_in_the_address_form_is_answered_and_the_form_waits(tmp_path: Path) -> None:
    """c18: "hold on, how much is shipping to texas?" at the address form was taken as the recipient's name
    ("Which city?")."""
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P10")
        await ann.say("add it")
        await ann.press("➕ New address", await ann.say("checkout"))
        said = body(await ann.say("hold on, how much is shipping to texas?"))
        assert "still waiting for the delivery address" in said and "Which city?" not in said, said
        confirm = body(await ann.say("Maria Lopez, 55 Elm Rd, Houston, 77002, US"))
        assert "Maria Lopez" in confirm and "hold on" not in confirm, confirm
