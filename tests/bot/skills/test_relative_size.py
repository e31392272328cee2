"""A size relative to another ("do you have it in a bigger size?", "a size up?", "有大一码的吗"): the product's own
sizes answer, smallest first; with the product in the cart, the sizes above (below) its line's, as buttons that
change that line. Before: a capacity answer from the listing, "Fit: True to size;", or a search for "larger"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.core.skills.shopping.relative_size import size_direction
from bot.core.skills.shopping.size_order import size_key
from nlu.pipeline import BuiltinNLU
from tests.bot.skills.test_shopping_wording import ANN, LI, body, labels
from tests.bot.skills.test_size_words import _SizedNLU
from tests.helpers.bots import started_bot
from tests.helpers.real_nlu import build_real_nlu
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

# The sizes stored out of order, as a catalogue that added a size later stores them.
_SHOES = FixtureProduct("P51", "Ridge Men's Waterproof Hiking Shoes", "Ridge 男款防水徒步鞋", "Shoes > Hiking",
                        "Ridge", 14999, ("Olive",), ("US 9", "US 7", "US 8", "US 10"))
_MUG = FixtureProduct("P52", "Fenwick Stoneware Coffee Mug", "Fenwick 陶瓷咖啡杯", "Home > Mugs", "Fenwick", 1999,
                      ("White",), ())


async def _catalog(uows: Any) -> None:
    await seed_fixture(uows, (_SHOES, _MUG))


async def _lines(bot: Any) -> list[Any]:
    from store.cart import get_cart

    services = bot.services
    async with services.uows.read() as uow:
        return list((await get_cart(uow, ANN.id, services.clock())).lines)


@asynccontextmanager
async def _opened(tmp_path: Path, sku: str) -> AsyncIterator[tuple[Any, Shopper]]:
    """The shop with the product ``sku`` open for Ann (the keyword NLU with the real size cues)."""
    async with shop_bot(tmp_path, more=_catalog) as bot:
        services: Any = bot.services
        services.nlu = _SizedNLU()
        ann = Shopper(bot, ANN)
        await ann.say(f"/start p_{sku}")
        yield bot, ann


def test_sizes_sort_as_shoppers_read_them() -> None:
    assert sorted(["XL", "S", "M", "XS", "L"], key=size_key) == ["XS", "S", "M", "L", "XL"]
    assert sorted(["US 10", "US 7.5", "US 9"], key=size_key) == ["US 7.5", "US 9", "US 10"]
    assert sorted(["6-12 Months", "0-3 Months", "3-6 Months"], key=size_key) == \
        ["0-3 Months", "3-6 Months", "6-12 Months"]


@pytest.mark.parametrize(("text", "direction"), [
    ("do you have it in a bigger size?", 1), ("a size up?", 1), ("is there a larger size", 1), ("有大一码的吗", 1),
    ("does it come in a smaller size", -1), ("size down please", -1), ("小一号的呢", -1),
    ("what sizes does it come in?", None), ("is it true to size?", None), ("show me the next one", None),
    ("is it one size fits all", None), ("a bigger one?", None),
])
def test_the_direction_asked(text: str, direction: int | None) -> None:
    assert size_direction(text) == direction


def test_a_bigger_one_is_a_size_only_of_a_product_with_sizes() -> None:
    assert size_direction("a bigger one?", has_sizes=True) == 1
    assert size_direction("got smaller ones?", has_sizes=True) == -1


async def test_a_bigger_size_with_none_chosen_says_the_range_and_offers_them_smallest_first(tmp_path: Path) -> None:
    async with _opened(tmp_path, "P51") as (bot, ann):
        replies = await ann.say("do you have it in a bigger size?")
        said = body(replies)
        assert "sizes US 7 to US 10; the largest is US 10" in said, said
        assert [x.split(" · ")[0] for x in labels(replies)] == \
            ["🛒 Olive / US 7", "🛒 Olive / US 8", "🛒 Olive / US 9", "🛒 Olive / US 10"], labels(replies)
        listed = body(await ann.say("what sizes does it come in?"))
        assert "Sizes: US 7, US 8, US 9, US 10" in listed, listed


async def test_a_size_up_after_adding_offers_the_bigger_sizes_and_a_press_changes_the_line(tmp_path: Path) -> None:
    async with _opened(tmp_path, "P51") as (bot, ann):
        assert "Added 1" in body(await ann.say("add size 8"))  # one colour: no picker
        up = await ann.say("do you have a size up?")
        assert "Bigger than the US 8 in your cart: US 9, US 10" in body(up), body(up)
        assert "Olive / US 7" not in labels(up) and "Olive / US 9" in labels(up), labels(up)
        changed = body(await ann.press("Olive / US 9"))
        assert "changed to Olive / US 9" in changed, changed
        lines = await _lines(bot)
        assert len(lines) == 1 and lines[0].quantity == 1 and "US 9" in (lines[0].attributes or {}).values(), lines
        down = body(await ann.say("does it come in a smaller size"))
        assert "Smaller than the US 9 in your cart: US 7, US 8" in down, down
        await ann.press("Olive / US 7")
        smallest = body(await ann.say("size down?"))
        assert "US 7 is the smallest size" in smallest, smallest


async def test_a_product_without_sizes_comes_in_one_size(tmp_path: Path) -> None:
    async with _opened(tmp_path, "P52") as (bot, ann):
        assert "comes in one size only" in body(await ann.say("do you have it in a bigger size?"))


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


async def test_the_real_model_reading_does_not_turn_it_into_a_capacity_question(tmp_path: Path,
                                                                                real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await _catalog(bot.services.uows)
        for user, said, expected in ((ANN, "do you have it in a bigger size?", "the largest is US 10"),
                                     (LI, "有大一码的吗", "最大是 美码 10")):
            shopper = Shopper(bot, user)
            await shopper.say("/start p_P51")
            reply = body(await shopper.say(said))
            assert expected in reply, (said, reply)


async def test_a_bigger_size_under_a_list_asks_which_one(tmp_path: Path) -> None:
    """"有大一码的吗" under several shoes, none open, searched "跑步鞋 有大一码"; now it asks which one."""
    async with shop_bot(tmp_path, more=_catalog) as bot:
        services: Any = bot.services
        services.nlu = _SizedNLU()
        ann = Shopper(bot, ANN)
        await ann.say("shoes")
        asked = await ann.say("do you have a bigger size?")
        assert "Which one do you mean?" in body(asked), body(asked)

