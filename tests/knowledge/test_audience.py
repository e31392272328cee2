"""Women's / men's / kids' products: a stated audience lists its products first and leaves out products marked
only for another audience; unisex and unmarked products stay (knowledge/search/audience.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.encoders.base import Encoder
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.audience import (
    KIDS,
    MEN,
    PETS,
    WOMEN,
    fits,
    product_audiences,
    query_audience,
    query_without_audience,
)
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.filters import Relaxation, SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.preferences import Preferences
from knowledge.search.sorting import SortOrder


def test_the_audience_a_query_asks_for() -> None:
    assert query_audience("trail shoes for women") == WOMEN
    assert query_audience("womens rain jacket") == WOMEN
    assert query_audience("ladies' gloves") == WOMEN
    assert query_audience("men's wool socks") == MEN
    assert query_audience("mens jeans") == MEN
    assert query_audience("sneakers for kids") == KIDS
    assert query_audience("boys rain boots") == KIDS
    assert query_audience("女士羽绒服") == WOMEN
    assert query_audience("女款运动鞋") == WOMEN
    assert query_audience("男士衬衫") == MEN
    assert query_audience("男款跑鞋") == MEN
    assert query_audience("儿童雨靴") == KIDS
    # Small children ("宝宝玩具" listed the dog toys first): 宝宝, 小朋友, 幼儿, 婴儿 are kids too.
    for text in ("宝宝玩具", "给小朋友的礼物", "幼儿绘本", "婴儿推车"):
        assert query_audience(text) == KIDS, text
    assert query_audience("狗宝宝的玩具") is None  # the animal's
    # No audience, both, or unisex.
    # (A brand such as "Boy Smells" is taken out of the text before: build_query reads the product words.)
    for text in ("running shoes", "shoes for men and women", "unisex hoodie", "男女同款卫衣",
                 "a gift for my girlfriend", "womenswear"):
        assert query_audience(text) is None, text


def _doc(i: int, title: str, *, title_zh: str | None = None, brand: str | None = None,
         category: str = "Shoes > Athletic > Running Shoes", price: int = 10000) -> ProductDoc:
    return ProductDoc(i, f"P{i:02d}", title, title_zh=title_zh, brand=brand, category_path=category,
                      variants=(VariantDoc(f"P{i:02d}-STD", price, "USD", 5, True, {"size": "US 8"}),))


def test_the_audience_a_product_is_marked_for() -> None:
    assert product_audiences(_doc(1, "Trail Runner Shoes, Women's")) == {WOMEN}
    assert product_audiences(_doc(2, "Trail Runner Shoes", title_zh="越野跑鞋 男款")) == {MEN}
    assert product_audiences(_doc(3, "Wool Crew Socks", category="Men's Fashion > Clothing > Socks")) == {MEN}
    assert product_audiences(_doc(4, "Hook-and-Loop Sneakers", category="Shoes > Kids > Kids' Sneakers")) == {KIDS}
    assert product_audiences(_doc(5, "Canvas Sneakers, Unisex", title_zh="帆布鞋 男女同款")) == frozenset()
    assert product_audiences(_doc(6, "Boy Smells Candle", brand="Boy Smells", category="Home > Candles")) == frozenset()
    assert fits(_doc(5, "Canvas Sneakers, Unisex"), WOMEN) and fits(_doc(7, "Road Shoes"), MEN)
    assert not fits(_doc(2, "Trail Runner Shoes, Men's"), WOMEN)


def _shop(encoder: FakeEncoder) -> SearchEngine:
    engine = SearchEngine(encoder, EngineConfig(min_cosine=0.25))
    engine.build([
        _doc(1, "Stride Road Running Shoes, Men's", title_zh="Stride 男款跑步鞋", price=9000),
        _doc(2, "Tempo Road Running Shoes, Men's", title_zh="Tempo 男款跑步鞋", price=8000),
        _doc(3, "Glide Road Running Shoes, Women's", title_zh="Glide 女款跑步鞋", price=12000),
        _doc(4, "Pace Road Running Shoes, Unisex", title_zh="Pace 男女同款跑步鞋", price=7000),
        _doc(5, "Dash Road Running Shoes, Men's", title_zh="Dash 男款跑步鞋", price=9500),
    ])
    return engine


def _asking(text: str, audience: str, sort: SortOrder = SortOrder.RELEVANCE) -> SearchQuery:
    return SearchQuery(text, filters=SearchFilters(audience=audience), prefer=Preferences(audience=audience),
                       product_text="road running shoes", sort=sort)


def test_women_first_and_no_mens_products(fake_encoder: FakeEncoder) -> None:
    """"runing shoes for women" showed one women's running shoe, then the men's ones."""
    engine = _shop(fake_encoder)
    ids = [h.external_id for h in engine.search(_asking("road running shoes for women", WOMEN)).hits]
    assert ids == ["P03", "P04"]
    # "show me cheaper ones" re-runs the same query sorted by price: still no men's shoes, women's first.
    cheaper = [h.external_id for h in engine.search(_asking("road running shoes for women", WOMEN,
                                                             SortOrder.PRICE_ASC)).hits]
    assert cheaper == ["P03", "P04"]
    zh = [h.external_id for h in engine.search(_asking("女款跑步鞋 road running shoes", WOMEN)).hits]
    assert zh[:2] == ["P03", "P04"] and not {"P01", "P02", "P05"} & set(zh)


def test_the_audience_is_relaxed_after_the_price() -> None:
    steps = [kind for kind, _ in SearchFilters(max_price_minor=5000, currency="USD", audience=WOMEN).relaxations()]
    assert steps == [Relaxation.PRICE, Relaxation.AUDIENCE]


def test_a_childs_age_asks_for_kids_products() -> None:
    """Typed "shoes for my 6 yo" listed men's shoes (and an age once read as size 6): a child's age means kids."""
    for text in ("shoes for my 6 yo", "shoes for my 6 year old", "shoes for a 6-year-old", "shoes for 6yo",
                 "jacket for my six years old", "6 year old son shoes", "gift for my 18 month old",
                 "6岁孩子的鞋", "给我六岁的儿子买双鞋"):
        assert query_audience(text) == KIDS, text
    # An adult's age, a product's age and a plain size are not.
    for text in ("gift for my 40 year old husband", "12 year old scotch", "size 6 shoes", "shoes for my 13 yo"):
        assert query_audience(text) is None, text


def test_pet_products_are_not_for_a_child() -> None:
    """"birthday present for my 6 year old" listed "Dry Dog Food, Senior 7+" (and dog toys) next to the toys: a
    product of a pet department is marked for pets, so an audience of people leaves it out."""
    food = _doc(8, "Grain-Free Turkey Dry Dog Food, Senior 7+", category="Pet Supplies > Dogs > Dog Food")
    toy = _doc(9, "Squeaky Plush Toy, For Aggressive Chewers", category="Pet Supplies > Toys > Chew & Play Toys")
    plush = _doc(10, "Dinosaur Plush Toy, 31 cm", category="Toys & Games > Soft Toys > Plush Animals")
    assert product_audiences(food) == {PETS} and product_audiences(toy) == {PETS}
    assert not fits(food, KIDS) and not fits(toy, KIDS) and not fits(toy, WOMEN)
    assert fits(plush, KIDS)
    # A query that names the animal is about the animal's product, whoever else it mentions.
    for text in ("a dog toy my kids can throw", "kitten food for my daughter's cat", "儿童也能玩的猫玩具"):
        assert query_audience(text) is None, text


def test_a_childs_age_is_not_product_words() -> None:
    """"gift for 7 year old boy" ranked "Basketball, Official Size 7" and "Senior 7+" on the number: the age says
    who the present is for and leaves the product words (the audience stays kids)."""
    assert query_without_audience("toys for a 6 year old") == "toys for a"
    assert query_without_audience("gift for 7 year old boy") == "gift for"
    assert query_without_audience("dinosaur toy for my 6yo") == "dinosaur toy for my"
    assert query_without_audience("6岁孩子的鞋") == "的鞋"
    # Not an age of a person: kept.
    assert query_without_audience("12 year old scotch") == "12 year old scotch"


@pytest.mark.model
def test_products_for_another_audience_do_not_set_the_cut(use_encoder: Encoder) -> None:
    """"儿童玩具" listed two dolls and two vet-clinic playsets only: the pet toys, whose Chinese names say 玩具 (the
    kids' toys' say 公仔, 积木, 遥控车), were the strongest candidates, set the relevance cut's reference and were
    then left out by the audience; the plush animals, the building set and the RC car were cut as weak."""
    def toy(i: int, title: str, title_zh: str, category: str) -> ProductDoc:
        return replace(_doc(i, title, title_zh=title_zh, category=category), attributes={"tags": ["toys"]})

    pets, plush = "Pet Supplies > Toys > Chew & Play Toys", "Toys & Games > Soft Toys > Plush Animals"
    engine = SearchEngine(use_encoder)
    engine.build([
        toy(1, "Squeaky Plush Toy, For Aggressive Chewers", "Tailwise 发声毛绒玩具", pets),
        toy(2, "Puzzle Treat Feeder, Pack of 3", "Chuckit! 漏食益智玩具", pets),
        toy(3, "Puzzle Treat Feeder, Dishwasher Safe", "Petstages 漏食益智玩具", pets),
        toy(4, "Catnip Kicker, Dishwasher Safe", "Cozy Paws 猫薄荷踢踢棒", pets),
        toy(5, "Rescue Vet Clinic Playset, Ages 4+", "Playmobil 宠物医院套装", "Toys & Games > Dolls & Playsets"),
        toy(6, "Soft Rag Doll, Ages 4+", "Barbie 布娃娃", "Toys & Games > Dolls & Playsets"),
        toy(7, "Dinosaur Plush Toy, 31 cm", "Steiff 恐龙毛绒公仔 31厘米", plush),
        toy(8, "Teddy Bear Plush Toy, 18 cm", "Jellycat 泰迪熊毛绒公仔 18厘米", plush),
        toy(9, "Space Shuttle Explorer Building Set, Ages 9+", "LEGO 太空穿梭机拼搭积木 520颗粒",
            "Toys & Games > Building Toys > Building Sets"),
    ])
    query = SearchQuery("儿童玩具", filters=SearchFilters(audience=KIDS), prefer=Preferences(audience=KIDS),
                        product_text="玩具", limit=10)
    ids = {h.external_id for h in engine.search(query).hits}
    assert not ids & {"P01", "P02", "P03", "P04"}, ids
    assert {"P07", "P08"} <= ids, ids
