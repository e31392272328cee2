"""Model numbers: the exact model first, another number or variant of the same line left out, and a model the
shop does not have named as missing (knowledge/search/model_numbers.py)."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.model_numbers import model_lines, parse_models, product_models, query_models
from knowledge.search.models import SearchQuery
from knowledge.search.sorting import SortOrder


def _doc(i: int, title: str, category: str, **attributes: str) -> ProductDoc:
    return ProductDoc(i, f"P{i:02d}", title, category_path=category, attributes=attributes,
                      variants=(VariantDoc(f"P{i:02d}-STD", 3000, "USD", 5, True, {}),))


PHONE = "Electronics > Phones"
CASES = "Electronics > Phone Cases"
CATALOG = [
    _doc(1, "Lumo Nova 12 Smartphone, 6.1-inch Display", PHONE, model="Nova 12"),
    _doc(2, "Lumo Nova 12 Pro Smartphone, 6.7-inch Display", PHONE, model="Nova 12 Pro"),
    _doc(3, "Shellguard Clear Case for Nova 12 Pro", CASES, compatible_with="Nova 12 Pro"),
    _doc(4, "Shellguard Clear Case for Nova 12", CASES, compatible_with="Nova 12"),
    _doc(5, "Armorline Rugged Case for Nova 12 Pro", CASES),
    _doc(6, "Armorline Rugged Case for Zephyr S9", CASES, compatible_with="Zephyr S9"),
]


def test_models_are_line_number_and_variant() -> None:
    (pro,) = parse_models("Nova 12 Pro")
    assert pro.key == ("nova", "12", frozenset({"pro"}))
    assert parse_models("nova12")[0].key == ("nova", "12", frozenset())
    assert parse_models("Zephyr S9 Ultra")[0].key == ("zephyr", "s9", frozenset({"ultra"}))
    # Words before a number that are not product lines.
    assert parse_models("running shoes size 8") == () and parse_models("headphones under 100") == ()
    lines = model_lines(CATALOG)
    assert lines == {"nova", "zephyr"}
    assert [m.surface for m in query_models("有 nova 12 pro 的手机壳吗", lines)] == ["nova 12 pro"]
    assert query_models("running shoes 2 pack", lines) == ()
    # A title naming a known line counts when the attributes say nothing.
    assert product_models(CATALOG[4], lines) == {("nova", "12", frozenset({"pro"}))}


def _ids(engine: SearchEngine, text: str) -> tuple[list[str], str | None]:
    results = engine.search(SearchQuery(text))
    return [h.external_id for h in results.hits], results.missing_model


def test_the_exact_model_and_never_another_variant(fake_encoder: FakeEncoder) -> None:
    """"有 iphone 15 的手机壳吗" listed the cases for the 15 Pro; "iphone 15 pro" showed the 15's case."""
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.2))
    engine.build(CATALOG)
    ids, missing = _ids(engine, "nova 12 case")
    assert ids[0] == "P04" and not {"P02", "P03", "P05"} & set(ids) and missing is None
    ids, missing = _ids(engine, "nova 12 pro case")
    assert set(ids[:2]) == {"P03", "P05"} and not {"P01", "P04"} & set(ids) and missing is None
    ids, _ = _ids(engine, "有 nova 12 pro 的 case")
    assert "P04" not in ids and "P03" in ids


def test_a_model_the_shop_does_not_have_is_named(fake_encoder: FakeEncoder) -> None:
    """"do u sell iphone 16" listed iPhone 15 products without saying there is no iPhone 16."""
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.2))
    engine.build(CATALOG)
    ids, missing = _ids(engine, "lumo nova 13 smartphone")
    assert missing == "nova 13"
    assert ids and set(ids) & {"P01", "P02"}  # the closest products are still shown


def test_a_sort_keeps_the_model_asked_for_first(fake_encoder: FakeEncoder) -> None:
    """"cheapest first" after "phone case for iphone 15" listed a cheaper Pixel 8a case above every iPhone 15
    case (walk 5): a sort orders the model's products, then the rest."""
    cheap = ProductDoc(7, "P07", "Nova Style Budget Case 12 Colours, for Zephyr S9", category_path=CASES,
                       attributes={"compatible_with": "Zephyr S9"},
                       variants=(VariantDoc("P07-STD", 900, "USD", 5, True, {}),))
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.2))
    engine.build([*CATALOG, cheap])
    results = engine.search(SearchQuery("nova 12 case", sort=SortOrder.PRICE_ASC))
    ids = [h.external_id for h in results.hits]
    assert ids == ["P04", "P07"], ids


def test_a_hyphenated_model_with_a_generation_suffix_is_a_model(fake_encoder: FakeEncoder) -> None:
    """"do u have the sony wh-1000xm4" listed the WH-1000XM5 as if it were it: "WH-1000XM5" was no model at all
    (the hyphen between line and number, and the digit after "xm")."""
    assert [(m.line, m.number) for m in parse_models("sony wh-1000xm4")] == [("wh", "1000xm4")]
    assert [(m.line, m.number) for m in parse_models("WF-1000XM5")] == [("wf", "1000xm5")]
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.0))
    engine.build([_doc(7, "Sony WH-1000XM5 Over-Ear Headphones", "Electronics > Headphones", model="WH-1000XM5"),
                  _doc(8, "Sony WF-1000XM5 Earbuds", "Electronics > Headphones", model="WF-1000XM5")])
    missing = engine.search(SearchQuery("sony wh-1000xm4 headphones"))
    assert missing.missing_model == "wh-1000xm4"
    found = engine.search(SearchQuery("sony wh-1000xm5 headphones"))
    assert found.missing_model is None and found.hits[0].external_id == "P07"


def test_a_model_number_matches_with_or_without_its_hyphen_and_spaces(fake_encoder: FakeEncoder) -> None:
    """"wh1000xm5" found nothing and "wh 1000xm5" power banks (their "1000" mAh) although the WH-1000XM5 is in the
    catalog; "wh-1000 xm5" was "we don't have wh-1000". Shoppers type model numbers every way."""
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.25))
    engine.build([_doc(7, "Sony WH-1000XM5 Over-Ear Headphones", "Electronics > Headphones", model="WH-1000XM5"),
                  _doc(8, "Sony WF-1000XM5 Earbuds", "Electronics > Headphones", model="WF-1000XM5"),
                  _doc(9, "Anker Power Bank 10000 mAh", "Electronics > Power Banks"),
                  _doc(10, "Lumo Nova 12 Pro Smartphone", PHONE, model="Nova 12 Pro")])
    for text in ("wh1000xm5", "WH1000XM5", "wh 1000xm5", "wh-1000 xm5", "wh 1000 xm5", "sony wh1000xm5 headphones"):
        ids, missing = _ids(engine, text)
        assert ids[:1] == ["P07"] and missing is None, (text, ids, missing)
        assert "P09" not in ids, text
    assert _ids(engine, "wf1000xm5")[0][:1] == ["P08"]
    assert _ids(engine, "nova12 pro")[0][:1] == ["P10"]
