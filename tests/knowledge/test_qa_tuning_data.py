"""Our scope tuning set refers to what exists: catalog SKUs, FAQ entries of the right product, sentences of the
product's description; and the hit rule reads its description labels."""

from __future__ import annotations

import json

from knowledge.qa.answer import Answer
from knowledge.qa.evaluation import SCOPE_SET, LabelledQuestion, is_hit, read_labelled
from knowledge.qa.fit import DESCRIPTION_KINDS
from knowledge.qa.importer import DEMO_FAQ
from knowledge.qa.sentences import split_sentences
from store.demo.loader import CATALOG_FILE
from store.models.knowledge_base import AnswerSource


def test_scope_set_refers_to_real_products_entries_and_sentences() -> None:
    catalog = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    product_of_sku = {row["sku"]: row["product_id"] for row in catalog}
    description = {row["product_id"]: row["description"] for row in catalog}
    faq = json.loads(DEMO_FAQ.read_text(encoding="utf-8"))
    scope_of = {e["question"]: (e["sku"].split("-")[0] if e.get("sku") else None) for e in faq}
    rows = [json.loads(line) for line in SCOPE_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) > 300
    kinds = {r["kind"] for r in rows}
    assert kinds == DESCRIPTION_KINDS | {"off_topic"}
    for r in rows:
        product = product_of_sku[r["product"]] if r["product"] else r.get("named_product")
        for question in filter(None, [r["expected_question"], *r.get("also_ok", [])]):
            assert scope_of[question] in (None, product), r
        if r.get("expected_sentence"):
            wanted = [r["expected_sentence"]] if isinstance(r["expected_sentence"], str) else r["expected_sentence"]
            sentences = split_sentences(description[product])
            assert any(w in s for w in wanted for s in sentences), r
        if r["kind"] == "off_topic":
            assert r["product"] is None and r["expected_question"] is None, r
    items = read_labelled(SCOPE_SET)
    assert sum(i.expected_source is AnswerSource.PRODUCT_DESCRIPTION for i in items) > 150
    # Our description rows become description labels for the fair rule; "nothing answers" rows say so.
    for i in items:
        if i.expected_source is AnswerSource.PRODUCT_DESCRIPTION:
            assert i.described and i.spans == i.expected_sentence and i.group == "description"
        elif i.kind == "other_topic_unanswered":
            assert i.description_answers is False and i.group == "none"


def _answer(text: str | None, source: AnswerSource | None, matched: str | None = None) -> Answer:
    return Answer(answer=text, source=source, confidence=0.5, matched_question=matched)


def test_description_labels_check_the_sentence() -> None:
    item = LabelledQuestion(1, "is it dishwasher safe", "P1", None, AnswerSource.PRODUCT_DESCRIPTION,
                            ("How do gift cards work?",), expected_sentence=("dishwasher",),
                            description_answers=True, spans=("dishwasher",))
    assert is_hit(item, _answer("Dishwasher and microwave safe.", AnswerSource.PRODUCT_DESCRIPTION))
    assert not is_hit(item, _answer("Each mug holds 350 ml.", AnswerSource.PRODUCT_DESCRIPTION))
    assert is_hit(item, _answer("Never expire.", AnswerSource.FAQ, "How do gift cards work?"))  # also_ok
    assert not is_hit(item, _answer(None, None))
