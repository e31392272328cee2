"""Adding, as Chinese shoppers typed it in a walk of the real stack: a size word ("M码", "10码") or a storage size
("128G") is an option of the product open, never a product to search for ("码" found a "Digital Code"); a name of
the product on screen ("S24") is that product, not the search's top hit (a case for it); and "那个德龙" (that
De'Longhi) is the De'Longhi, not the grinder in focus that "那个" resolved to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.shopping.targets import leftover_words
from nlu.result import IntentScore, ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

LI = UserRef(711, first_name="Li", language_code="zh")

PHONE = FixtureProduct("P31", "Nova X1 Smartphone", "Nova X1 手机", "Electronics > Phones", "Nova", 79999,
                       ("Black", "Gray"), ("128GB", "256GB"))
CASE = FixtureProduct("P32", "X1 Clear Case", "X1 透明手机壳", "Electronics > Accessories", "Shell", 1999,
                      ("Clear",))
GRINDER = FixtureProduct("P33", "Encore Burr Grinder", "锥刀磨豆机", "Home > Kitchen > Coffee", "Baratza", 19999,
                         ("White",))
ESPRESSO = FixtureProduct("P34", "Dedica Espresso Machine", "意式咖啡机", "Home > Kitchen > Coffee", "De'Longhi",
                          32999, ("Black", "Silver"))


async def _more(uows: Any) -> None:
    await seed_fixture(uows, (PHONE, CASE, GRINDER, ESPRESSO))


def _parse(text: str, *entities: tuple[str, str, str]) -> ParseResult:
    top = IntentScore("add_to_cart", 0.95)
    found = tuple(ParsedEntity(name, value, text.index(surface), text.index(surface) + len(surface))
                  for name, value, surface in entities)
    return ParseResult(text=text, intent=top, intent_ranking=(top,), is_fallback=False, entities=found)


def test_size_and_storage_words_are_no_product_words() -> None:
    for text, entities in (("加购物车 M码", [("size", "M", "M")]),
                           ("加一双 灰色10码", [("color", "gray", "灰色"), ("size", "10", "10")]),
                           ("加一台 黑色 128G的", [("color", "black", "黑色")]),
                           ("要美码10的", [])):
        assert leftover_words(text, _parse(text, *entities), drop_options=True) == "", text
    assert leftover_words("加个密码锁", None, drop_options=True) == "密码锁"  # a name with 码 in it stays


def _add(entities: Any) -> tuple[str, bool, Any]:
    return ("add_to_cart", False, entities)


def _black(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("黑色")
    return (ParsedEntity("color", "Black", at, at + 2),)


def _gray(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("灰")
    return (ParsedEntity("color", "Gray", at, at + 1),)


def _that_black(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("那个")
    return (ParsedEntity("reference", ctx.focus, at, at + 2), *_black(text, ctx))


async def test_a_storage_size_with_a_phone_open_adds_that_phone(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"加一台 黑色 128G的": _add(_black)})
        li = Shopper(bot, LI)
        await li.say("/start p_P31")
        said = body(await li.say("加一台 黑色 128G的"))
        assert "Nova X1" in said and "128GB" in said and "Case" not in said and "手机壳" not in said, said
        assert "已将 1 件" in said or "Added 1" in said, said


async def test_a_name_of_the_product_on_screen_is_that_product(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"先加个X1 灰的 256": _add(_gray)})
        li = Shopper(bot, LI)
        await li.say("/start p_P31")
        said = body(await li.say("先加个X1 灰的 256"))
        assert "Nova X1" in said and "256GB" in said and "手机壳" not in said, said


async def test_that_one_with_a_brand_is_the_brands_product_not_the_one_in_focus(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"还是要那个德龙 黑色": _add(_that_black)})
        li = Shopper(bot, LI)
        await li.say("/start p_P34")
        await li.say("/start p_P33")  # the grinder is open now: "那个" resolves to it
        state = await bot.services.states.load(LI.id, LI.id)
        assert state.focus_sku is not None and "P33" in state.focus_sku or state.focus_sku == "P33"
        said = body(await li.say("还是要那个德龙 黑色"))
        assert "咖啡机" in said or "Dedica" in said, said
        assert "磨豆机" not in said and "Grinder" not in said, said


def test_the_same_again_names_the_product_in_view_not_a_product_to_search() -> None:
    """"再来一个一样的" searched "一样" ("店里没有找到“一样”") instead of adding the product in view again."""
    for text, entities in (("再来一个一样的", (("quantity", "1", "一个"),)),
                           ("同样的再要两个", (("quantity", "2", "两个"),)), ("相同的来一件", ())):
        assert leftover_words(text, _parse(text, *entities)) == "", text
