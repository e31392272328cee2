"""A product question answered from an attribute shows the VALUE in Chinese to a Chinese shopper (``facts.py``
through ``knowledge/text/values_zh.py``).

Before: "这个是什么材质的" was answered "材质：Brushed Flannel", "软硬度：Firm", "语言：English", and an attribute
with no Chinese label ("Skin type: Dry skin", "Vegan: no") in English altogether. The scored texts are what they
were, so which line answers and how confidently is unchanged: only what a Chinese question is shown changes.
"""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.encoders.fake import FakeEncoder
from knowledge.qa import DEFAULT_CONFIG
from knowledge.qa import facts as facts_module
from knowledge.qa.coverage import QueryWords, TermWeights
from knowledge.qa.description import DescriptionIndex, SentenceFeatures, best_sentence
from knowledge.qa.facts import Fact, attribute_lines, product_facts
from knowledge.qa.tokens import qa_tokenize
from knowledge.qa.words import WordVectors

ATTRIBUTES = {"material": "Brushed Flannel", "firmness": "Firm", "language": "English", "skin_type": "Dry skin",
              "vegan": False, "weight_g": 300, "author": "Sam Porter"}
DESCRIPTION = "A soft shirt jacket for cool evenings. Machine wash warm and hang to dry."


def test_chinese_lines_show_chinese_values_but_score_the_same_text() -> None:
    lines = attribute_lines(ATTRIBUTES)
    assert Fact("材质：Brushed Flannel", "材质：磨毛法兰绒", "zh") in lines
    assert Fact("Material: Brushed Flannel", "材质：磨毛法兰绒", "zh") in lines
    assert Fact("Material: Brushed Flannel", "Material: Brushed Flannel", "en") in lines
    assert Fact("软硬度：Firm", "软硬度：偏硬", "zh") in lines and Fact("语言：English", "语言：英文", "zh") in lines
    # Names and numbers stay as they are.
    assert Fact("作者：Sam Porter", "作者：Sam Porter", "zh") in lines
    assert Fact("重量：300克", "重量：300克", "zh") in lines


def test_a_key_without_a_chinese_label_is_one_scored_text_shown_in_either_language() -> None:
    lines = attribute_lines(ATTRIBUTES)
    assert Fact("Skin type: Dry skin", "Skin type: Dry skin", None, "适用肤质：干性肌肤") in lines
    assert Fact("Vegan: no", "Vegan: no", None, "纯素：否") in lines
    assert [f for f in lines if "Skin type" in f.text] == [Fact("Skin type: Dry skin", "Skin type: Dry skin", None,
                                                                 "适用肤质：干性肌肤")]


def _features(question: str, language: str) -> SentenceFeatures:
    encoder = FakeEncoder(dim=64)
    words = WordVectors(encoder)
    index = DescriptionIndex(encoder, qa_tokenize, words)
    index.prepare(7, DESCRIPTION, product_facts("Flannel Shirt Jacket", "法兰绒衬衫外套", ATTRIBUTES))
    tokens = qa_tokenize(question)
    query = QueryWords.build(tokens, TermWeights([]), words, frozenset())
    features = index.features([7], encoder.encode([question])[0], tokens, query, language)
    assert features is not None
    return features


@pytest.mark.parametrize(("question", "language"), [("这个是什么材质的", "zh"), ("适合什么肤质", "zh"),
                                                    ("what is it made of", "en")])
def test_the_chosen_fact_and_its_confidence_are_unchanged(monkeypatch: pytest.MonkeyPatch, question: str,
                                                          language: str) -> None:
    after = _features(question, language)
    with monkeypatch.context() as m:  # the values and labels as they were shown before
        m.setattr(facts_module, "value_zh", lambda text, key="": text)
        m.setattr(facts_module, "_SHOWN_LABELS_ZH", {})
        before = _features(question, language)
    np.testing.assert_array_equal(before.matrix, after.matrix)  # same candidates, features and order
    hit_before = best_sentence(DEFAULT_CONFIG, before, facts=True)
    hit_after = best_sentence(DEFAULT_CONFIG, after, facts=True)
    assert hit_before is not None and hit_after is not None
    assert hit_after.score == hit_before.score
    assert before.sentences.index(hit_before.sentence) == after.sentences.index(hit_after.sentence)
    if language == "en":
        assert after.sentences == before.sentences
    else:
        assert not any("Brushed Flannel" in s or "Dry skin" in s or "English" in s for s in after.sentences)
        assert "材质：磨毛法兰绒" in after.sentences and "适用肤质：干性肌肤" in after.sentences
