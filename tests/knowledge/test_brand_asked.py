"""A brand named in a query (knowledge/search/brand_asked.py) and a topic ("ebooks about personal finance"):
found walking the demo store -- "华为手机有吗" listed other phones with no "we don't carry Huawei", "Nike running
shoes 男款" listed other brands with no word that Nike has none, and an e-book search about money was padded with
a Python and a coffee e-book."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.brand_asked import brand_note, carries, catalog_brands
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.models import SearchQuery, SearchResults
from knowledge.search.preferences import Preferences
from knowledge.search.ranking import topic_of


def _doc(i: int, title: str, brand: str, category: str = "Shoes > Running", **attributes: str) -> ProductDoc:
    return ProductDoc(i, f"P{i}", title, brand=brand, category_path=category, attributes=attributes,
                      variants=(VariantDoc(f"P{i}-STD", 1000, "USD", 5, True, {}),))


PHONE = _doc(1, "Apple iPhone 15 Smartphone", "Apple", "Phones", model="iPhone 15")
CASE = _doc(2, "Clear Case for iPhone 15", "Shellz", "Phones > Cases", compatible_with="iPhone 15")
WOMENS = _doc(3, "Nike Pegasus Running Shoes, Women's", "Nike")
MENS = _doc(4, "HOKA Clifton Running Shoes, Men's", "HOKA")
HUE = _doc(5, "Philips Hue Bulb", "Philips Hue", "Home > Lighting")
CATALOG = [PHONE, CASE, WOMENS, MENS, HUE]
BRANDS = catalog_brands(CATALOG)


def test_a_brand_the_shop_does_not_carry_is_named() -> None:
    assert brand_note("huawei", BRANDS, lambda: CATALOG, [PHONE], 4).missing == "huawei"
    assert carries(BRANDS, "philips") and carries(BRANDS, "NIKE") and not carries(BRANDS, "huawei")


def test_a_carried_brand_with_nothing_among_the_results_is_named_in_its_catalog_spelling() -> None:
    note = brand_note("nike", BRANDS, lambda: CATALOG, [MENS], 4)   # the men's shoes: Nike only has a women's
    assert note.none_fit == "Nike" and note.missing is None


def test_no_word_when_the_brand_names_what_the_results_are_for() -> None:
    """"apple iphone 15 case": the cases are made by others for Apple's phone."""
    assert brand_note("apple", BRANDS, lambda: CATALOG, [CASE], 4) == brand_note(None, BRANDS, lambda: CATALOG,
                                                                                [CASE], 4)


def test_the_brands_results_first_are_counted_when_other_brands_follow() -> None:
    assert brand_note("nike", BRANDS, lambda: CATALOG, [WOMENS, MENS], 4).first == ("Nike", 1)
    only = brand_note("nike", BRANDS, lambda: CATALOG, [WOMENS], 4)
    assert only.first is None and only.none_fit is None and only.missing is None


def test_the_engine_reports_the_brand(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.25))
    engine.build(CATALOG)
    results = engine.search(SearchQuery("huawei running shoes", prefer=Preferences(brand="huawei"),
                                        product_text="running shoes"))
    assert results.hits and results.missing_brand == "huawei"


def test_the_topic_of_a_query() -> None:
    assert topic_of("any ebooks about money / personal finance") == "money / personal finance"
    assert topic_of("关于理财的书") == "理财"
    assert topic_of("running shoes") == ""


def test_products_of_the_kind_must_be_about_the_topic() -> None:
    """The Python and coffee e-books are close by meaning (e-books all) and of the kind of the strongest hit, so
    the cut kept them at half strength; not being about personal finance, they are not results."""
    from tests.knowledge.test_relevance import _PlannedEncoder

    q = [1.0, 0.0, 0.0]
    encoder = _PlannedEncoder({"ebooks about": q, "ebook": q, "Personal Finance": q, "Python": [0.8, 0.6, 0.0],
                               "Coffee": [0.8, 0.0, 0.6]})
    books = "Books > E-books"
    engine = SearchEngine(encoder, EngineConfig(min_cosine=0.25))  # type: ignore[arg-type]
    engine.build([_doc(1, "Personal Finance in One Weekend Ebook", "Penrose", books),
                  _doc(2, "Python for Busy People Ebook", "Northlight", books),
                  _doc(3, "Coffee Origins Explained Ebook", "Northlight", books)])
    assert [h.external_id for h in engine.search(SearchQuery("ebooks about personal finance")).hits] == ["P1"]
    # Without a topic, the e-books are all e-books.
    assert len(engine.search(SearchQuery("ebook")).hits) == 3


def _headphones() -> list[ProductDoc]:
    return [_doc(11, "Sony Over-Ear Headphones", "Sony", "Audio > Headphones"),
            _doc(12, "Bose Over-Ear Headphones", "Bose", "Audio > Headphones"),
            _doc(13, "JBL Over-Ear Headphones", "JBL", "Audio > Headphones"),
            _doc(14, "Apple Watch Band", "Apple", "Wearables > Bands")]


def test_two_brands_asked_say_which_one_has_no_match(fake_encoder: FakeEncoder) -> None:
    """"sony or bose headphones" listed Sony first and Bose among "other brands"; with a brand the shop lacks
    ("sony or beats") or has nothing of the kind from ("apple or sony"), nothing said which one."""
    engine = SearchEngine(fake_encoder)
    engine.build(_headphones())

    def search(text: str, brand: str) -> SearchResults:
        return engine.search(SearchQuery(text, prefer=Preferences(brand=brand)))

    both = search("sony or bose over-ear headphones", "Sony|Bose")
    ids = [h.external_id for h in both.hits]
    assert ids[2:] == ["P13"] and set(ids[:2]) == {"P11", "P12"}
    assert both.brand_first == ("Sony / Bose", 2) and both.brands_unmatched == ()
    beats = search("sony or beats over-ear headphones", "Sony")
    assert beats.hits[0].external_id == "P11" and beats.brands_unmatched == (("beats", False),)
    apple = search("apple or sony over-ear headphones", "Apple|Sony")
    assert apple.hits[0].external_id == "P11" and apple.brands_unmatched == (("Apple", True),)
    # Words beside a brand that are not brands: nothing is named.
    assert search("sony or similar over-ear headphones", "Sony").brands_unmatched == ()
