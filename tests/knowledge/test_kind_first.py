"""Only the first results are the kind asked for, close products follow (knowledge/search/kind_first.py): "电饭煲"
listed the one rice cooker, then kettles and rice noodles, under "“电饭煲”共 7 件", as if all were rice cookers."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import SearchEngine
from knowledge.search.kind_first import with_kind_first
from knowledge.search.models import SearchHit, SearchQuery, SearchResults


def _doc(pid: int, title: str, title_zh: str, category: str) -> ProductDoc:
    return ProductDoc(pid, f"P{pid}", title, title_zh=title_zh, category_path=category,
                      variants=(VariantDoc(f"P{pid}-STD", 5000, "USD", 5, True, {}),))


DOCS = [
    _doc(1, "Midea Smart Rice Cooker, 10 Cups", "Midea Smart 电饭煲 860W", "Home > Kitchen > Appliances"),
    _doc(2, "Cuisinart Electric Kettle, 1.7 L", "Cuisinart 电热水壶 1500W", "Home > Kitchen > Appliances"),
    _doc(3, "Nongshim Rice Vermicelli, 2.5 kg", "Nongshim 米粉 2.5 kg", "Grocery > Noodles"),
    _doc(4, "Zojirushi Rice Cooker, 5.5 Cups", "Zojirushi 电饭煲 5.5杯", "Home > Kitchen > Appliances"),
    _doc(5, "Anker Power Bank, 10000 mAh", "Anker 10000毫安 充电宝", "Electronics > Power"),
    _doc(6, "Baseus GaN Charger, 100 W", "Baseus 100W 氮化镓快充充电器", "Electronics > Power"),
]


def _results(engine: SearchEngine, text: str, order: list[int]) -> SearchResults:
    hits = tuple(SearchHit(d.product_id, d.external_id, None, d.title, d.title_zh, None, d.category_path, 5000, "USD",
                           True, None, 0, None, 1.0) for i in order for d in DOCS if d.product_id == i)
    return SearchResults(SearchQuery(text), hits, total=len(hits))


def test_where_the_kind_asked_for_ends_among_the_results(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder)
    engine.build(DOCS)
    assert with_kind_first(engine, _results(engine, "电饭煲", [1, 2, 3])).kind_first == ("电饭煲", 1)
    assert with_kind_first(engine, _results(engine, "rice cooker", [1, 4, 2, 3])).kind_first == ("rice cooker", 2)
    # All of the kind, none of it first, or the kind again after others: nothing to say.
    assert with_kind_first(engine, _results(engine, "电饭煲", [1, 4])).kind_first is None
    assert with_kind_first(engine, _results(engine, "电饭煲", [2, 1])).kind_first is None
    assert with_kind_first(engine, _results(engine, "电饭煲", [1, 2, 4])).kind_first is None
    # The kind is named as the shopper said it: jieba reads 充电宝 as 充电 + 宝, and "前 1 件是“宝”" made no sense.
    assert with_kind_first(engine, _results(engine, "我想买个充电宝", [5, 6])).kind_first == ("充电宝", 1)
