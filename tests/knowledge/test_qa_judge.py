"""The fair Q&A scoring rule: FAQ entries as labelled, description answers by the labelled spans, abstaining
right only when neither the FAQ nor the description answers; and the description labels line up with the
sets they label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.qa.answer import Answer
from knowledge.qa.evaluation import DEV_SET, JUDGED_SET
from knowledge.qa.judge import (
    DescriptionLabelsError,
    LabelledQuestion,
    is_hit,
    is_hit_faq_only,
    read_labelled,
    span_match,
    summarize,
)
from store.models.knowledge_base import AnswerSource

DESC = AnswerSource.PRODUCT_DESCRIPTION
CAPACITY = "How much does the Terra mug hold?"


def _entry(matched: str) -> Answer:
    return Answer(answer="some answer", source=AnswerSource.FAQ, confidence=0.9, matched_question=matched)


def _sentence(text: str) -> Answer:
    return Answer(answer=text, source=DESC, confidence=0.6, matched_question=None, product_scoped=True)


ABSTAIN = Answer(answer=None, source=None, confidence=0.1, matched_question=None)


def _item(expected: str | None, answers: bool | None, spans: tuple[str, ...] = (), product: str | None = "P0079-TER",
          also_ok: tuple[str, ...] = ()) -> LabelledQuestion:
    return LabelledQuestion(1, "q", product, expected, also_ok=also_ok, description_answers=answers, spans=spans)


def test_span_match_contains_or_lies_inside() -> None:
    spans = ("Dishwasher and microwave safe",)
    assert span_match("Dishwasher and microwave safe.", spans)  # contains the span
    assert span_match("  dishwasher  and MICROWAVE safe; ", spans)  # case and spaces do not matter
    assert span_match("microwave safe;", spans)  # lies inside it (without its closing punctuation)
    assert not span_match("Dishwasher safe, hand-wash the lid.", spans)  # overlaps in words only
    assert not span_match("A 300 ml Porcelain mug.", spans)
    assert span_match("A 300 ml Porcelain mug.", ("Porcelain", "nothing else"))  # one of several spans
    assert not span_match("anything", ())


def test_entries_count_as_labelled() -> None:
    item = _item(CAPACITY, True, ("300 ml",), also_ok=("杯子能装多少？",))
    assert is_hit(item, _entry(CAPACITY)) and is_hit(item, _entry("杯子能装多少？"))
    assert not is_hit(item, _entry("Is it dishwasher safe?"))
    assert not is_hit(item, ABSTAIN)
    # The description answers too: a quoted span is right by the fair rule, wrong by the FAQ-only rule.
    assert is_hit(item, _sentence("A 300 ml Porcelain mug."))
    assert not is_hit_faq_only(item, _sentence("A 300 ml Porcelain mug."))
    assert not is_hit(item, _sentence("Dishwasher and microwave safe."))  # the description, but not the span


def test_description_answers_need_a_span_of_a_true_label() -> None:
    described = _item(None, True, ("Hone weekly.",))
    assert is_hit(described, _sentence("Hone weekly."))
    assert not is_hit(described, _sentence("Forged from one piece of steel."))
    assert not is_hit(described, ABSTAIN)  # the description answers: abstaining is a miss
    assert is_hit_faq_only(described, ABSTAIN) and not is_hit_faq_only(described, _sentence("Hone weekly."))
    not_described = _item(None, False)
    assert not is_hit(not_described, _sentence("Hone weekly."))
    assert not is_hit(not_described, _entry(CAPACITY))
    assert is_hit(not_described, ABSTAIN)


def test_abstaining_without_a_product_or_a_label() -> None:
    shop_wide = _item(None, None, product=None)  # no product: the description cannot answer
    assert is_hit(shop_wide, ABSTAIN) and not is_hit(shop_wide, _entry(CAPACITY))
    assert not is_hit(shop_wide, _sentence("Hone weekly."))  # a description answer without any label
    assert not is_hit(_item("How much is shipping?", None, product=None), ABSTAIN)


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_read_labelled_joins_the_description_labels_and_summarises(tmp_path: Path) -> None:
    _write(tmp_path / "ask.jsonl", [
        {"question": "how much is shipping", "product": None, "expected_question": "How much is shipping?",
         "language": "en"},
        {"question": "容量多大", "product": "P0079-TER", "expected_question": CAPACITY, "language": "zh",
         "cross_language": True},
        {"question": "how often should i hone it", "product": "P0104-STD", "expected_question": None,
         "language": "en"},
        {"question": "does it have a lid", "product": "P0079-TER", "expected_question": None, "language": "en"},
        {"question": "do you sell tractors", "product": None, "expected_question": None, "language": "en"}])
    _write(tmp_path / "ask_description_labels.jsonl", [
        {"question": "容量多大", "product": "P0079-TER", "description_answers": True, "spans": ["300 ml"]},
        {"question": "how often should i hone it", "product": "P0104-STD", "description_answers": True,
         "spans": ["Hone weekly."]},
        {"question": "does it have a lid", "product": "P0079-TER", "description_answers": False, "spans": []}])
    items = read_labelled(tmp_path / "ask.jsonl")
    assert [i.group for i in items] == ["entry", "entry", "description", "none", "none"]
    assert items[1].spans == ("300 ml",) and items[0].description_answers is None
    assert read_labelled(tmp_path / "ask.jsonl", description_labels=False)[2].description_answers is None
    answers = [_entry("How much is shipping?"), _sentence("A 300 ml Porcelain mug."), _sentence("Hone weekly."),
               _entry(CAPACITY), ABSTAIN]
    result = summarize(items, answers)
    assert result["hit_at_1"] == 0.8 and result["hit_at_1_faq_only"] == 0.4
    assert result["groups"]["entry"]["replies"] == {"abstained": 0, "entry_right": 1, "entry_wrong": 0,
                                                    "description_right": 1, "description_wrong": 0}
    assert result["groups"]["description"]["hit_at_1"] == 1.0
    assert result["groups"]["none"]["replies"]["abstained"] == 1
    assert result["groups"]["none"]["replies"]["entry_wrong"] == 1 and result["groups"]["none"]["hit_at_1"] == 0.5
    assert result["by_language"]["zh"] == {"questions": 1, "hit_at_1": 1.0, "hit_at_1_faq_only": 0.0}
    assert result["cross_language"]["hit_at_1"] == 1.0 and result["description_labelled"] == 3
    assert result["faq_only"]["abstain"] == pytest.approx(1 / 3, abs=1e-4)


def test_labels_that_do_not_line_up_are_refused_without_showing_items(tmp_path: Path) -> None:
    _write(tmp_path / "ask.jsonl", [{"question": "secret question", "product": "P0079-TER",
                                     "expected_question": None}])
    _write(tmp_path / "ask_description_labels.jsonl", [{"question": "another", "product": "P0079-TER",
                                                        "description_answers": False, "spans": []}])
    with pytest.raises(DescriptionLabelsError) as error:
        read_labelled(tmp_path / "ask.jsonl")
    assert "secret" not in str(error.value) and "another" not in str(error.value)
    _write(tmp_path / "ask_description_labels.jsonl", [])
    with pytest.raises(DescriptionLabelsError, match="0 lines for 1"):
        read_labelled(tmp_path / "ask.jsonl")


@pytest.mark.parametrize(("path", "labelled", "described"), [(DEV_SET, 192, 164), (JUDGED_SET, 110, 98)])
def test_the_dev_and_judged_sets_have_their_description_labels(path: Path, labelled: int, described: int) -> None:
    # Counts only (the READMEs publish them): the sealed set's items are never shown.
    items = read_labelled(path)
    assert sum(i.description_answers is not None for i in items) == labelled
    assert sum(i.described for i in items) == described
    assert all(i.spans for i in items if i.described)
