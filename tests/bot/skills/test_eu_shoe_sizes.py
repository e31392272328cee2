"""EU shoe sizes for shoes sized in US sizes ("有42码吗" with a running shoe open, "42码的跑鞋"): converted with the
men's or women's table, said, and a half size the shoe lacks said to be not stocked (it answered "doesn't come
in 42", and the search dropped the size as "none in size 42")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.skills.shopping.eu_sizes import (
    eu_number,
    for_product,
    for_search,
    product_gender,
    said_gender,
    search_in_us,
)
from bot.i18n import translator
from knowledge.search.models import SearchQuery
from knowledge.search.preferences import Preferences
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

US = frozenset({"us 6", "us 7", "us 8", "us 9", "us 10", "us 11", "us 12"})
EN = translator("en")
WOMENS = FixtureProduct("P41", "Women's Road Runner Running Shoes", "女款公路跑步鞋", "Shoes > Running", "Pacer", 12999,
                        ("Blue",), ("US 8", "US 9", "US 10"))
MENS = FixtureProduct("P42", "Men's Road Runner Running Shoes", "男款公路跑步鞋", "Shoes > Running", "Pacer", 12999,
                      ("Black",), ("US 8", "US 9", "US 10"))


def test_an_eu_number_is_a_shoe_size_in_the_eu_range() -> None:
    assert eu_number("42") == 42 and eu_number("欧码42.5") == 42.5 and eu_number("EU 39") == 39
    assert eu_number("10") is None and eu_number("M") is None and eu_number("52") is None
    assert said_gender("42码的女款跑鞋") == "women" and said_gender("men's sneakers eu 43") == "men"
    assert said_gender("women's boots") == "women" and said_gender("42码的跑鞋") is None
    assert product_gender("Adidas Samba OG Sneakers, Leather, Unisex") == "men"
    assert product_gender("Nike Kids' Rain Boots") is None


def test_a_search_converts_only_for_shoes_sized_in_us_sizes() -> None:
    both = for_search("42", "42码的跑鞋", US)
    assert both is not None and both.values == ["US 8.5", "US 10"] and both.missing == ("US 8.5",)
    women = for_search("42", "42码的女款跑鞋", US)
    assert women is not None and women.values == ["US 10"]
    assert for_search("36", "36码的裤子", US) is None  # a waist size
    assert for_search("42", "42码的跑鞋", frozenset({"41", "42", "43"})) is None  # a shop in EU sizes has 42


def test_a_search_leaves_the_eu_number_out_and_prefers_the_size_only_with_the_gender() -> None:
    query = SearchQuery(text="42码的女款跑鞋", prefer=Preferences(size="42"), product_text="42码的女款跑鞋")

    class Search:
        class engine:  # noqa: N801 (a stand-in for ProductSearch.engine)
            docs = {1: type("Doc", (), {"category_path": "Shoes > Running", "sizes": US})()}

    converted, size = search_in_us(query, query.text, Search())
    assert size is not None and converted.text == "女款跑鞋" and converted.prefer.size == "US 10"
    unsaid, size = search_in_us(SearchQuery(text="42码的跑鞋", prefer=Preferences(size="42")), "42码的跑鞋", Search())
    # "US 8.5 or US 10" would list men's shoes in US 10 (EU 44)
    assert size is not None and unsaid.text == "跑鞋" and unsaid.prefer.size is None


def test_a_shoe_open_takes_its_own_gender_and_says_a_missing_half_size() -> None:
    sizes = {"US 8", "US 9", "US 10"}
    found = for_product("Women's Road Runner", "Shoes > Running", sizes, {"42"}, EN, "en")
    assert found is not None and found[0] == {"US 10"} and "US 10 in women's" in found[1]
    missing = for_product("Men's Road Runner", "Shoes > Running", sizes, {"42"}, EN, "en")
    assert missing is not None and missing[0] is None
    assert "US 8.5 in men's" in missing[1] and "doesn't come in US 8.5" in missing[1] and "US 8 / US 9" in missing[1]
    assert for_product("Men's Road Runner", "Shoes > Running", {"41", "42"}, {"42"}, EN, "en") is None
    assert for_product("Linen Trousers", "Clothing > Men", {"30", "32"}, {"32"}, EN, "en") is None


def _size_42(text: str, context: Any) -> tuple[ParsedEntity, ...]:
    at = text.index("42")
    return (ParsedEntity("size", "42", at, at + 2),)


async def test_asking_for_an_eu_size_with_a_shoe_open(tmp_path: Path) -> None:
    async def more(uows: Any) -> None:
        await seed_fixture(uows, (WOMENS, MENS))

    async with shop_bot(tmp_path, more=more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"有42码吗": ("show_product_details", False, _size_42)})
        li = Shopper(bot, LI)
        await li.say("/start p_P41")
        said = body(await li.say("有42码吗"))
        assert "欧码42大约是女款美码10" in said and "美码 10" in said and "没有42" not in said, said
        await li.say("/start p_P42")
        said = body(await li.say("有42码吗"))
        assert "男款美码8.5" in said and "这款没有美码8.5" in said and "美码 8、美码 9" in said, said
