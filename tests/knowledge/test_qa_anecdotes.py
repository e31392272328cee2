"""A shop question is answered by the shop's policy, not by a shopper's story on a neighbouring question:
"how long does shipping take?" got "My standard order to Toronto took 9 business days" (a shop-wide entry
answered by a shopper) ahead of the shipping FAQ. The story still answers when it is clearly the closer one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from knowledge.qa import DEFAULT_CONFIG
from knowledge.qa.index import IndexFeatures
from knowledge.qa.ranker import rank_all
from store.knowledge_base_records import AnswerRecord, QuestionRecord
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product, start_qa

STORY = "How long did shipping to Canada take for you?"
POLICY = "How long does delivery take?"


def _record(i: int, text: str, source: AnswerSource, accepted: bool = False) -> QuestionRecord:
    answer = AnswerRecord(id=i, question_id=i, text=f"answer {i}", source=source, author_id=None,
                          created_at=datetime(2026, 1, 1, tzinfo=UTC), votes=0, accepted=accepted)
    return QuestionRecord(id=i, text=text, language="en", product_id=None, variant_id=None,
                          product_external_id=None, tags=(), phrasings=(), answers=(answer,))


def _features(dense: list[float], anecdotes: list[bool]) -> IndexFeatures:
    records = [_record(1, STORY, AnswerSource.SHOPPER), _record(2, POLICY, AnswerSource.FAQ)]
    f32 = np.float32
    return IndexFeatures(records, np.array(dense, f32), np.array(dense, f32), np.zeros(2, f32), np.zeros(2, f32),
                         np.array([-1, -1], np.int64), np.array(["en", "en"]), np.zeros(2, bool), np.ones(2, bool),
                         None, np.array(anecdotes, bool))


def test_the_policy_wins_a_near_tie_with_a_shoppers_story() -> None:
    near = [0.62, 0.58]  # the story a little closer in wording
    assert rank_all(DEFAULT_CONFIG, _features(near, [False, False]), (), "en").top == 0  # as before
    assert rank_all(DEFAULT_CONFIG, _features(near, [True, False]), (), "en").top == 1


def test_the_story_still_answers_the_question_it_was_asked_for() -> None:
    assert rank_all(DEFAULT_CONFIG, _features([0.95, 0.6], [True, False]), (), "en").top == 0


@pytest.mark.parametrize(("source", "accepted", "scoped", "expected"), [
    (AnswerSource.SHOPPER, False, False, True),
    (AnswerSource.SHOPPER, True, False, False),  # accepted by the shop: its word now
    (AnswerSource.FAQ, False, False, False),
    (AnswerSource.SHOPPER, False, True, False),  # about a product: not a shop policy question
])
async def test_which_entries_count_as_a_shoppers_story(uow_factory: UnitOfWorkFactory, source: AnswerSource,
                                                       accepted: bool, scoped: bool, expected: bool) -> None:
    scope = (await seed_product(uow_factory)).scope if scoped else None
    await add_pair(uow_factory, STORY, "Mine took 9 business days.", source=source, scope=scope)
    qa = await start_qa(uow_factory)
    if accepted:
        record = qa.index.features(await qa.encode_query("x"), ["x"]).records[0]
        qa.index.upsert([replace(record, answers=tuple(replace(a, accepted=True) for a in record.answers))])
    features = qa.index.features(await qa.encode_query("shipping"), ["shipping"])
    assert bool(features.shop_anecdotes()[0]) is expected
