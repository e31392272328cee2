"""An option typed at the variant picker adds that option ("charcoal pls" asked again), and "change it to …"
swaps the cart line's option (it answered "How many would you like?") (walk 5)."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.shopping import Shopper, shop_bot


async def _cart_skus(bot: object) -> list[str]:
    from store.cart import get_cart

    services = bot.services  # type: ignore[attr-defined]
    async with services.uows.read() as uow:
        cart = await get_cart(uow, ANN.id, services.clock())
    return [line.sku for line in cart.lines]


async def test_an_option_typed_at_the_picker_adds_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")  # the phone case: Black, Clear
        picker = body(await ann.say("add it"))
        assert "Which option" in picker, picker
        added = body(await ann.say("black pls"))
        assert "Added 1" in added and "Black" in added, added
        assert await _cart_skus(bot) == ["P13-BLA"]


async def test_an_option_question_at_the_picker_is_still_a_question(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")
        await ann.say("add it")
        asked = body(await ann.say("any in black?"))
        assert "Added" not in asked and await _cart_skus(bot) == [], asked


async def test_change_it_to_another_option_swaps_the_cart_line(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P05")
        await ann.say("add it")
        await ann.press("Blue / 42")
        assert await _cart_skus(bot) == ["P05-BLU-42"]
        changed = body(await ann.say("change it to black"))
        assert "changed to Black / 42" in changed and "How many" not in changed, changed
        assert await _cart_skus(bot) == ["P05-BLA-42"]
        missing = body(await ann.say("change it to purple"))
        assert "doesn't come in" in missing, missing
        assert await _cart_skus(bot) == ["P05-BLA-42"]


async def test_checkout_right_after_the_picker_shows_the_picker_again(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")
        assert "Which option" in body(await ann.say("add it"))
        again = body(await ann.say("checkout"))
        assert "haven't chosen the option" in again and "Which option" in again, again
        assert await _cart_skus(bot) == []
