"""Session 8 (cart walk): several products of a list added in one message, and a change of mind at the picker.

"I'll take the first and the second" / "第一个和第二个都要" added only the first; now each is added in turn, a
product with options asking for its option first and the next one following once it is chosen. "算了还是要s码吧" /
"actually make it size S" under the picker was read as a cancel (or as a change of a cart line that did not
exist); a change of mind followed by an option is that option.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.followups import after_lead_in
from bot.core.replies import Text
from bot.core.skills.shopping.add_several import named_several
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(811, "Ann", language_code="en")
BO = UserRef(812, "Bo", language_code="en")
LI = UserRef(813, "李", language_code="zh-hans")


async def _cart(bot: Any, user: UserRef) -> list[tuple[str, int]]:
    from store.cart import get_cart

    async with bot.services.uows.read() as uow:
        cart = await get_cart(uow, user.id, bot.services.clock())
    return sorted((line.sku, line.quantity) for line in cart.lines)


async def _shown(bot: Any, user: UserRef) -> list[str]:
    state = await bot.services.states.load(user.id, user.id)
    return list(state.last_results)


async def test_the_first_and_the_second_are_both_added(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/search mug")
        shown = await _shown(bot, ANN)
        assert {"P01", "P02"} <= set(shown[:3]), shown  # one option each
        first, second = shown.index("P01") + 1, shown.index("P02") + 1
        words = {1: "first", 2: "second", 3: "third"}
        said = body(await ann.say(f"add the {words[first]} and the {words[second]}"))
        assert said.count("Added 1") == 2, said
        assert await _cart(bot, ANN) == [("P01-RED", 1), ("P02-BLU", 1)]


async def test_a_product_with_options_asks_then_the_next_follows(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/search running shoes")
        shown = await _shown(bot, ANN)
        assert shown[:2] in (["P05", "P06"], ["P06", "P05"]), shown
        asked = await ann.say("add the first and the second")
        assert "Which option" in body(asked) and "Next:" in body(asked), body(asked)
        assert await _cart(bot, ANN) == []
        first_option = "Black / 42" if shown[0] == "P05" else "Grey / 38"
        second_option = "Grey / 38" if shown[0] == "P05" else "Black / 42"
        then = body(await ann.press(first_option))
        assert "Added 1" in then and "Which option" in then, then  # the first added, the second's options asked
        done = body(await ann.press(second_option))
        assert "Added 1" in done and "Which option" not in done, done
        assert await _cart(bot, ANN) == [("P05-BLA-42", 1), ("P06-GRE-38", 1)]


async def test_the_next_one_follows_a_typed_option_and_is_dropped_after_something_else(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bo = Shopper(bot, BO)
        await bo.say("/search running shoes")
        shown = await _shown(bot, BO)
        await bo.say("add the first and the second")
        typed = "black 42" if shown[0] == "P05" else "grey 38"
        then = body(await bo.say(typed))
        assert "Added 1" in then and "Which option" in then, then
        assert len(await _cart(bot, BO)) == 1
        await bo.say("/cart")  # something else: the second one's picker is gone, and so is the rest
        later = body(await bo.say("42" if shown[0] != "P05" else "38"))
        assert "Added" not in later
        assert len(await _cart(bot, BO)) == 1


async def test_a_change_of_mind_at_the_picker_is_the_option_said(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P18")  # Denim Jacket: Blue × M, L
        assert "Which option" in body(await ann.say("add it"))
        added = body(await ann.say("actually make it size L"))
        assert "Added 1" in added and "L" in added, added
        assert await _cart(bot, ANN) == [("P18-BLU-L", 1)]
        li = Shopper(bot, LI)
        await li.say("/start p_P15")  # T-shirt: White, Black, Red × S, M, L, XL
        await li.say("加入购物车")
        narrowed = await li.say("算了还是要s码吧")
        assert isinstance(narrowed[0], Text) and "S" in narrowed[0].text
        labels = [b.label for r in narrowed for row in r.buttons for b in row]
        assert labels and all("/ S" in label for label in labels), labels  # the S ones, no cancel
        added = body(await li.say("黑色"))
        assert "加入购物车" in added, added
        assert await _cart(bot, LI) == [("P15-BLA-S", 1)]


def test_which_products_and_how_many() -> None:
    def parse(text: str, *entities: ParsedEntity) -> ParseResult:
        return ParseResult(text=text, intent=IntentScore("add_to_cart", 0.9), entities=entities)

    def ref(sku: str, start: int, end: int, n: int) -> ParsedEntity:
        return ParsedEntity("reference", sku, start, end, ordinal=n)

    text = "add 2 of the first and the third"
    two = ParsedEntity("quantity", 2, 4, 5)
    assert named_several(text, parse(text, two, ref("A", 9, 18, 1), ref("C", 23, 32, 3))) == [("A", 2), ("C", 1)]
    text = "2 each of the first and the second"
    assert named_several(text, parse(text, ParsedEntity("quantity", 2, 0, 1), ref("A", 10, 19, 1),
                                     ref("B", 24, 34, 2))) == [("A", 2), ("B", 2)]
    text = "add the first one"
    assert named_several(text, parse(text, ref("A", 4, 17, 1))) is None
    shown = ["A", "B", "C"]
    assert named_several("前两个都加购物车", parse("前两个都加购物车"), shown) == [("A", 1), ("B", 1)]
    assert named_several("add the first two", parse("add the first two"), shown) == [("A", 1), ("B", 1)]
    assert named_several("I'll take both", parse("I'll take both"), ["A", "B"]) == [("A", 1), ("B", 1)]
    assert named_several("I'll take both", parse("I'll take both"), shown) is None  # both of three: which?
    assert named_several("the first four", parse("the first four"), shown) is None


def test_a_lead_in_run_into_the_new_choice_is_a_change_of_mind() -> None:
    assert after_lead_in("算了还是要第二个吧") == "还是要第二个吧"
    assert after_lead_in("不要了换成蓝色的") == "换成蓝色的"
    assert after_lead_in("算了还是不买了") is None  # still a no
    assert after_lead_in("算了") is None


async def test_both_of_more_than_two_asks_which(tmp_path: Path) -> None:
    # "I'll take both" with four shown answered "I couldn't find “ll both” in the shop".
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/search black")
        assert len(await _shown(bot, ANN)) > 2
        said = body(await ann.say("add both"))
        assert "couldn't find" not in said and "Which" in said, said
        assert await _cart(bot, ANN) == []


async def test_both_of_two_shown_adds_the_two(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bo = Shopper(bot, BO)
        await bo.say("/search mug")
        shown = await _shown(bot, BO)
        assert len(shown) == 2, shown
        said = body(await bo.say("add both"))
        assert said.count("Added 1") == 2, said
        assert [sku.split("-")[0] for sku, _ in await _cart(bot, BO)] == sorted(shown)
