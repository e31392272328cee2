"""Follow-ups that work on the list on screen: a brand among the results ("the hearth ones", "show me X
only"), "要便宜点的", a stock question naming an option with several results shown, and a request after a yes
or no ("nah nevermind, show me …", "不要了，看看…"), which the model reads as deny and answered "Okay!"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.core.events import UserRef
from bot.core.followups import after_lead_in
from bot.core.replies import Photo, Reply, Text
from nlu.result import ParsedEntity
from tests.helpers.catalog_builders import make_product
from tests.helpers.search_catalog import FIXTURE
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot

ANN = UserRef(561, "Ann", language_code="en")
LI = UserRef(562, "李", language_code="zh-hans")
_BRANDS = {p.brand.lower(): p.brand for p in FIXTURE}
_PRODUCT_WORDS = {"enamel", "glass", "ceramic", "mug", "mugs"}


def body(replies: list[Reply]) -> str:
    return "\n".join(r.caption if isinstance(r, Photo) else r.text for r in replies if isinstance(r, Photo | Text))


def titles(replies: list[Reply]) -> list[str]:
    return [r.caption.split("\n")[0] for r in replies if isinstance(r, Photo)] + \
        [r.text.split("\n")[0] for r in replies if isinstance(r, Text) and r.text.startswith("<b>")]


class BrandNLU(ShoppingNLU):
    """The shopping fake plus brand names of the fixture catalog and "nah …" read as deny (as the model does)."""

    def __init__(self) -> None:
        super().__init__()
        self.rules.insert(0, (re.compile(r"^(nah|nope|no)\b|^不要了", re.I), "deny"))

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found = list(super()._entities(text, context))
        for m in re.finditer(r"[A-Za-z]+", text):
            if m.group(0).lower() in _BRANDS:
                found.append(ParsedEntity("brand", _BRANDS[m.group(0).lower()], m.start(), m.end()))
            elif m.group(0).lower() in _PRODUCT_WORDS:  # as the catalogue vocabulary tags product words
                found.append(ParsedEntity("product", m.group(0).lower(), m.start(), m.end()))
        return tuple(found)


@pytest.mark.parametrize(("text", "rest"), [
    ("nah nevermind, show me nike only", "show me nike only"), ("不要了，看看毛衣", "看看毛衣"),
    ("ok now show me tents", "show me tents"), ("no, the second one", "the second one"),
    ("no thanks", None), ("nope", None), ("算了", None), ("yes please", None),
])
def test_the_request_after_a_yes_or_no(text: str, rest: str | None) -> None:
    assert after_lead_in(text) == rest


async def test_a_brand_among_the_results_narrows_them_and_a_no_before_a_request_keeps_the_request(
        tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        mugs = titles(await ann.say("mugs and cups"))
        assert len(mugs) >= 2, mugs
        narrowed = await ann.say("the hearth ones")
        assert "Filters: Hearth" in body(narrowed), body(narrowed)
        assert titles(narrowed) and all(t in ("<b>Red Ceramic Coffee Mug 350 ml</b>", "<b>Glass Tea Cup Set of 4</b>")
                                        for t in titles(narrowed)), titles(narrowed)
        await ann.say("mugs and cups")
        only = await ann.say("nah nevermind, show me trailco only")
        assert "Okay!" not in body(only) and "Filters: Trailco" in body(only), body(only)


async def test_cheaper_in_chinese_and_a_size_in_stock_narrow_the_list(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("跑步鞋")
        cheaper = body(await li.say("要便宜点的"))
        assert "价格从低到高" in cheaper, cheaper
        ann = Shopper(bot, ANN)
        assert len(titles(await ann.say("mugs and cups"))) >= 2
        red = await ann.say("are the red ones in stock?")
        assert "I don't know" not in body(red) and "Filters: red" in body(red), body(red)
        assert titles(red) == ["<b>Red Ceramic Coffee Mug 350 ml</b>"], titles(red)


async def _six_more_mugs(uows: Any) -> None:
    for n in range(6):
        await make_product(uows, f"MUG{n}", title=f"Stoneware Mug No. {n}", price=1500 + n * 100)


async def test_something_else_shows_the_next_results_and_typos_still_sort(tmp_path: Path) -> None:
    """"不是这个，换一个" got "好的！告诉我接下来想做什么"; "somethin cheaper?" and "cheeper ones" were not re-sorts."""
    async with shop_bot(tmp_path, more=_six_more_mugs) as bot:
        li = Shopper(bot, LI)
        first = body(await li.say("stoneware mug"))
        assert "显示第 1–4 件" in first, first
        other = body(await li.say("不是这个，换一个"))
        assert "显示第 5–" in other, other
        ann = Shopper(bot, ANN)
        await ann.say("stoneware mug")
        assert "Sorted: cheapest first" in body(await ann.say("somethin cheaper?"))
        await ann.say("stoneware mug")
        assert "Sorted: cheapest first" in body(await ann.say("cheeper ones"))
        assert "Showing 5–" in body(await ann.say("something else"))


async def test_a_brand_naming_one_product_on_screen_points_at_it(tmp_path: Path) -> None:
    """"what sizes does the uniqlo one come in" / "how much are the On ones" with a list shown asked "which one
    do you mean?" or searched the whole shop for the brand; a brand two results share guesses nothing."""
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        shown = titles(await ann.say("mugs and cups"))
        assert "<b>Blue Enamel Camping Mug</b>" in shown and len(shown) >= 3, shown  # Trailco; two by Hearth
        colours = body(await ann.say("what colours does the trailco one come in?"))
        assert "Blue Enamel Camping Mug" in colours and "Colours: Blue" in colours, colours
        await ann.say("mugs and cups")
        price = await ann.say("how much is the trailco one")
        assert titles(price)[:1] == ["<b>Blue Enamel Camping Mug</b>"] and "$9.99" in body(price), body(price)
        await ann.say("mugs and cups")
        both = body(await ann.say("what colours does the hearth one come in?"))
        assert "Blue Enamel" not in both, both


