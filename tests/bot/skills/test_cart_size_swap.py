"""A size correction for a size the shoe lacks ("actually size 7.5" with US 8 in the cart): the sizes it has are
offered, and pressing one changes the cart line (before: the picker's buttons added a second pair)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bot.skills.test_shopping_wording import ANN, body, labels
from tests.bot.skills.test_size_words import _SizedNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

_SHOES = FixtureProduct("P41", "Pacer Men's Trail Running Shoes", "Pacer 男款越野跑鞋", "Shoes > Running", "Pacer",
                        12999, ("Grey", "Navy"), ("US 7", "US 8", "US 9"))


async def _shoes(uows: Any) -> None:
    await seed_fixture(uows, (_SHOES,))


async def _lines(bot: Any) -> list[Any]:
    from store.cart import get_cart

    services = bot.services
    async with services.uows.read() as uow:
        return list((await get_cart(uow, ANN.id, services.clock())).lines)


async def test_a_size_it_lacks_offers_the_sizes_it_has_and_a_press_swaps_the_line(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_shoes) as bot:
        services: Any = bot.services
        services.nlu = _SizedNLU()
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P41")
        await ann.say("add size 8")
        assert "Added 1" in body(await ann.press("Grey / US 8"))
        missing = await ann.say("actually size 7.5")
        said = body(missing)
        assert "doesn't come in" in said and "US 9" in said and "Navy" not in said, said
        assert not any("$" in label for label in labels(missing)), labels(missing)  # no add buttons
        swapped = body(await ann.press("US 9"))
        assert "changed to Grey / US 9" in swapped, swapped
        lines = await _lines(bot)
        assert len(lines) == 1 and lines[0].quantity == 1, lines  # one pair, in the new size
        assert set((lines[0].attributes or {}).values()) == {"Grey", "US 9"}, lines


async def test_a_size_typed_after_the_sizes_it_has_swaps_the_line(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_shoes) as bot:
        services: Any = bot.services
        services.nlu = _SizedNLU()
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P41")
        await ann.say("add size 8")
        await ann.press("Navy / US 8")
        assert "doesn't come in" in body(await ann.say("wait i meant size 7.5"))
        swapped = body(await ann.say("7"))
        assert "changed to Navy / US 7" in swapped, swapped
        lines = await _lines(bot)
        assert len(lines) == 1 and set((lines[0].attributes or {}).values()) == {"Navy", "US 7"}, lines


async def test_a_size_said_as_a_bare_number_changes_the_line_not_its_quantity(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_shoes) as bot:
        services: Any = bot.services
        services.nlu = _SizedNLU()
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P41")
        await ann.say("add size 8")
        await ann.press("Grey / US 8")
        for said, size in (("9 instead", "US 9"), ("i need a 7 actually", "US 7"), ("make it a 9", "US 9")):
            changed = body(await ann.say(said))
            assert f"changed to Grey / {size}" in changed, (said, changed)
            lines = await _lines(bot)
            assert len(lines) == 1 and lines[0].quantity == 1, (said, lines)
        asked = body(await ann.say("is size 7 in stock?"))
        assert "changed to" not in asked, asked  # a question, not a change
        missing = body(await ann.say("can i get a 7.5 instead"))
        assert "doesn't come in" in missing, missing
        assert "quantity set to 2" in body(await ann.say("make it 2"))  # not a size of this shoe: the quantity
