"""A product question answered from the description is quoted in Chinese to a Chinese shopper when the product
has a Chinese description (attribute ``description_zh``) written sentence for sentence.

The English sentence stays what is scored (the answer model was fitted on those features), so which sentence
answers, and how confidently, is exactly what it was before; only what a Chinese question is shown changes.
"""

from __future__ import annotations

import numpy as np

from knowledge.encoders.fake import FakeEncoder
from knowledge.qa.coverage import QueryWords, TermWeights
from knowledge.qa.description import DescriptionIndex, SentenceFeatures
from knowledge.qa.facts import product_facts
from knowledge.qa.tokens import qa_tokenize
from knowledge.qa.words import WordVectors

ENGLISH = ("Thick-walled ceramic keeps coffee hot for longer; each mug holds 350 ml. "
           "Dishwasher and microwave safe. Each piece is glazed by hand.")
CHINESE = "厚壁陶瓷让咖啡保温更久；每只容量350 ml。可用洗碗机和微波炉。每只杯子均为手工上釉。"
ATTRIBUTES = {"material": "Ceramic", "dishwasher_safe": True, "description_zh": CHINESE}


def _features(description_zh: str | None, question: str, language: str) -> SentenceFeatures:
    encoder = FakeEncoder(dim=64)
    words = WordVectors(encoder)
    index = DescriptionIndex(encoder, qa_tokenize, words)
    facts = product_facts("Bodum Ceramic Mug, 350 ml", "Bodum 陶瓷马克杯", ATTRIBUTES)
    index.prepare(7, ENGLISH, facts, description_zh)
    tokens = qa_tokenize(question)
    query = QueryWords.build(tokens, TermWeights([]), words, frozenset())
    features = index.features([7], encoder.encode([question])[0], tokens, query, language)
    assert features is not None
    return features


def _prose(features: SentenceFeatures) -> list[str]:
    assert features.facts is not None
    return [s for s, fact in zip(features.sentences, features.facts, strict=True) if not fact]


def test_a_chinese_question_is_shown_the_chinese_sentences_scored_as_before() -> None:
    before = _features(None, "这个杯子能用洗碗机洗吗", "zh")
    after = _features(CHINESE, "这个杯子能用洗碗机洗吗", "zh")
    prose_before, prose_after = _prose(before), _prose(after)
    assert prose_before[1] == "each mug holds 350 ml." and prose_after[1] == "每只容量350 ml。"
    assert prose_after == ["厚壁陶瓷让咖啡保温更久；", "每只容量350 ml。", "可用洗碗机和微波炉。",
                           "每只杯子均为手工上釉。"]
    np.testing.assert_array_equal(before.matrix, after.matrix)  # same candidates, same features, same order
    assert [s for s in after.sentences if "description" in s.lower()] == []  # not an attribute line


def test_an_english_question_is_unchanged() -> None:
    before = _features(None, "is it dishwasher safe", "en")
    after = _features(CHINESE, "is it dishwasher safe", "en")
    assert after.sentences == before.sentences
    np.testing.assert_array_equal(before.matrix, after.matrix)


def test_a_chinese_description_that_does_not_line_up_is_not_used() -> None:
    before = _features(None, "这个杯子能用洗碗机洗吗", "zh")
    after = _features("厚壁陶瓷，可用洗碗机。", "这个杯子能用洗碗机洗吗", "zh")
    assert after.sentences == before.sentences


def test_every_demo_product_chinese_description_splits_sentence_for_sentence() -> None:
    """A product whose two descriptions split into different numbers of sentences answers Chinese shoppers in
    English; the demo catalog is where shoppers meet that, so every product in it must line up."""
    import json
    from pathlib import Path

    from knowledge.qa.sentences import split_sentences

    rows = json.loads((Path(__file__).parents[2] / "store/demo/catalog.json").read_text(encoding="utf-8"))
    uneven = sorted({row["product_id"] for row in rows
                     if len(split_sentences(row["description"]))
                     != len(split_sentences(row["attributes"].get("description_zh", "")))})
    assert uneven == []
