"""Q&A text pieces: normalised BM25, question-word filtering, description sentence splitting."""

from __future__ import annotations

import pytest

from knowledge.qa.lexical import LexicalIndex
from knowledge.qa.sentences import split_sentences
from knowledge.qa.tokens import qa_tokenize, words_around_numbers

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


def test_a_number_inside_a_chinese_word_leaves_the_word() -> None:
    # "分12期" is 分 / 12 / 期 to jieba: the word 分期 the FAQ entry uses is added, so BM25 finds it
    assert "分期" in qa_tokenize("可以分12期吗") and "分期" in qa_tokenize("能分三期吗")
    assert words_around_numbers("满300减50吗") == [] and words_around_numbers("买2送1") == []
    assert "分期" not in qa_tokenize("积分会过期吗")
    index = LexicalIndex([qa_tokenize(d) for d in ("积分会过期吗？", "能分期付款吗？")])
    assert index.scores(qa_tokenize("可以分12期吗")).argmax() == 1
    # a 不 ending the question asks, like 吗 (it matched the 不 of an answer's "积分不过期")
    assert qa_tokenize("能分3期不") == qa_tokenize("能分3期吗") and "不" not in qa_tokenize("能用不？")
    assert "不能" in qa_tokenize("不能退货吗")


def test_descriptions_split_into_answerable_sentences() -> None:
    text = "A 2.5 kg tent. Dishwasher safe! Is it big? Ok.\nHand wash only. 可以用洗碗机。不能烘干！"
    assert split_sentences(text) == ["A 2.5 kg tent.", "Dishwasher safe!", "Is it big?", "Hand wash only.",
                                     "可以用洗碗机。", "不能烘干！"]
    assert split_sentences("") == []
