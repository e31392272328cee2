"""Misspelt query words and Chinese brand names reach the catalog's own words."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import SearchEngine
from knowledge.search.models import SearchQuery
from knowledge.text import tokenize
from knowledge.text.brands import aliases_in
from knowledge.text.spelling import Speller

VOCAB = {"headphone": 5, "moisturizer": 4, "hoodie": 3, "sneaker": 6, "keyboard": 2, "jump": 9, "rope": 9,
         "拖鞋": 3, "保鲜盒": 2, "保鲜": 2, "猫砂": 1, "炸锅": 2, "瑜伽": 4, "笔记": 5}


def test_english_slips_are_corrected_within_a_small_edit_distance() -> None:
    speller = Speller(VOCAB)
    for typed, meant in [("headphnes", "headphone"), ("mosturizer", "moisturizer"), ("hoddie", "hoodie"),
                         ("sneekers", "sneaker"), ("keybaord", "keyboard")]:
        assert speller.corrections(tokenize(typed), typed) == [meant], typed
    # Known words, short words and words two edits shorter are left alone ("jumper" is not "jump").
    for text in ("keyboard", "pain", "jumper", "rope"):
        assert speller.corrections(tokenize(text), text) == [], text


def test_chinese_homophone_slips_differ_in_one_character() -> None:
    speller = Speller(VOCAB)
    assert speller.corrections(tokenize("脱鞋"), "脱鞋") == ["拖鞋"]
    assert "保鲜盒" in speller.corrections(tokenize("保险盒"), "保险盒")
    assert speller.corrections(tokenize("空气炸过"), "空气炸过") == ["炸锅"]
    assert speller.corrections(tokenize("瑜珈垫"), "瑜珈垫") == ["瑜伽"]
    # Same sound but two different characters is not a slip: 壁机 (bi ji) is not 笔记.
    assert speller.corrections(tokenize("破壁机"), "破壁机") == []


def _doc(pid: int, title: str, brand: str, title_zh: str | None = None) -> ProductDoc:
    return ProductDoc(pid, f"P{pid}", title, title_zh=title_zh, brand=brand, category_path="Home > Things",
                      variants=(VariantDoc(f"P{pid}-STD", 1000, "USD", 3, True, {}),))


def test_misspelt_and_chinese_brand_queries_find_products(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder)
    engine.build([_doc(1, "Muji Porcelain Mug", "Muji", "Muji 白瓷马克杯"), _doc(2, "Muji Felted Slippers", "Muji"),
                  _doc(3, "Noise Cancelling Headphones", "Sonora"), _doc(4, "Xiaomi Electric Kettle", "Xiaomi"),
                  _doc(5, "Ceramic Mug Set", "Hearth")])
    assert {h.external_id for h in engine.search(SearchQuery("无印良品")).hits} == {"P1", "P2"}
    mugs = engine.search(SearchQuery("无印良品马克杯")).hits
    assert mugs[0].external_id == "P1"
    assert [h.external_id for h in engine.search(SearchQuery("headphnes")).hits] == ["P3"]
    # An alias of a brand the catalog does not carry is nothing: no brand preference is invented.
    assert aliases_in("耐克跑鞋", {}) == [] and aliases_in("耐克跑鞋") == [("耐克", "Nike")]


def test_other_names_are_searched_only_where_the_catalog_lacks_the_word(fake_encoder: FakeEncoder) -> None:
    from knowledge.text.synonyms import expansions

    known = {"stroller", "diaper", "手机", "充电宝", "iron"}.__contains__
    assert "stroller" in expansions("pram", tokenize("pram"), known)
    assert "充电宝" in expansions("移动电源", tokenize("移动电源"), known)
    assert "hair straightener" in expansions("flat iron", tokenize("flat iron"), known)   # a phrase always
    assert expansions("手机壳", tokenize("手机壳"), known) == []          # the catalog says 手机: no smartphones
    engine = SearchEngine(fake_encoder)
    engine.build([_doc(1, "Compact Travel Stroller", "Babyzen"), _doc(2, "Baby Bottle Set", "Comotomo")])
    assert [h.external_id for h in engine.search(SearchQuery("pram")).hits] == ["P1"]
