"""Head nouns: "shoes" asks for shoes; the shoe trees only carry the word (knowledge/search/heads.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.encoders.base import Encoder
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.heads import head_match, product_heads, query_heads
from knowledge.search.models import SearchQuery


@pytest.mark.parametrize(("text", "heads"), [
    ("shoes", {"shoe"}),
    ("rain jacket for hiking", {"jacket", "coat"}),        # a coat is a jacket by another name
    ("bag for my laptop", {"bag"}),
    ("mens running shoes size 10", {"shoe"}),
    ("portable charger", {"charger", "bank", "pack"}),     # its other names' heads too (synonyms.py)
    ("something for a 10 year old", set()),
    ("carry my laptop to work", set()),                     # the laptop is the shopper's own
    ("手冲壶", {"壶"}),                                      # Chinese: the last word
    ("鞋子", {"鞋子", "鞋"}),                                 # ...with its noun suffix 子 dropped
    ("蓝牙耳机", {"耳机"}),
])
def test_the_head_of_a_query(text: str, heads: set[str]) -> None:
    assert query_heads(text) == heads


def test_the_heads_of_a_product_come_from_its_title_and_category_leaf() -> None:
    assert product_heads("Dr. Scholl's Cedar Shoe Trees, 1 Pair", "Shoes > Shoe Care > Insoles & Care") == (
        frozenset({"tree"}), frozenset({"insole", "care"}))
    assert product_heads("Allen Edmonds Oxford Shoes in Suede, Leather Sole", "Shoes > Dress Shoes > Loafers") == (
        frozenset({"shoe"}), frozenset({"loafer"}))
    assert product_heads("Apple AirPods Pro (2nd gen) True Wireless Earbuds, Case", None)[0] == {"earbud"}
    assert head_match(frozenset({"shoe"}), "Saucony Ride 17 Running Shoes, Men's", "Shoes > Running Shoes") == 1.0
    assert head_match(frozenset({"tea"}), "Harney & Sons Earl Grey, 20 Tea Bags", "Grocery > Tea") == 0.5
    assert head_match(frozenset({"shoe"}), "Dr. Scholl's Cedar Shoe Trees", "Shoes > Shoe Care > Insoles & Care") == 0


def _doc(pid: int, title: str, category: str, tags: str) -> ProductDoc:
    return ProductDoc(pid, f"P{pid}", title, category_path=category, attributes={"tags": tags.split()},
                      variants=(VariantDoc(f"P{pid}-STD", 5000, "USD", 5, True, {}),))


def test_shoes_come_before_the_shoe_care_that_carries_the_word(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.2))
    engine.build([
        _doc(1, "Cedar Shoe Trees", "Shoes > Shoe Care", "shoes shoe-care"),
        _doc(2, "Shoe Protector Spray", "Shoes > Shoe Care", "shoes shoe-care"),
        _doc(3, "Trail Running Shoes, Mesh", "Shoes > Running Shoes", "shoes running"),
        _doc(4, "Leather Derby Shoes, Welted", "Shoes > Dress Shoes", "shoes formal"),
    ])
    ids = [h.external_id for h in engine.search(SearchQuery("shoes")).hits]
    assert set(ids[:2]) == {"P3", "P4"}, ids


def test_a_chinese_head_matches_the_end_of_the_chinese_name_as_a_whole_word() -> None:
    kettle = frozenset({"壶"})
    assert head_match(kettle, "Stagg Pour-Over Kettle", "Kitchen > Coffee Makers", "Fellow Stagg EKG 手冲电热壶") == 1.0
    assert head_match(kettle, "Cast Iron Kettlebell, 12 kg", "Fitness > Weights", "Amazon Basics 铸铁壶铃 12 kg") == 0
    # Whole words: 机 would end 耳机 and 咖啡机 alike; specs after the name do not count.
    earphones = frozenset({"耳机"})
    assert head_match(earphones, "Espresso Machine", "Kitchen > Coffee Makers", "Breville 意式咖啡机") == 0
    assert head_match(earphones, "Tune Headphones", "Audio > Headphones", "JBL 头戴式降噪蓝牙耳机 44小时") == 1.0
    assert head_match(frozenset({"杯"}), "Travel Mug, 470 ml", "Kitchen > Mugs", "Stanley 保温随行杯 470毫升") == 1.0


def test_a_chinese_head_has_its_other_names_heads_too() -> None:
    """"咖啡杯" is a mug: before, its only head was 咖啡杯, which no product name ends with, and the coffee beans
    (咖啡豆, sharing 咖啡) came before every mug, with "暂时没有咖啡杯"."""
    assert {"mug", "马克杯"} <= query_heads("咖啡杯")
    assert {"cooker", "电饭煲"} <= query_heads("电饭锅")
    assert {"杯子", "杯", "mug", "马克杯"} <= query_heads("杯子")


@pytest.mark.model
def test_a_chinese_name_of_a_kind_finds_it_before_what_shares_its_modifier(use_encoder: Encoder) -> None:
    """On the real encoder (the fake one reads 咖啡 in 咖啡豆 as the whole meaning and cuts the mugs)."""
    engine = SearchEngine(use_encoder)
    docs = [
        _doc(1, "Guatemala Coffee Beans, Medium Roast", "Grocery > Coffee", "coffee coffee-beans"),
        _doc(2, "Colombia Coffee Beans, Light Roast", "Grocery > Coffee", "coffee coffee-beans"),
        _doc(3, "Glossy Porcelain Coffee Mug, 300 ml", "Kitchen > Mugs", "mug coffee tea"),
        _doc(4, "Stoneware Mug with Handle, 450 ml", "Kitchen > Mugs", "mug coffee tea"),
    ]
    names = {1: "危地马拉中烘咖啡豆", 2: "哥伦比亚浅烘咖啡豆", 3: "亮光白瓷马克杯 300毫升", 4: "哑光粗陶马克杯 450毫升"}
    engine.build([replace(d, title_zh=names[d.product_id]) for d in docs])
    ids = [h.external_id for h in engine.search(SearchQuery("咖啡杯")).hits]
    assert set(ids[:2]) == {"P3", "P4"}, ids
