"""`kb import` files: CSV and JSON, line-numbered problems, all-or-nothing, idempotent, demo FAQ loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.qa.errors import KBImportError
from knowledge.qa.import_rows import read_rows
from knowledge.qa.importer import import_kb, load_demo_faq
from store.knowledge_base import load_questions
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import seed_product

CSV = """question,answer,sku,tags,source
Is it dishwasher safe?,"Yes, top rack.",P0001-BLK,care;dishwasher,staff
How long does delivery take?,3-5 business days.,,shipping,
发货需要多久？,一般3到5天。,,,faq
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_are_read_with_tags_and_sources(tmp_path: Path) -> None:
    rows, problems = read_rows(_write(tmp_path, "kb.csv", CSV))
    assert problems == []
    assert [r.line for r in rows] == [2, 3, 4]
    assert rows[0].tags == ("care", "dishwasher") and rows[0].source is AnswerSource.STAFF
    assert rows[0].sku == "P0001-BLK" and rows[1].sku is None and rows[1].source is AnswerSource.FAQ


def test_problems_carry_line_numbers(tmp_path: Path) -> None:
    text = ('question,answer,source\n'
            'ok?,fine,faq\n'
            '"multi\nline question?",,faq\n'
            'who?,me,robot\n')
    rows, problems = read_rows(_write(tmp_path, "bad.csv", text))
    assert [str(p) for p in problems] == [
        "line 3: answer is missing or empty",
        "line 5: source 'robot' is not one of faq, staff, shopper",
    ]
    assert len(rows) == 1


def test_header_without_answer_is_refused(tmp_path: Path) -> None:
    _, problems = read_rows(_write(tmp_path, "bad.csv", "question,reply\nq,a\n"))
    assert len(problems) == 1 and problems[0].line == 1 and "answer" in problems[0].message


def test_json_items_report_their_starting_line(tmp_path: Path) -> None:
    text = ('[\n  {"question": "Q1?", "answer": "A1", "tags": ["x", "y"]},\n'
            '  {"question": "Q2?",\n   "answer": "", "colour": "red"}\n]\n')
    rows, problems = read_rows(_write(tmp_path, "kb.json", text))
    assert rows[0].tags == ("x", "y")
    assert sorted(str(p) for p in problems) == [
        "line 3: answer is missing or empty",
        "line 3: unknown field(s) colour (expected question, answer, sku, tags, source, phrasings)",
    ]


def test_broken_json_is_one_problem_with_its_line(tmp_path: Path) -> None:
    _, problems = read_rows(_write(tmp_path, "kb.json", '[\n {"question": "a", "answer": "b"},\n {oops}\n]'))
    assert len(problems) == 1 and problems[0].line == 3 and "invalid JSON" in problems[0].message


async def test_import_is_all_or_nothing_and_idempotent(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await seed_product(uow_factory)
    bad = _write(tmp_path, "bad.csv", CSV + "Is it red?,Yes.,NOPE-1,,\n")
    with pytest.raises(KBImportError) as info:
        await import_kb(uow_factory, bad)
    assert [str(p) for p in info.value.problems] == ["line 5: unknown product or SKU 'NOPE-1'"]
    async with uow_factory() as uow:
        assert await load_questions(uow) == []

    good = _write(tmp_path, "kb.csv", CSV)
    first = await import_kb(uow_factory, good)
    assert (first.rows, first.questions_created, first.answers_added) == (3, 3, 3)
    again = await import_kb(uow_factory, good)
    assert (again.answers_added, again.unchanged) == (0, 3)
    async with uow_factory() as uow:
        questions = await load_questions(uow)
    scoped = next(q for q in questions if q.product_id is not None)
    assert scoped.product_external_id == "P0001" and scoped.answers[0].source is AnswerSource.STAFF


async def test_near_duplicates_merge_when_a_service_is_given(uow_factory: UnitOfWorkFactory,
                                                             tmp_path: Path) -> None:
    from knowledge.qa import QAConfig
    from tests.helpers.kb_builders import start_qa

    qa = await start_qa(uow_factory, config=QAConfig(dedupe_threshold=0.8))
    rows = [{"question": "How long does shipping take?", "answer": "3-5 days."},
            {"question": "How long does shipping take, please?", "answer": "About a week abroad."},
            {"question": "Can I pay cash?", "answer": "Yes."}]
    result = await import_kb(uow_factory, _write(tmp_path, "kb.json", json.dumps(rows)), service=qa)
    assert (result.questions_created, result.merged) == (2, 1)
    answer = await qa.ask("how long does shipping take")
    assert answer.matched_question == "How long does shipping take?"


async def test_demo_faq_loads_once(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await seed_product(uow_factory)
    faq = [{"question": "Do you gift wrap?", "answer": "Yes.", "sku": None, "tags": ["gift"], "source": "faq"},
           {"question": "Is it dishwasher safe?", "answer": "Yes.", "sku": "P0001-BLK", "tags": [],
            "source": "staff"}]
    path = _write(tmp_path, "faq.json", json.dumps(faq))
    assert await load_demo_faq(uow_factory, path) == 2
    assert await load_demo_faq(uow_factory, path) == 0


async def test_only_question_and_answer_are_required_and_answers_record_who_and_when(
        uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from store.knowledge_base import vote

    path = _write(tmp_path, "min.csv", "answer,question\nYes: 7-14 days.,Do you ship to Canada?\n")
    before = datetime.now(UTC) - timedelta(seconds=5)
    result = await import_kb(uow_factory, path, created_by=42)
    assert (result.rows, result.questions_created) == (1, 1)
    async with uow_factory() as uow:
        (question,) = await load_questions(uow)
        await vote(uow, question.answers[0].id, 7, 1)
    async with uow_factory() as uow:
        (question,) = await load_questions(uow)
    (answer,) = question.answers
    assert question.product_id is None and question.tags == ()
    assert answer.source is AnswerSource.FAQ and answer.author_id == 42 and answer.votes == 1
    created = answer.created_at if answer.created_at.tzinfo else answer.created_at.replace(tzinfo=UTC)
    assert before <= created <= datetime.now(UTC) + timedelta(seconds=5)


async def test_phrasings_join_their_entry_instead_of_becoming_questions(uow_factory: UnitOfWorkFactory,
                                                                         tmp_path: Path) -> None:
    """Other wordings of an FAQ question ("运费是多少？") are phrasings of it: as questions of their own beside it
    they split its ranking lead and lowered the confidence of every shipping-cost answer."""
    text = json.dumps([{"question": "How much is shipping?", "answer": "$5.99.",
                        "phrasings": ["What does delivery cost?", "运费是多少？"]}], ensure_ascii=False)
    path = _write(tmp_path, "kb.json", text)
    rows, problems = read_rows(path)
    assert problems == [] and rows[0].phrasings == ("What does delivery cost?", "运费是多少？")
    for _ in range(2):  # idempotent
        result = await import_kb(uow_factory, path)
        assert result.rows == 1
    async with uow_factory() as uow:
        (question,) = await load_questions(uow)
    assert question.text == "How much is shipping?" and len(question.answers) == 1
    assert question.phrasings == ("What does delivery cost?", "运费是多少？")
    _, bad = read_rows(_write(tmp_path, "bad.json", '[{"question": "q", "answer": "a", "phrasings": 3}]'))
    assert [p.message for p in bad] == ["phrasings must be a list (JSON) or 'a;b' text (CSV)"]
