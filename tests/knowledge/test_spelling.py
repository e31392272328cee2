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
    # everyday Chinese names of the demo's kinds the catalog calls otherwise ("有绘本吗" found nothing)
    for said, named in (("绘本", "纸板书"), ("菜谱", "食谱"), ("手账", "计划本"), ("襁褓", "包被"),
                        ("电饭锅", "电饭煲"), ("狗窝", "宠物窝"), ("皮鞋", "乐福鞋"), ("运动水壶", "水杯"),
                        ("运动水壶", "water bottle"), ("咖啡杯", "马克杯")):
        assert named in expansions(said, tokenize(said), known), said
    engine = SearchEngine(fake_encoder)
    engine.build([_doc(1, "Compact Travel Stroller", "Babyzen"), _doc(2, "Baby Bottle Set", "Comotomo")])
    assert [h.external_id for h in engine.search(SearchQuery("pram")).hits] == ["P1"]


def test_a_misspelt_product_word_beside_a_purpose_still_names_the_kind(fake_encoder: FakeEncoder) -> None:
    """Typed "laptp for school": the purpose word "school" used to decide alone (the typed "laptp" is in no product
    and its vector is noise), so school notebooks came first; the corrected word names the kind."""
    docs = [ProductDoc(1, "P1", "Swift Go 14 Laptop, 16 GB RAM", brand="Acer", category_path="Electronics > Laptops",
                       variants=(VariantDoc("P1-STD", 69999, "USD", 3, True, {}),)),
            ProductDoc(2, "P2", "School Notebook, A5, Lined", brand="Paperline",
                       category_path="Office > Notebooks", attributes={"tags": ["school", "back to school"]},
                       variants=(VariantDoc("P2-STD", 1399, "USD", 3, True, {}),)),
            ProductDoc(3, "P3", "School Pencil Case, Zip", brand="Deli", category_path="Office > School Supplies",
                       attributes={"tags": ["school"]}, variants=(VariantDoc("P3-STD", 599, "USD", 3, True, {}),))]
    engine = SearchEngine(fake_encoder)
    engine.build(docs)
    assert engine.search(SearchQuery("laptp for school")).hits[0].external_id == "P1"
    assert engine.search(SearchQuery("laptop for school")).hits[0].external_id == "P1"


def test_corrected_replaces_the_misspelt_words_in_the_text() -> None:
    from knowledge.text.spelling import corrected

    speller = Speller(VOCAB)
    text = "Headphnes for my kid"
    assert corrected(text, speller.fixes(tokenize(text), text)) == "headphone for my kid"
    assert corrected("脱鞋 男", speller.fixes(tokenize("脱鞋 男"), "脱鞋 男")) == "拖鞋 男"
