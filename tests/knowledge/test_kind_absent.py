"""The kind asked for is absent (knowledge/search/kind_absent.py): judged on what the results and the catalog
*are*, never on a list of queries. "yoga block" over yoga mats is absent; "yoga mat", a kind named through a
see-through container ("Resistance Band Set"), another name (synonyms.py) or a kind the ranking left out is not."""

from __future__ import annotations

from dataclasses import replace

from knowledge.search.documents import ProductDoc
from knowledge.search.engine import SearchEngine
from knowledge.search.kind_absent import absent_kind, asked_kind, with_kind_note
from knowledge.search.models import SearchQuery, SearchResults
from knowledge.search.preferences import Preferences


def _doc(pid: int, title: str, title_zh: str, category: str, product_type: str, *tags: str) -> ProductDoc:
    return ProductDoc(product_id=pid, external_id=f"P{pid}", title=title, title_zh=title_zh, category_path=category,
                      attributes={"product_type": product_type, "tags": list(tags)})


MAT = _doc(1, "Manduka Natural Rubber Yoga Mat, 6 mm", "Manduka 天然橡胶瑜伽垫 6毫米", "Sports > Yoga & Pilates",
           "Yoga Mat", "yoga")
LEGGINGS = _doc(2, "Alo High-Rise Leggings", "Alo 高腰瑜伽裤", "Fashion > Women > Leggings", "Leggings", "yoga")
BANDS = _doc(3, "Gaiam Resistance Band Set, 5 Levels", "Gaiam 弹力带套装", "Sports > Fitness", "Fitness Accessory")
BLOCKS = _doc(4, "Brickly Building Blocks Set, 500 Pieces", "Brickly 积木套装", "Toys > Building", "Building Set")
SHOES = _doc(5, "Vans Old Skool Sneakers", "Vans 男女同款休闲鞋", "Shoes > Sneakers", "Sneakers")
RUNNING = _doc(6, "Nike Pegasus Running Shoes", "Nike 男款跑步鞋", "Shoes > Running", "Running Shoes")
KEYBOARD = _doc(7, "Keychron K2 Wireless Mechanical Keyboard", "Keychron K2 无线机械键盘", "Electronics > Keyboards",
                "Keyboard & Mouse")
MOUSE = _doc(8, "Logitech MX Master 3S Wireless Mouse", "Logitech 无线鼠标", "Electronics > Keyboards",
             "Keyboard & Mouse")
ESPRESSO = _doc(9, "Breville Barista Espresso Machine", "Breville 意式咖啡机", "Home > Kitchen > Coffee",
                "Coffee Maker")
TOWELS = _doc(10, "Muji Cotton Bath Towel Set", "Muji 纯棉浴巾套装", "Home > Bath > Towels", "Bath Towel Set")
CATALOG = [MAT, LEGGINGS, BANDS, BLOCKS, SHOES, RUNNING, KEYBOARD, MOUSE, ESPRESSO, TOWELS]


def judge(text: str, hits: list[ProductDoc]) -> str | None:
    return absent_kind(text, hits, CATALOG, owner=judge, version=1)


def test_a_kind_the_shop_lacks_is_named_with_the_closest_products_as_results() -> None:
    assert judge("yoga block", [MAT, LEGGINGS]) == "yoga block"
    assert judge("瑜伽砖", [MAT, LEGGINGS]) == "瑜伽砖"
    assert judge("a yoga block for my mum", [MAT]) == "yoga block"
    # The catalog has machines and blocks, but not of the kind said: an espresso machine is no washing machine.
    assert judge("washing machine", [TOWELS]) == "washing machine"


def test_a_kind_the_shop_has_is_never_called_absent() -> None:
    assert judge("yoga mat", [MAT, LEGGINGS]) is None
    assert judge("瑜伽垫", [MAT]) is None
    assert judge("机械键盘", [KEYBOARD, MOUSE]) is None            # a mouse among them: the keyboard is the kind
    assert judge("mechanical keyboard", [MOUSE, KEYBOARD]) is None
    assert judge("resistance bands", [BANDS]) is None            # "Set" is see-through
    assert judge("trainers", [RUNNING]) is None                  # another name of sneakers, which the shop has
    assert judge("sneakers", [RUNNING]) is None                  # the ranking left them out; the shop has them
    assert judge("building blocks", [MAT]) is None


