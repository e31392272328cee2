from __future__ import annotations

from pathlib import Path

import pytest

from nlu.context import CatalogVocabulary, DialogueContext
from nlu.entities.extractor import EntityExtractor
from nlu.entities.lexicon import Lexicon
from nlu.training_data import load_training_data


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> EntityExtractor:
    from tests.helpers.nlu import write_small_data

    data = load_training_data(write_small_data(tmp_path_factory.mktemp("ent")))
    return EntityExtractor(Lexicon.from_training_data(data))


@pytest.fixture(scope="module")
def full_extractor() -> EntityExtractor:
    """The extractor built from the shipped nlu/data (its lookups, synonyms and annotations)."""
    from nlu.factory import DEFAULT_DATA_DIR

    return EntityExtractor(Lexicon.from_training_data(load_training_data(DEFAULT_DATA_DIR)))


def ents(extractor: EntityExtractor, text: str, ctx: DialogueContext | None = None) -> list[tuple[str, object]]:
    return [(e.entity, e.value) for e in extractor.extract(text, ctx)]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("add two to my cart", 2),
        ("i want 3 of those", 3),
        ("add a couple of them", 2),
        ("reduce it to one", 1),
        ("make it twenty-five", 25),
        ("x4 please", 4),
        ("我要三个", 3),
        ("两双袜子", 2),
        ("一打鸡蛋", 12),
        ("数量改成5", 5),
    ],
)
def test_quantities(extractor: EntityExtractor, text: str, quantity: int) -> None:
    assert ("quantity", quantity) in ents(extractor, text)


@pytest.mark.parametrize("text", ["that one", "monitor 27 inch", "iphone 15 case", "gift for a 5 year old", "size 42"])
def test_numbers_that_are_not_quantities(extractor: EntityExtractor, text: str) -> None:
    assert "quantity" not in [e for e, _ in ents(extractor, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("running shoes under $50", [("price_max", 5000, "USD")]),
        ("cheaper than 30", [("price_max", 3000, "USD")]),
        ("headphones 50 bucks", [("price_max", 5000, "USD")]),
        ("between 20 and 40 dollars", [("price_min", 2000, "USD"), ("price_max", 4000, "USD")]),
        ("laptops over £1,000", [("price_min", 100000, "GBP")]),
        ("100到200元的耳机", [("price_min", 10000, "CNY"), ("price_max", 20000, "CNY")]),
        ("300以内的电饭煲", [("price_max", 30000, "CNY")]),
        ("两百块以下", [("price_max", 20000, "CNY")]),
        ("1k or more", [("price_min", 100000, "USD")]),
        ("kettle, don't want to spend more than 80", [("price_max", 8000, "USD")]),  # a ceiling, not a floor
        ("50刀以下的蓝牙耳机", [("price_max", 5000, "USD")]),  # 刀: slang for dollars
        ("100美元以内", [("price_max", 10000, "USD")]),
        ("gift for my dad who likes hiking, budget around 100", [("price_max", 10000, "USD")]),
    ],
)
def test_prices_in_minor_units(extractor: EntityExtractor, text: str, expected: list[tuple[str, int, str]]) -> None:
    got = [(e.entity, e.value, e.currency) for e in extractor.extract(text) if e.entity.startswith("price")]
    assert got == expected


def test_bare_amount_uses_dialogue_currency(extractor: EntityExtractor) -> None:
    (price,) = extractor.extract("under 50", DialogueContext(currency="EUR"))
    assert (price.entity, price.value, price.currency) == ("price_max", 5000, "EUR")


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("grey hoodie", "color", "gray"),
        ("红色连衣裙", "color", "red"),
        ("藏青色外套", "color", "navy"),
        ("jeans size 32", "size", "32"),
        ("42码的跑鞋", "size", "42"),
        ("大号的T恤", "size", "L"),
        ("a shirt in XL", "size", "XL"),
        ("track order #10042", "order_id", "10042"),
        ("where is sb10042", "order_id", "SB10042"),
        ("use code SAVE10", "coupon_code", "SAVE10"),
        ("apply welcome5", "coupon_code", "WELCOME5"),
        ("coupon VIP-2026 please", "coupon_code", "VIP-2026"),
    ],
)
def test_lookups_and_identifiers(extractor: EntityExtractor, text: str, entity: str, value: str) -> None:
    assert (entity, value) in ents(extractor, text)


