"""The relevance cut: only products of the kind asked for are results, under any filter or sort order."""

from __future__ import annotations

import numpy as np

from knowledge.encoders.base import Vectors
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.filters import SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.relevance import GateConfig, RelevanceGate
from knowledge.search.sorting import SortOrder


def _ids(engine: SearchEngine, query: SearchQuery) -> list[str]:
    return [h.external_id for h in engine.search(query).hits]


def test_evidence_is_relative_to_the_best_candidate_of_the_query() -> None:
    # Products 1, 5, 6 have every product word (1 the best cosine); 2 shares one word ("wireless keyboard"
    # for "wireless earbuds"); 3 is close by meaning only; 4 is an English-only product for a Chinese query.
    gate = RelevanceGate({1: 0.56, 2: 0.20, 3: 0.45, 4: 0.50, 5: 0.50, 6: 0.47},
                         {1: 1.0, 2: 0.45, 3: 0.0, 4: None, 5: 1.0, 6: 1.0},
                         {1: "Audio > Earbuds", 2: "Computers > Keyboards", 3: "Audio > Headphones", 4: None,
                          5: "Audio > Earbuds", 6: "Audio > Earbuds"},
                         GateConfig(keep_ratio=0.75, same_kind_ratio=0.5))
    assert gate.kinds == {"Audio > Earbuds"}                         # the kind of the strongest three
    assert gate.best == gate.evidence(0.56, 1.0) == 1.5
    assert gate.keeps(0.56, 1.0, "Audio > Earbuds")
    assert not gate.keeps(0.20, 0.45, "Computers > Keyboards")      # (0.36 + 0.225) / 1.5 < 0.75
    assert not gate.keeps(0.45, 0.0, "Audio > Headphones")           # 0.80 / 1.5 < 0.75, another kind
    assert gate.keeps(0.45, 0.0, "Audio > Earbuds")                  # ...but >= 0.5 among its kind
    # Every word but another kind, and a middling cosine ("dress shoes" for "red dress"): the words alone
    # do not carry a product of another kind.
    assert gate.strength(0.38, 1.0) >= 0.75 and not gate.keeps(0.38, 1.0, "Shoes > Dress Shoes")
    assert gate.keeps(0.42, 1.0, "Shoes > Dress Shoes")             # 0.42 / 0.56 >= 0.7
    assert gate.evidence(0.50, None) == (0.50 / 0.56) * 1.5          # no text to match: the vector speaks
    assert gate.keeps(0.50, None, None) and not gate.keeps(0.40, None, None)


def test_a_query_nothing_names_is_judged_on_its_vector_alone() -> None:
    # A description or a typo: no product has the words, so coverage cannot tell products apart.
    gate = RelevanceGate({1: 0.30, 2: 0.25, 3: 0.10}, {1: 0.0, 2: 0.0, 3: 0.0}, {}, GateConfig(0.75, 0.5))
    assert gate.keyword_weight == 0.0 and gate.keeps(0.25, 0.0, None) and not gate.keeps(0.10, 0.0, None)


def _shop(encoder: FakeEncoder, *products: tuple[str, str, int, str]) -> SearchEngine:
    engine = SearchEngine(encoder, EngineConfig(min_cosine=0.25))
    engine.build([ProductDoc(i, pid, title, category_path=category,
                             variants=(VariantDoc(f"{pid}-STD", price, "USD", 5, True, {}),))
                  for i, (pid, title, price, category) in enumerate(products, start=1)])
    return engine


def test_a_price_cap_never_lets_weaker_products_in(fake_encoder: FakeEncoder) -> None:
    """Only one pair of earbuds is under $50. The restricted re-search among cheap products used to rank
    the wireless keyboard, charger and case after it (they share "wireless"); the cut keeps them out."""
    engine = _shop(fake_encoder,
                   ("E1", "Wireless Earbuds Lite", 4900, "Audio > Earbuds"),
                   ("E2", "Wireless Earbuds Pro", 9900, "Audio > Earbuds"),
                   ("E3", "Wireless Earbuds Max", 14900, "Audio > Earbuds"),
                   ("K1", "Wireless Keyboard", 3900, "Computers > Keyboards"),
                   ("C1", "Wireless Charger Pad", 2500, "Phones > Chargers"),
                   ("C2", "Slim Phone Case, Wireless Charging Compatible", 2000, "Phones > Cases"))
    cap = SearchFilters(currency="USD", max_price_minor=5000)
    assert _ids(engine, SearchQuery("wireless earbuds", filters=cap)) == ["E1"]
    assert set(_ids(engine, SearchQuery("wireless earbuds"))) == {"E1", "E2", "E3"}
    none = SearchFilters(currency="USD", max_price_minor=4000)
    assert _ids(engine, SearchQuery("wireless earbuds", filters=none)) == []


