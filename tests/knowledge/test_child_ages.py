"""A present for a child of a stated age: products whose age range leaves that age out are not shown ("gift for
my 7 year old" listed RC cars marked "Ages 14+", testers s9-en). The catalog gives the range in the
``age_range`` attribute ("8+", "6-12", "0+") and in the title ("…, Ages 14+"); a product without one stays."""

from __future__ import annotations

from bot.core.skills.shopping.query import build_query
from knowledge.search.audience import child_age
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.filters import Relaxation, SearchFilters, matches


def _doc(title: str, **attributes: object) -> ProductDoc:
    variant = VariantDoc("P1-STD", 2999, "USD", 5, True)
    return ProductDoc(product_id=1, external_id="P1", title=title, category_path="Toys & Games > Toys",
                      attributes=attributes, variants=(variant,))


def test_the_age_a_request_states() -> None:
    assert child_age("gift for my 7 year old") == 7
    assert child_age("toys for a 7 year old boy") == 7
    assert child_age("present for my seven-year-old") == 7
    assert child_age("给6岁孩子买个礼物") == 6
    assert child_age("gift for my 18 month old") == 1
    assert child_age("gift for my 40 year old husband") is None
    assert child_age("toys for kids") is None


def test_a_stated_age_leaves_out_the_ranges_without_it() -> None:
    seven = SearchFilters(age=7)
    assert not matches(_doc("RC Monster Truck, Ages 14+", age_range="14+"), seven)
    assert not matches(_doc("RC Stunt Car, Ages 14+"), seven)  # the title's range when no attribute
    assert not matches(_doc("Coding Robot Kit", age_range="10+"), seven)
    assert not matches(_doc("Kick Scooter, Ages 2-5", age_range="2-5"), seven)
    assert matches(_doc("Kick Scooter, Ages 6-12", age_range="6-12"), seven)
    assert matches(_doc("Card Game", age_range="7+"), seven)
    assert matches(_doc("Teddy Bear Plush Toy", age_range="0+"), seven)
    assert matches(_doc("Wooden Train Set"), seven)  # no age given: it may suit


def test_a_request_for_a_child_filters_by_the_age() -> None:
    for text in ("gift for my 7 year old", "toys for a 7 year old boy"):
        query = build_query(text, None, user_id=None, lang="en", currency="USD")
        assert query.filters.age == 7 and query.filters.audience == "kids", text
    assert build_query("toys for kids", None, user_id=None, lang="en", currency="USD").filters.age is None
    steps = [kind for kind, _ in SearchFilters(audience="kids", age=7).relaxations()]
    assert steps == [Relaxation.AGE, Relaxation.AUDIENCE]
