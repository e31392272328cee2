"""An address typed with nothing in progress ("123 Main St, Springfield, IL 62704"): the bot says it looks like a
delivery address and offers to save it for checkout (before: "didn't catch that", or a search for the words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bot.skills.test_shopping_wording import ANN, body, labels
from tests.helpers.shopping import Shopper, shop_bot


async def _saved(bot: Any) -> list[Any]:
    from store.users import list_addresses

    services = bot.services
    async with services.uows.read() as uow:
        return list(await list_addresses(uow, ANN.id))


async def test_an_address_typed_outside_checkout_is_offered_to_be_saved(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        for said in ("123 Main St, Springfield, IL 62704", "my address is 45 Oak Avenue, Portland, OR 97201",
                     "ship to 77 Elm Road, Austin TX 78701", "500 5th Ave Apt 3B, New York, NY 10110"):
            offer = await ann.say(said)
            text = body(offer)
            assert "address" in text and "didn't catch" not in text and "Showing" not in text, (said, text)
            assert any("Save" in label for label in labels(offer)), (said, labels(offer))
        await ann.say("123 Main St, Springfield, IL 62704")
        asked = body(await ann.press("Save"))
        assert "name" in asked, asked  # the recipient is the one thing the address lacks
        done = await ann.say("Ada Lovelace")
        assert "123 Main St" in body(done), body(done)
        await ann.press("✅ Save this address")
        saved = await _saved(bot)
        assert len(saved) == 1 and saved[0].line1 == "123 Main St" and saved[0].postcode == "62704", saved


async def test_product_words_with_numbers_are_not_an_address(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        for said in ("water bottle 750 ml", "2 mugs under $20", "size 42 running shoes"):
            assert "delivery address" not in body(await ann.say(said)), said
