""""how much storage does it have", "how much ram", "how much does it weigh" with a product open ask about that
figure, not its price: they showed the product's card again (read as "how much is it"), testers s9-en."""

from __future__ import annotations

from pathlib import Path

from bot.core.followups import asks_how_much_of
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.shopping import Shopper, shop_bot


def test_how_much_of_a_thing_is_not_a_price() -> None:
    for text in ("how much storage does it have", "how much ram does it have?", "how much does it weigh",
                 "how much battery life does it get", "how much water does it hold", "how much space is there"):
        assert asks_how_much_of(text), text
    for text in ("how much is it", "how much?", "how much for two", "how much does it cost", "how much are they",
                 "how much is the 256gb one", "how much do these cost", "how much"):
        assert not asks_how_much_of(text), text


async def test_how_much_storage_with_a_product_open_is_a_question_not_its_card(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P09")
        reply = body(await ann.say("how much storage does it have?"))
        assert "$199.99" not in reply and "In stock" not in reply, reply
        price = body(await ann.say("how much is it?"))
        assert "$199.99" in price, price