def test_requests_that_name_no_kind_are_not_judged() -> None:
    assert asked_kind("gift for my dad who likes coffee") is None
    assert asked_kind("something warm for winter") is None
    assert asked_kind("送女朋友的礼物") is None
    assert asked_kind("猫老是抓沙发怎么办") is None
    assert judge("something to keep tea hot", [MAT]) is None


def test_a_brand_asked_for_is_not_a_kind_the_shop_lacks() -> None:
    """"耐克的" (Nike's), "有耐克的吗": the brand is the whole request; answering "暂时没有耐克" (we don't carry
    Nike) over Nike products was false. A Chinese brand name or a catalog brand names no kind."""
    assert judge("耐克", [RUNNING]) is None
    assert judge("耐克的", [RUNNING]) is None
    assert absent_kind("nike", [RUNNING], CATALOG, owner=judge, version=1, brands=frozenset({"nike"})) is None
    # The kind asked for is still judged without the brand: Nike yoga blocks are not carried.
    assert judge("耐克瑜伽砖", [MAT]) == "瑜伽砖"


def test_a_query_whose_product_words_were_all_stated_preferences_names_no_kind(search_engine: SearchEngine) -> None:
    # The dialogue's reading of "耐克的": brand Nike preferred, no product words left ("").
    query = SearchQuery("耐克", prefer=Preferences(brand="nike"), product_text="")
    hit = search_engine.search(SearchQuery("shoes")).hits[0]
    results = with_kind_note(search_engine, SearchResults(query=query, hits=(hit,), total=1))
    assert results.missing_kind is None


def test_a_model_number_typed_apart_names_the_product_it_finds() -> None:
    """"wh 1000xm5" answered "We don't carry “wh 1000xm5”" over the WH-1000XM5 itself: its last plain word, "wh",
    was taken for a kind of product."""
    sony = _doc(11, "Sony WH-1000XM5 Over-Ear Headphones", "Sony WH-1000XM5 头戴式降噪耳机", "Electronics > Audio",
                "Headphones")
    for text in ("wh 1000xm5", "wh-1000 xm5", "WH1000XM5"):
        assert judge(text, [sony]) is None, text
    assert judge("wh 2000xm9", [sony]) == "wh 2000xm9"


def test_a_kind_named_by_a_quality_the_product_has_is_not_absent() -> None:
    """"匡威帆布鞋" said "暂时没有帆布鞋" over the Converse canvas sneakers (Chinese name 男女同款休闲鞋, upper
    "Canvas"): a Chinese kind that is a value of the product (帆布, canvas) and the head its name ends with (鞋) is
    that product. Not when the product lacks the value, or its name another head."""
    canvas = replace(SHOES, attributes={**SHOES.attributes, "upper": "Canvas"})
    leather = replace(SHOES, attributes={**SHOES.attributes, "upper": "Leather"})
    def with_canvas() -> None: ...
    def with_leather() -> None: ...

    assert absent_kind("帆布鞋", [canvas], [MAT, canvas], owner=with_canvas, version=1) is None
    assert absent_kind("帆布包", [canvas], [MAT, canvas], owner=with_canvas, version=1) == "帆布包"
    assert absent_kind("帆布鞋", [leather], [MAT, leather], owner=with_leather, version=1) == "帆布鞋"
    waxed = replace(BANDS, title_zh="Marlow 16英寸邮差包", attributes={"material": "Waxed canvas"})  # 油蜡帆布

    def with_waxed() -> None: ...

    assert absent_kind("帆布包", [waxed], [MAT, waxed], owner=with_waxed, version=1) is None


def test_a_short_form_of_a_kind_the_catalog_has_is_not_absent() -> None:
    """"有没有便宜点的跑鞋" said "暂时没有跑鞋": sorted by price, the first results were not running shoes, and no
    Chinese name ends with 跑鞋 -- the catalog says 跑步鞋, of which 跑鞋 is the short form (short_forms.py)."""
    cheap = _doc(11, "Cedar Shoe Trees", "Dr. Scholl's 雪松木鞋撑", "Shoes > Shoe Care", "Shoe Care")
    assert judge("跑鞋", [cheap, RUNNING]) is None
    assert judge("跑鞋", [cheap]) is None
