"""Q&A text pieces: normalised BM25, question-word filtering, description sentence splitting."""

from __future__ import annotations

import pytest

from knowledge.qa.lexical import LexicalIndex
from knowledge.qa.sentences import split_sentences
from knowledge.qa.tokens import qa_tokenize

DOCS = ["How long does shipping take?", "Do you ship internationally?", "可以退货吗？", "发货需要多久？"]


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    return LexicalIndex([qa_tokenize(d) for d in DOCS])


def test_identical_question_scores_one_and_unrelated_scores_zero(index: LexicalIndex) -> None:
    scores = index.scores(qa_tokenize("How long does shipping take?"))
    assert scores[0] == pytest.approx(1.0) and scores[1:].max() == 0.0
    assert index.scores(qa_tokenize("what is the capital of france")).max() == 0.0


def test_unknown_words_lower_the_score(index: LexicalIndex) -> None:
    short = index.scores(qa_tokenize("shipping"))[0]
    diluted = index.scores(qa_tokenize("shipping rates for heavy furniture"))[0]
    assert 0.0 < diluted < short <= 1.0


def test_chinese_is_matched_by_words(index: LexicalIndex) -> None:
    scores = index.scores(qa_tokenize("退货"))
    assert scores.argmax() == 2 and scores[2] > 0.5


def test_empty_index_and_query() -> None:
    assert LexicalIndex([]).scores(["x"]).shape == (0,)
    assert LexicalIndex([["a"]]).scores([]).tolist() == [0.0]


def test_question_words_are_dropped_but_meaning_stays() -> None:
    assert qa_tokenize("When will my parcel get here?") == ["parcel"]
    assert "多久" in qa_tokenize("发货需要多久？") and "怎么" not in qa_tokenize("怎么退货")


def test_descriptions_split_into_answerable_sentences() -> None:
    text = "A 2.5 kg tent. Dishwasher safe! Is it big? Ok.\nHand wash only. 可以用洗碗机。不能烘干！"
    assert split_sentences(text) == ["A 2.5 kg tent.", "Dishwasher safe!", "Is it big?", "Hand wash only.",
                                     "可以用洗碗机。", "不能烘干！"]
    assert split_sentences("") == []
