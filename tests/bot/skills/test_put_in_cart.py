""""put the cheapest in my basket" was read as checkout (0.86, for "cheapest") and "throw the cheapest one in my
cart" as an add below the threshold ("not sure what you mean"): putting something in the cart, said in so many
words, is an add, whatever the model's reading.

The messages are parsed as the real model parses them (intent and entities, given per message).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import ANN, body, cart_of
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot


class _ModelNLU(ShoppingNLU):
    """The keyword fake, except for the model's readings of the two messages."""

    async def parse(self, text: str, context: Any = None, vector: Any = None) -> ParseResult:
        if text == "put the cheapest in my basket":
            top, second = IntentScore("checkout", 0.86), IntentScore("add_to_cart", 0.07)
            return ParseResult(text=text, intent=top, intent_ranking=(top, second), language="en")
        if text == "throw the cheapest one in my cart":
            top, second = IntentScore("add_to_cart", 0.53), IntentScore("update_cart", 0.34)
            at = text.index("the cheapest one")
            ref = ParsedEntity("reference", "the cheapest one", at, at + len("the cheapest one"), resolved=False)
            return ParseResult(text=text, intent=top, intent_ranking=(top, second), is_fallback=True,
                               entities=(ref,), language="en")
        return await super().parse(text, context, vector)


async def test_putting_the_cheapest_in_the_cart_adds_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = _ModelNLU()
        ann = Shopper(bot, ANN)
        shown = body(await ann.say("coffee mugs"))
        assert "Blue Enamel Camping Mug" in shown, shown
        added = body(await ann.say("put the cheapest in my basket"))
        assert "Added" in added and "Blue Enamel Camping Mug" in added and "Checkout —" not in added, added
        assert await cart_of(bot, ANN.id) == {"P02-BLU": 1}
        again = body(await ann.say("throw the cheapest one in my cart"))
        assert "not sure" not in again and "Blue Enamel Camping Mug" in again, again
