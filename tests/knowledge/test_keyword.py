from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.search.keyword import KeywordIndex
from knowledge.text import tokenize

DOCS = {
    1: "Red ceramic coffee mug 红色陶瓷马克杯",
    2: "Blue enamel camping mug",
    3: "Wireless noise cancelling headphones 无线降噪耳机",
    4: "USB-C fast charger SKU P12-WHI",
}


@pytest.fixture
def index() -> KeywordIndex:
    return KeywordIndex.build(list(DOCS), [tokenize(t) for t in DOCS.values()])


def test_english_chinese_and_code_queries(index: KeywordIndex) -> None:
    assert index.search(tokenize("red mug"), 5)[0][0] == 1
    assert index.search(tokenize("马克杯"), 5)[0][0] == 1
    assert index.search(tokenize("耳机"), 5)[0][0] == 3
    assert [p for p, _ in index.search(tokenize("p12-whi"), 5)] == [4]
    assert index.search(tokenize("submarine"), 5) == []


def test_delta_scores_match_a_full_rebuild(index: KeywordIndex) -> None:
    index.upsert(2, tokenize("Blue enamel camping mug with lid"))
    index.upsert(5, tokenize("Travel mug red"))
    incremental = dict(index.search(tokenize("red mug"), 10))
    docs = {**DOCS, 2: "Blue enamel camping mug with lid", 5: "Travel mug red"}
    rebuilt = KeywordIndex.build(list(docs), [tokenize(t) for t in docs.values()])
    full = dict(rebuilt.search(tokenize("red mug"), 10))
    assert set(incremental) == set(full)
    # Delta documents use the main index's statistics, so ranks agree even if IDF shifted a little.
    assert sorted(incremental, key=lambda p: -incremental[p])[0] == sorted(full, key=lambda p: -full[p])[0]


def test_remove_and_allowed(index: KeywordIndex) -> None:
    index.remove(1)
    assert [p for p, _ in index.search(tokenize("mug"), 5)] == [2]
    assert index.search(tokenize("mug"), 5, allowed={3}) == []
    assert 1 not in index and len(index) == 3


def test_save_load_keeps_delta_and_masks(index: KeywordIndex, tmp_path: Path) -> None:
    index.remove(3)
    index.upsert(9, tokenize("yoga mat"))
    index.save(tmp_path)
    loaded = KeywordIndex.load(tmp_path)
    assert loaded.search(tokenize("headphones"), 5) == []
    assert loaded.search(tokenize("yoga"), 5)[0][0] == 9
    assert loaded.search(tokenize("coffee"), 5)[0][0] == 1


def test_empty_index_and_merge() -> None:
    empty = KeywordIndex.build([], [])
    assert empty.search(tokenize("mug"), 5) == []
    empty.upsert(1, tokenize("red mug"))
    assert empty.search(tokenize("mug"), 5)[0][0] == 1
    empty.merge([1], [tokenize("red mug")])
    assert empty.delta_size == 0 and empty.search(tokenize("mug"), 5)[0][0] == 1


def test_coverage_weighs_the_query_words_a_product_contains(index: KeywordIndex) -> None:
    cover = index.coverage(tokenize("red mug"), [1, 2, 3])
    assert cover[1] == 1.0 and 0.0 < cover[2] < 1.0 and cover[3] == 0.0
    # A word no product contains does not count ("candel" is a typo), so the rest decide.
    assert index.coverage(tokenize("candel mug"), [2]) == {2: 1.0}
    # Changed products (the delta) are covered from their new tokens.
    index.upsert(3, tokenize("red enamel mug"))
    assert index.coverage(tokenize("red mug"), [3]) == {3: 1.0}
    assert index.coverage([], [1]) == {1: 0.0}