def test_lowercase_single_letters_are_not_sizes(extractor: EntityExtractor) -> None:
    assert "size" not in [e for e, _ in ents(extractor, "i'm looking for a m or l thing")]


def test_catalog_brands_and_categories(extractor: EntityExtractor) -> None:
    catalog = CatalogVocabulary.build(
        brands=["Anker", "索尼"],
        categories={"electronics": "electronics", "数码": "electronics"},
        product_words=["power bank"],
    )
    ctx = DialogueContext(catalog=catalog)
    assert ents(extractor, "anker power bank in electronics", ctx) == [
        ("brand", "Anker"),
        ("product", "power bank"),
        ("category", "electronics"),
    ]
    assert ("category", "electronics") in ents(extractor, "数码产品", ctx)
    assert ("brand", "索尼") in ents(extractor, "索尼耳机", ctx)


CTX = DialogueContext(last_results=("SKU-A", "SKU-B", "SKU-C"), focus="SKU-F", last_order="10042")


@pytest.mark.parametrize(
    ("text", "value", "ordinal"),
    [
        ("add the second one to cart", "SKU-B", 2),
        ("tell me more about the first", "SKU-A", 1),
        ("the last one", "SKU-C", 3),
        ("item 3 please", "SKU-C", 3),
        ("第二个详细介绍一下", "SKU-B", 2),
        ("第3个", "SKU-C", 3),
        ("最后一个", "SKU-C", 3),
        ("is it waterproof", "SKU-F", None),
        ("that one", "SKU-F", None),
        ("这个多少钱", "SKU-F", None),
        ("那件有黑色吗", "SKU-F", None),
    ],
)
def test_references_resolve_against_context(
    extractor: EntityExtractor, text: str, value: str, ordinal: int | None
) -> None:
    refs = [e for e in extractor.extract(text, CTX) if e.entity == "reference"]
    assert [(r.value, r.ordinal, r.resolved) for r in refs] == [(value, ordinal, True)]


def test_out_of_range_and_contextless_references_are_unresolved(extractor: EntityExtractor) -> None:
    (ref,) = [e for e in extractor.extract("the fifth one", CTX) if e.entity == "reference"]
    assert (ref.resolved, ref.value, ref.ordinal) == (False, "the fifth one", 5)
    (ref,) = [e for e in extractor.extract("that one") if e.entity == "reference"]
    assert ref.resolved is False


def test_single_result_resolves_demonstrative(extractor: EntityExtractor) -> None:
    (ref,) = extractor.extract("add that one", DialogueContext(last_results=("ONLY",)))
    assert (ref.value, ref.resolved) == ("ONLY", True)


def test_em_is_them(extractor: EntityExtractor) -> None:
    """"add em" (it answered "I couldn't find “em” in the shop")."""
    only = DialogueContext(last_results=("ONLY",))
    (ref,) = [e for e in extractor.extract("add em", only) if e.entity == "reference"]
    assert (ref.value, ref.resolved) == ("ONLY", True)
    (ref,) = [e for e in extractor.extract("add 'em both", CTX) if e.entity == "reference"]
    assert ref.resolved and str(ref.value).split(",") == list(CTX.last_results)
    assert not [e for e in extractor.extract("emerald green mug", CTX) if e.entity == "reference"]


def test_spans_do_not_overlap(extractor: EntityExtractor) -> None:
    found = extractor.extract("add 2 of the second one in red size M under $40 to cart #10042", CTX)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    assert {e.entity for e in found} >= {"quantity", "reference", "color", "size", "price_max", "order_id"}


def test_extraction_offsets_match_text(extractor: EntityExtractor, tmp_path: Path) -> None:
    text = "我要两件红色的连衣裙"
    for e in extractor.extract(text):
        assert text[e.start : e.end]


