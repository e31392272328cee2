"""walk6-en: what an English add means (c04b "add another pair of the jbl" added shoe trees)."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.targets import leftover_words
from tests.bot.skills.test_flash_claim import _two_sales
from tests.bot.skills.test_shopping_deals import body
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(761, "Ann", language_code="en")


def test_a_unit_counted_is_not_a_product_name() -> None:
    assert leftover_words("add another pair of the jbl", None) == "jbl"
    assert leftover_words("add 2 packs of the coffee filters", None) == "coffee filters"
    assert leftover_words("add the shoe trees pair", None) == "shoe trees pair"  # a name's own word stays


async def test_a_deals_question_naming_a_sale_puts_it_in_focus_and_can_names_nothing(tmp_path: Path) -> None:
    """walk6-en c20: "is the blender still on flash sale" listed the deals, and "can i buy 2" added 2 JBL
    headphones: "can" was found inside "Noise Cancelling". Now the sale asked about is said first and in focus."""
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        listed = body(await ann.say("are the mugs still in the deals?"))
        assert listed.startswith("⚡ Red Ceramic Coffee Mug"), listed
        added = body(await ann.say("can i buy 2"))
        assert "Added 2 × " in added and "Mug" in added and "Headphones" not in added, added


def test_an_english_word_names_a_product_only_as_a_whole_word() -> None:
    from bot.core.skills.shopping.named_words import _holds

    names = "wireless noise cancelling headphones sonora"
    assert not _holds(names, "can") and not _holds(names, "less")
    assert _holds(names, "headphone") and _holds(names, "headphones") and _holds(names, "sonora")
    assert _holds("red ceramic coffee mug 350 ml", "mugs")


async def test_add_it_right_after_the_add_says_it_is_in_the_cart(tmp_path: Path) -> None:
    """walk6-en c13b: "add it" right after the bot added the skillet silently made it 2. Now it says it is in
    the cart and "yes" adds one more; "add another one" adds at once."""
    from tests.bot.skills.test_shopping_cart import cart_of

    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P10")
        assert "Added 1 × " in body(await ann.say("add it"))
        again = body(await ann.say("add it"))
        assert "already in your cart (1)" in again, again
        assert await cart_of(bot, ANN.id) == {"P10-WHI": 1}
        assert "Added 1 × " in body(await ann.say("yes"))
        assert await cart_of(bot, ANN.id) == {"P10-WHI": 2}
        assert "Added 1 × " in body(await ann.say("add another one"))
        assert await cart_of(bot, ANN.id) == {"P10-WHI": 3}
