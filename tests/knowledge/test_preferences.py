"""Stated preferences order the relevant products; they never filter them."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import SearchEngine
from knowledge.search.models import SearchQuery
from knowledge.search.preferences import Preferences, brand_matches, category_matches, size_matches


def _doc(pid: int, colours: tuple[str, ...] = (), sizes: tuple[str, ...] = (), brand: str = "Acme",
         category: str = "Women's Fashion > Clothing > Dresses") -> ProductDoc:
    variants = tuple(VariantDoc(f"S{pid}-{c}-{s}", 1000, "USD", 5, True, {"color": c, "size": s})
                     for c in colours or ("",) for s in sizes or ("",))
    return ProductDoc(product_id=pid, external_id=f"P{pid}", title="Dress", brand=brand, category_path=category,
                      variants=variants)


def test_matching_rules() -> None:
    assert brand_matches(_doc(1, brand="Philips Hue"), "philips")
    assert not brand_matches(_doc(1, brand="Phil"), "philips")
    assert size_matches(_doc(1, sizes=("US 8", "US 9")), "8") and not size_matches(_doc(1, sizes=("US 18",)), "8")
    assert category_matches(_doc(1), "womens") and category_matches(_doc(1), "Dress")
    assert not category_matches(_doc(1), "mens")


def test_misses_weigh_a_close_colour_half() -> None:
    prefer = Preferences(colour="red", size="M")
    assert prefer.misses(_doc(1, ("Red",), ("M",))) == 0.0
    assert prefer.misses(_doc(2, ("Burgundy",), ("M",))) == 0.5
    assert prefer.misses(_doc(3, ("Navy",), ("S",))) == 2.0


def test_report_names_unmet_preferences_and_the_close_shades_shown() -> None:
    docs = [_doc(1, ("Burgundy", "Sage")), _doc(2, ("Coral",)), _doc(3, ("Navy",))]
    report = Preferences(colour="red", size="XXL", brand="Acme").report(docs)
    assert report.unmet == ("colour",) and report.close_colours == ("burgundy", "coral")
    sized = [_doc(1, ("Red",), ("S", "M"))]
    assert Preferences(size="XXL").report(sized).unmet == ("size",)
    assert Preferences(brand="Other").report(sized).unmet == ("brand",)


def test_engine_orders_by_preference_and_keeps_the_others(search_engine: SearchEngine) -> None:
    # Fixture: Leather Chelsea Boots (Brown), Kids Rain Boots (Yellow, Red).
    results = search_engine.search(SearchQuery("boots", prefer=Preferences(colour="red"), product_text="boots"))
    assert [h.external_id for h in results.hits] == ["P08", "P07"] and results.unmet == ()
    purple = search_engine.search(SearchQuery("purple boots", prefer=Preferences(colour="purple"),
                                              product_text="boots"))
    # No purple boots: the boots still come (not the purple yoga mat), and the results say so.
    assert {h.external_id for h in purple.hits} == {"P07", "P08"} and purple.unmet == ("colour",)


def test_a_colour_word_that_names_the_product_is_not_a_preference(fake_encoder: FakeEncoder) -> None:
    """"olive oil": a top hit has "olive" in its title without being olive-coloured, so the word names the
    product; ordering olive-coloured things first (or saying "none in olive") would be wrong."""
    engine = SearchEngine(fake_encoder)
    engine.build([
        ProductDoc(1, "P1", "Extra Virgin Olive Oil 500 ml", category_path="Grocery > Oils",
                   variants=(VariantDoc("P1-STD", 1500, "USD", 5, True, {}),)),
        ProductDoc(2, "P2", "Cotton Chino Trousers", category_path="Fashion > Trousers",
                   variants=(VariantDoc("P2-OLV", 4000, "USD", 5, True, {"color": "Olive"}),)),
        ProductDoc(3, "P3", "Toasted Sesame Oil 250 ml", category_path="Grocery > Oils",
                   variants=(VariantDoc("P3-STD", 900, "USD", 5, True, {}),)),
    ])
    results = engine.search(SearchQuery("olive oil", prefer=Preferences(colour="olive"), product_text="oil"))
    assert results.hits[0].external_id == "P1" and results.unmet == ()
    assert "P2" not in [h.external_id for h in results.hits]