def test_one_character_chinese_colours_inside_other_words_are_not_colours() -> None:
    from nlu.entities.gazetteer import Gazetteer

    colours = Gazetteer([("color", "蓝", "blue"), ("color", "白", "white"), ("color", "红色", "red")])
    assert [h.value for h in colours.find("蓝牙耳机")] == []  # Bluetooth earphones
    assert [h.value for h in colours.find("我明白了")] == []
    assert [h.value for h in colours.find("要蓝的那个")] == ["blue"]
    assert [h.value for h in colours.find("红色连衣裙")] == ["red"]
    # a longer word that is a term of another kind is no colour: 奶粉 and 粉底液 are products, not pink
    terms = Gazetteer([("color", "粉", "pink"), ("color", "红", "red"), ("product", "奶粉", "奶粉"),
                       ("product", "粉底液", "粉底液"), ("product", "红茶", "红茶"), ("color", "粉红", "pink")])
    assert [(h.entity, h.value) for h in terms.find("有奶粉吗")] == [("product", "奶粉")]
    assert [(h.entity, h.value) for h in terms.find("红茶")] == [("product", "红茶")]
    assert ("color", "pink") not in [(h.entity, h.value) for h in terms.find("粉底液")]
    assert ("color", "pink") in [(h.entity, h.value) for h in terms.find("要粉红的")]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("一双白色运动鞋", 1), ("我要一双", 1), ("buy a pair of socks", 1), ("a dozen eggs", 12), ("两双袜子", 2)],
)
def test_pairs_and_dozens_are_quantities_in_the_shipped_data(
    full_extractor: EntityExtractor, text: str, quantity: int
) -> None:
    assert [(e, v) for e, v in ents(full_extractor, text) if e in {"quantity", "size"}] == [("quantity", quantity)]


def test_a_synonym_of_a_number_is_not_a_size(tmp_path: Path) -> None:
    path = tmp_path / "en.yml"
    path.write_text(
        'version: "3.1"\nnlu:\n- intent: add_to_cart\n  examples: |\n'
        '    - make it [a dozen]{"entity": "quantity", "value": "12"}\n'
        "- lookup: size\n  examples: |\n    - 12\n    - XL\n",
        encoding="utf-8",
    )
    extractor = EntityExtractor(Lexicon.from_training_data(load_training_data(path)))
    assert ents(extractor, "a dozen eggs") == [("quantity", 12)]


def test_brands_and_categories_come_from_the_live_catalogue(extractor: EntityExtractor) -> None:
    """Names the training data never saw are found once the catalogue has them, and forgotten when it drops them."""
    assert [e for e, _ in ents(extractor, "zorblax kettle")] == []
    before = DialogueContext(catalog=CatalogVocabulary.build(brands=["Zorblax"], categories={"水壶": "kettles"}))
    assert ents(extractor, "zorblax 水壶", before) == [("brand", "Zorblax"), ("category", "kettles")]
    after = DialogueContext(catalog=CatalogVocabulary.build(brands=["Quuxco"]))
    assert ents(extractor, "zorblax 水壶", after) == []
    assert ents(extractor, "QUUXCO", after) == [("brand", "Quuxco")]


@pytest.mark.parametrize("text", ["change the delivery address to 90 Lake Ave, Bellevue WA 98004",
                                  "ship it to Portland, OR 97210 instead", "my zip code is 98004", "邮编 100080",
                                  "can i change the address to 55 Oak Ave Seattle 98109",
                                  "ship to 12 Main Street, Springfield 62701"])
def test_a_postcode_is_not_an_order_number(extractor: EntityExtractor, text: str) -> None:
    assert "order_id" not in [e for e, _ in ents(extractor, text)]


@pytest.mark.parametrize("text", ["my order is 10042", "cancel 10042 please", "order #98004"])
def test_bare_order_numbers_still_are(extractor: EntityExtractor, text: str) -> None:
    assert "order_id" in [e for e, _ in ents(extractor, text)]


@pytest.mark.parametrize(("text", "code"), [("VIP-2026也一起用", "VIP-2026"), ("用SAVE5吧", "SAVE5"),
                                            ("use VIP-2026 too", "VIP-2026")])
def test_a_coupon_code_written_against_chinese_is_found(full_extractor: EntityExtractor, text: str,
                                                        code: str) -> None:
    assert ("coupon_code", code) in ents(full_extractor, text)


def test_nothing_over_an_amount_is_a_ceiling_not_a_brand(extractor: EntityExtractor) -> None:
    """walk7-en: "nothing over $80" after earbuds searched the brand "Nothing" with a floor of $80."""
    ctx = DialogueContext(catalog=CatalogVocabulary(brands={"nothing": "Nothing"}))
    for text in ("nothing over $80", "none above 80 dollars"):
        got = [(e.entity, e.value) for e in extractor.extract(text, ctx)]
        assert got == [("price_max", 8000)], (text, got)
    over = [(e.entity, e.value) for e in extractor.extract("over $80", ctx)]
    assert over == [("price_min", 8000)], over
