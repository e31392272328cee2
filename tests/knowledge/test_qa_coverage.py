"""Word coverage: how much of what a question asks an entry (or a sentence) covers, IDF-weighted, by meaning."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.encoders.base import Encoder
from knowledge.encoders.fake import FakeEncoder
from knowledge.qa.coverage import CoverageIndex, QueryWords, TermWeights, with_paraphrase
from knowledge.qa.words import WordVectors


def _coverage(docs: list[list[str]], query: list[str], encoder: Encoder | None = None,
              names: frozenset[str] = frozenset(), weights: TermWeights | None = None) -> list[float]:
    words = WordVectors(encoder or FakeEncoder(dim=256))
    index = CoverageIndex(docs, words)
    q = QueryWords.build(query, weights or TermWeights(docs), words, names)
    return [round(float(c), 3) for c in index.coverage(q)]


def test_an_unknown_subject_leaves_the_entry_uncovered() -> None:
    docs = [["ship", "canada", "business", "day"], ["return", "policy", "day"]]
    assert _coverage(docs, ["sell", "tractor"]) == [0.0, 0.0]
    assert _coverage(docs, ["ship", "canada"])[0] == 1.0
    # "ship" is covered but the unknown "piano" weighs the most (highest idf): well under half.
    assert _coverage(docs, ["ship", "piano"])[0] < 0.4


def test_rare_words_weigh_more_and_unknown_words_most() -> None:
    weights = TermWeights([["day", "ship"], ["day", "return"], ["day", "point"]])
    assert weights("day") < weights("ship") < weights("tractor") == weights.unknown


def test_words_naming_the_product_are_left_out() -> None:
    docs = [["dishwasher", "safe"], ["bodum", "mug", "hold", "350", "ml"]]
    names = frozenset({"bodum", "mug"})
    plain = _coverage(docs, ["bodum", "mug", "dishwasher"])
    named = _coverage(docs, ["bodum", "mug", "dishwasher"], names=names)
    assert named[0] == 1.0 and plain[0] < 0.5  # the sentence need not repeat the product's name
    assert named[1] == 0.0 < plain[1]  # matching only the name words covers nothing that was asked
    assert _coverage(docs, ["bodum", "mug"], names=names)[1] == 1.0  # only names: they are what is asked


@pytest.mark.model
def test_words_match_across_languages_by_meaning(use_encoder: Encoder) -> None:
    docs = [["dishwasher", "microwave", "safe"], ["hold", "350", "ml"]]
    weights = TermWeights([["dishwasher"], ["lid"], ["hold"]])  # equal weights for the words asked about
    dishwasher = _coverage(docs, ["洗碗机"], use_encoder, weights=weights)
    assert dishwasher[0] > 0.8 and dishwasher[1] == 0.0
    assert _coverage(docs, ["盖子"], use_encoder, weights=weights) == [0.0, 0.0]  # "lid": neither text


def test_a_paraphrase_is_covered_by_its_meaning() -> None:
    words = np.array([0.0, 0.0, 0.5, 1.0], dtype=np.float32)
    cosine = np.array([0.36, 0.90, 0.70, 0.20], dtype=np.float32)
    covered = [round(float(c), 3) for c in with_paraphrase(words, cosine)]
    # No shared word: a question that shares only its shape (cosine 0.36) gains nothing, one that means
    # the same (0.90) is covered; half the words and a close meaning: between; all words: all.
    assert covered == [0.0, 1.0, 0.75, 1.0]
