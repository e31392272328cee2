"""The relevance cut when the vector finds nothing, and words found only in a product's brand or description.

"french press" listed a business book second (its publisher is "Northlight Press"), and "法压壶" listed a
kettlebell (壶铃) instead of the French press (法压壶): the encoder's cosines were all noise (0.02-0.13), yet
their ratios outweighed the words."""

from __future__ import annotations

import pytest

from knowledge.encoders.base import Encoder
from knowledge.search.documents import ProductDoc, VariantDoc, keyword_text, name_text
from knowledge.search.engine import SearchEngine
from knowledge.search.keyword import KeywordIndex
from knowledge.search.models import SearchQuery
from knowledge.search.relevance import GateConfig, RelevanceGate
from knowledge.text import tokenize


def test_a_vector_below_the_noise_floor_leaves_the_words_to_decide() -> None:
    # 1: every word (the French press), 2: one word, in a publisher's name, with the best (noise) cosine.
    cosines = {1: 0.118, 2: 0.133, 3: 0.130}
    coverage: dict[int, float | None] = {1: 1.0, 2: 0.22, 3: 0.22}
    kinds = {1: "Kitchen > Coffee Makers", 2: "Books > Business", 3: "Kitchen > Coffee Makers"}
    heard = RelevanceGate(cosines, coverage, kinds, GateConfig())
    assert heard.keeps(0.133, 0.22, "Books > Business")          # the noise ratio carried the book
    gate = RelevanceGate(cosines, coverage, kinds, GateConfig(), noise_floor=0.22)
    assert gate.silent and gate.kinds == {"Kitchen > Coffee Makers"}
    assert gate.keeps(0.118, 1.0, "Kitchen > Coffee Makers")
    assert not gate.keeps(0.133, 0.22, "Books > Business")
    assert not gate.keeps(0.130, 0.22, "Kitchen > Coffee Makers")
    # Above the floor the vector speaks as before.
    assert not RelevanceGate({1: 0.5, 2: 0.4}, {1: 1.0, 2: 0.2}, {}, GateConfig(), noise_floor=0.22).silent
    # With no product word anywhere the vector is all there is, however weak.
    assert not RelevanceGate({1: 0.15}, {1: 0.0}, {}, GateConfig(), noise_floor=0.22).silent


def _doc(pid: int, title: str, brand: str, description: str, category: str) -> ProductDoc:
    return ProductDoc(pid, f"P{pid}", title, description=description, brand=brand, category_path=category,
                      variants=(VariantDoc(f"P{pid}-STD", 1000, "USD", 5, True, {}),))


def test_a_word_only_in_the_brand_or_description_counts_less() -> None:
    press = _doc(1, "Chambord French Press Coffee Maker, 1 L", "Bodum", "Use a coarse grind for press.",
                 "Kitchen > Coffee Makers")
    book = _doc(2, "Quiet Confidence by Sophie Lang", "Northlight Press", "Published by Northlight Press.",
                "Books > Business")
    docs = [press, book]
    index = KeywordIndex.build([d.product_id for d in docs], [tokenize(keyword_text(d)) for d in docs])
    named = {d.product_id: frozenset(tokenize(name_text(d))) for d in docs}
    query = tokenize("french press")
    plain = index.coverage(query, [1, 2])
    weighted = index.coverage(query, [1, 2], named, 0.5)
    assert weighted[1] == plain[1] == pytest.approx(1.0)
    assert 0 < weighted[2] == pytest.approx(plain[2] / 2)
    assert "press" not in named[2] and "northlight" not in named[2]
    # The delta (products changed since the last rebuild) weighs them the same way.
    index.upsert(2, tokenize(keyword_text(book)))
    assert index.coverage(query, [2], named, 0.5)[2] == pytest.approx(weighted[2])


CATALOG = (
    ("P1", "Bodum Chambord French Press Coffee Maker, 1 L, Borosilicate Glass", "Bodum Chambord 法压壶", "Bodum",
     "Home & Kitchen > Kitchen > Coffee Makers",
     "Pairs well with freshly ground beans; use a medium-coarse grind for press and pour-over."),
    ("P2", "Baratza Encore Conical Burr Coffee Grinder, 40 Grind Settings", "Baratza Encore 锥刀磨豆机", "Baratza",
     "Home & Kitchen > Kitchen > Coffee Makers",
     "Pairs well with freshly ground beans; use a medium-coarse grind for press and pour-over."),
    ("B1", "Quiet Confidence by Sophie Lang", "Quiet Confidence（英文原版商业励志书）", "Northlight Press",
     "Books & E-books > Non-fiction > Business & Self-Help",
     "Practical, research-backed advice. 224 pages, published by Northlight Press in 2022."),
    ("B2", "The Seventh Key by Luca Moretti", "The Seventh Key（英文原版悬疑小说）", "Northlight Press",
     "Books & E-books > Fiction > Mystery & Thriller", "A locked-room mystery, published by Northlight Press."),
    ("K1", "Amazon Basics Cast Iron Kettlebell, 12 kg", "Amazon Basics 铸铁壶铃 12 kg", "Amazon Basics",
     "Sports & Outdoors > Fitness > Weights", "A cast iron kettlebell for strength training at home."),
    ("K2", "Fellow Stagg EKG Electric Pour-Over Kettle, 0.9 L", "Fellow Stagg EKG 手冲电热壶 0.9升", "Fellow",
     "Home & Kitchen > Kitchen > Coffee Makers", "Gooseneck kettle with precise temperature control."),
)


@pytest.mark.model
def test_french_press_in_english_and_chinese(use_encoder: Encoder) -> None:
    engine = SearchEngine(use_encoder)
    engine.build([ProductDoc(i, pid, title, title_zh=zh, description=desc, brand=brand, category_path=category,
                             variants=(VariantDoc(f"{pid}-STD", 2999, "USD", 5, True, {}),))
                  for i, (pid, title, zh, brand, category, desc) in enumerate(CATALOG, start=1)])

    def ids(text: str) -> list[str]:
        return [h.external_id for h in engine.search(SearchQuery(text)).hits]

    assert ids("french press") == ["P1"]
    assert ids("法压壶") == ["P1"]