def test_price_order_sorts_only_the_products_asked_for(fake_encoder: FakeEncoder) -> None:
    """"cheapest yoga mat": the bath mat and the yoga block are cheaper, and share a word; they are not
    yoga mats, so they are not sorted in."""
    engine = _shop(fake_encoder,
                   ("Y1", "Cork Yoga Mat 8 mm", 6900, "Sports > Yoga"),
                   ("Y2", "Yoga Mat 4 mm Non-Slip", 2999, "Sports > Yoga"),
                   ("B1", "Cotton Bath Mat Non-Slip", 1999, "Bath > Mats"),
                   ("Y3", "Foam Yoga Block", 999, "Sports > Yoga Accessories"),
                   ("S1", "Shoe Trees Cedar", 2000, "Shoes > Care"))
    assert _ids(engine, SearchQuery("yoga mat", sort=SortOrder.PRICE_ASC)) == ["Y2", "Y1"]
    assert _ids(engine, SearchQuery("yoga mat", sort=SortOrder.PRICE_DESC)) == ["Y1", "Y2"]


def test_exact_sku_always_passes(search_engine: SearchEngine) -> None:
    assert _ids(search_engine, SearchQuery("P20-BLA"))[0] == "P20"


class _PlannedEncoder:
    """Vectors chosen per text (the first key a text contains), so a test can place cosines exactly."""

    def __init__(self, plan: dict[str, list[float]]) -> None:
        self.plan = plan
        self.name = "planned"
        self.dim = 3

    def encode(self, texts: list[str]) -> Vectors:
        rows = np.asarray([next(v for k, v in self.plan.items() if k in t) for t in texts], dtype=np.float32)
        out: Vectors = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        return out


def test_products_with_the_words_are_not_cut_beside_a_neighbour_below_the_noise_floor() -> None:
    """"手冲壶": the encoder finds nothing near (a racket at cosine 0.17, under the 0.22 floor) and ranks
    the two pour-over products that have the words lower still. The racket is no result, so it must not
    be the yardstick either: the pour-over kettle and dripper are the answer."""
    q = [1.0, 0.0, 0.0]
    encoder = _PlannedEncoder({"手冲壶": q, "Racket": [0.17, 0.985, 0.0], "Kettle": [0.05, 0.0, 0.9987],
                               "Dripper": [0.08, 0.3, 0.95]})
    engine = SearchEngine(encoder, EngineConfig(min_cosine=0.22))  # type: ignore[arg-type]
    engine.build([ProductDoc(i, pid, title, title_zh=zh, category_path=cat,
                             variants=(VariantDoc(f"{pid}-STD", 2000, "USD", 5, True, {}),))
                  for i, (pid, title, zh, cat) in enumerate([
                      ("R1", "Badminton Racket", "羽毛球拍", "Sports > Racket Sports"),
                      ("K1", "Electric Pour-Over Kettle", "手冲电热壶", "Kitchen > Coffee Makers"),
                      ("D1", "Pour-Over Coffee Dripper", "手冲滤杯", "Kitchen > Coffee Makers")], start=1)])
    assert set(_ids(engine, SearchQuery("手冲壶"))) == {"K1", "D1"}


def test_the_strongest_product_with_every_word_adds_its_kind_when_its_meaning_is_close_too() -> None:
    """"想给狗子买个窝": dog food and shampoo (found by meaning only) outscore the pet bed that has every word;
    the bed's kind is asked for too, so the other pet beds stay. For "无线鼠标" the earbuds have every word
    the catalog knows (鼠标 is in no text) but are far by meaning: their kind is not added."""
    beds = RelevanceGate({1: 0.305, 2: 0.301, 3: 0.300, 4: 0.292, 5: 0.194},
                         {1: None, 2: None, 3: None, 4: 1.0, 5: 1.0},
                         {1: "Dogs > Food", 2: "Dogs > Food", 3: "Grooming", 4: "Dogs > Beds", 5: "Dogs > Beds"},
                         GateConfig(keep_ratio=0.75, same_kind_ratio=0.5))
    assert beds.kinds == {"Dogs > Food", "Grooming", "Dogs > Beds"}
    assert beds.keeps(0.194, 1.0, "Dogs > Beds")
    mice = RelevanceGate({1: 0.478, 2: 0.437, 3: 0.43, 4: 0.315}, {1: None, 2: None, 3: None, 4: 1.0},
                         {1: "Mice", 2: "Mice", 3: "Mice", 4: "Earbuds"},
                         GateConfig(keep_ratio=0.75, same_kind_ratio=0.5))
    assert mice.kinds == {"Mice"}


def test_a_chinese_name_with_every_known_word_adds_its_kind_however_far_its_vector() -> None:
    """"浴袍": the bathrobes (珊瑚绒浴袍) are 0.69 of the best cosine (a baby towel's) and were cut; when every product
    word is a Chinese word of the catalog, the one with all of them in its name is of the kind asked for."""
    cosines, coverage = {1: 0.36, 2: 0.35, 3: 0.35, 4: 0.25}, {1: None, 2: None, 3: None, 4: 1.0}
    kinds = {1: "Baby > Bath", 2: "Baby > Bath", 3: "Bath > Mats", 4: "Bath > Bathrobes"}
    config = GateConfig(keep_ratio=0.75, same_kind_ratio=0.5)
    assert "Bath > Bathrobes" not in RelevanceGate(cosines, coverage, kinds, config).kinds
    known = RelevanceGate(cosines, coverage, kinds, config, words_known=True)
    assert "Bath > Bathrobes" in known.kinds and known.keeps(0.25, 1.0, "Bath > Bathrobes")