@pytest.mark.parametrize(("words", "asked"), [
    ("switch to chinese", "zh"), ("你能说中文吗", "zh"), ("您可以说英文吗", "en"), ("有会说中文的客服吗", None),
    ("is the manual in chinese?", None), ("中文说明书有吗", None), ("chinese tea", None),
    # back to a language, and asked as a question (walk 3: "切换回中文" filed a feedback ticket)
    ("切换回中文", "zh"), ("换回英文吧", "en"), ("switch back to English", "en"), ("can u switch to english", "en"),
    ("speak english please", "en"), ("换成英文版的说明书有吗", None), ("how do i switch to english", None),
    # walk6-en c07: "back to english please" was read as a return ("退") and answered in Chinese
    ("back to english please", "en"), ("can we go back to english", "en"), ("in english pls", "en"),
    ("can you reply in chinese?", "zh"), ("回到中文", "zh"), ("english only please", "en"),
    ("i want it in english", None), ("back to the english muffins", None),
])
def test_which_messages_ask_for_a_language(words: str, asked: str | None) -> None:
    from bot.core.followups import language_asked

    assert language_asked(words) == asked


@pytest.mark.parametrize(("user", "words", "after"), [
    (ANN, "switch to chinese", "购物车"), (ANN, "切换到中文", "购物车"), (LI, "可以说英文吗", "cart"),
    (LI, "english please", "cart"), (ANN, "切换回中文", "购物车"), (LI, "switch back to English", "cart"),
    (LI, "can u switch to english", "cart"), (LI, "back to english please", "cart"),
])
async def test_asking_for_a_language_switches_it(tmp_path: Path, user: UserRef, words: str, after: str) -> None:
    """The FAQ tells shoppers to type "switch to Chinese"; it ran a product search for it."""
    async with shop_bot(tmp_path) as bot:
        shopper = Shopper(bot, user)
        switched = body(await shopper.say(words))
        assert switched and "<b>" not in switched, switched  # the confirmation, not product cards
        assert after in body(await shopper.say("/cart")).lower()


async def test_compare_two_shown_products_by_brand_and_the_cheapest_one(tmp_path: Path) -> None:
    """"compare the sony and the bose" was not understood; "whats the cheapest one" listed the promotions."""
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        await ann.say("mugs and cups")
        compared = body(await ann.say("compare the trailco and the hearth"))
        assert "Side by side" not in compared, compared  # two Hearth results: the brand names no one product
        await ann.say("headphones earbuds speaker")
        compared = body(await ann.say("compare the boomly and the sonora"))
        assert "Side by side" not in compared  # two Sonora products shown
        await ann.say("bottle and boots")
        compared = body(await ann.say("compare the trailco and the oakhide"))
        assert "Side by side" in compared and "Stainless Steel Water Bottle" in compared, compared
        assert "Leather Chelsea Boots" in compared
        assert "Sorted: cheapest first" in body(await ann.say("whats the cheapest one"))


async def test_a_product_word_of_one_shown_title_points_at_it(tmp_path: Path) -> None:
    """"is the macbook in stock" with four laptops shown got "I don't know"; a word every result has ("mug")
    points at none."""
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        await ann.say("mugs and cups")
        stock = body(await ann.say("is the enamel one in stock?"))
        assert "Blue Enamel Camping Mug</b> is in stock" in stock, stock
        await ann.say("mugs and cups")
        assert "is in stock:" not in body(await ann.say("is the mug in stock?"))


async def test_only_look_at_a_brand_in_chinese_narrows_the_list(tmp_path: Path) -> None:
    """"只看耐克的" under running shoes searched "只看耐克" (hoodies and rain boots): 看 was left over, so the
    message did not count as a brand and asking words only."""
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        li = Shopper(bot, LI)
        assert len(titles(await li.say("mugs and cups"))) >= 2
        for said in ("只看hearth的", "我只想看hearth的"):
            narrowed = await li.say(said)
            assert titles(narrowed) and all(t in ("<b>红色陶瓷咖啡马克杯</b>", "<b>玻璃茶杯四件套</b>")
                                            for t in titles(narrowed)), (said, titles(narrowed))
            assert "Hearth" in body(narrowed) and "只看" not in body(narrowed), body(narrowed)
            await li.say("mugs and cups")
