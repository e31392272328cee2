""" "remove one" takes one unit out of the line; "remove it" / "remove the mug" still remove the line
(walk6-en c12: with 3 yoga mats in the cart, "hmm thats too many, remove one" emptied the cart)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.remove_count import units_to_remove
from store.cart import add_to_cart
from tests.bot.skills.test_shopping_cart import cart_of, texts
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(751, "Ann", language_code="en")


def test_a_count_after_the_verb_is_units_not_the_line() -> None:
    assert units_to_remove("hmm thats too many, remove one") == 1
    assert units_to_remove("take one out") == 1 and units_to_remove("one less") == 1
    assert units_to_remove("remove two of them") == 2 and units_to_remove("take 2 out") == 2
    for whole in (
        "remove it",
        "remove the mat",
        "remove the first one",
        "remove 2",
        "remove all of them",
        "remove the one in black",
        "delete that one",
    ):
        assert units_to_remove(whole) is None, whole


async def test_remove_one_of_three_leaves_two_and_remove_it_removes_the_line(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu.rules.insert(0, (re.compile(r"\b(remove|take one out|one less)\b", re.I), "remove_from_cart"))
        ann = Shopper(bot, ANN)
        await ann.say("hello")
        async with bot.services.uows() as uow:
            await add_to_cart(uow, ANN.id, "P01-RED", 3)
        reply = " ".join(texts(await ann.say("hmm thats too many, remove one")))
        assert await cart_of(bot, ANN.id) == {"P01-RED": 2}, reply
        await ann.say("take one out")
        assert await cart_of(bot, ANN.id) == {"P01-RED": 1}
        await ann.say("remove one")  # the last unit: the line goes
        assert await cart_of(bot, ANN.id) == {}
        async with bot.services.uows() as uow:
            await add_to_cart(uow, ANN.id, "P01-RED", 3)
        await ann.say("remove it")
        assert await cart_of(bot, ANN.id) == {}
