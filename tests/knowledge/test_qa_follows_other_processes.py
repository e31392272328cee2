"""Questions and answers another process writes (a second worker's staff answer, `shopbot kb import`) reach this
process's Q&A index: every knowledge-base write dates its question (store/knowledge_changes.py) and the service
polls for dated questions (knowledge/change_feed.py). "Another process" is a second engine on the same database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from knowledge.encoders.fake import FakeEncoder
from knowledge.qa import QAConfig, QAService
from store.db import create_engine, session_factory
from store.knowledge_base import add_answer, vote
from store.knowledge_changes import changed_since, latest_change
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair

CONFIG = QAConfig(threshold=0.5, description_threshold=0.5)


@pytest.fixture
async def other_process(database_url: str) -> AsyncIterator[UnitOfWorkFactory]:
    engine = create_engine(database_url)
    yield UnitOfWorkFactory(session_factory(engine))
    await engine.dispose()


async def _answer_within(qa: QAService, question: str, seconds: float = 3.0) -> str | None:
    for _ in range(int(seconds / 0.05)):
        await asyncio.sleep(0.05)
        answer = (await qa.ask(question)).answer
        if answer is not None:
            return answer
    return None


async def test_every_write_to_a_question_dates_it(uow_factory: UnitOfWorkFactory) -> None:
    added = await add_pair(uow_factory, "Do you gift wrap?", "Yes, for $3.")
    async with uow_factory.read() as uow:
        mark = await latest_change(uow)
        assert mark is not None and await changed_since(uow, mark) == []
    async with uow_factory() as uow:
        answer = await add_answer(uow, added.question_id, "Gift wrap is free over $50.", source=AnswerSource.STAFF)
    async with uow_factory.read() as uow:
        after_answer = await changed_since(uow, mark)
    assert [qid for qid, _ in after_answer] == [added.question_id]
    async with uow_factory() as uow:
        await vote(uow, answer.id, user_id=7, value=1)
    async with uow_factory.read() as uow:
        after_vote = await changed_since(uow, max(when for _, when in after_answer))
    assert [qid for qid, _ in after_vote] == [added.question_id]


async def test_an_answer_another_process_adds_is_found(
        uow_factory: UnitOfWorkFactory, other_process: UnitOfWorkFactory) -> None:
    await add_pair(uow_factory, "How long does shipping take?", "Orders ship in 3-5 business days.")
    qa = QAService(uow_factory, FakeEncoder(), config=CONFIG, follow_every=0.05)
    await qa.start()
    try:
        assert (await qa.ask("do you ship to the moon by rocket")).answer is None
        await add_pair(other_process, "Do you ship to the moon by rocket?", "Only on full moons.")
        assert await _answer_within(qa, "do you ship to the moon by rocket") == "Only on full moons."
    finally:
        await qa.stop()


async def test_without_the_feed_another_process_s_answer_is_not_seen(
        uow_factory: UnitOfWorkFactory, other_process: UnitOfWorkFactory) -> None:
    """What the feed is for: the store's events alone never reach this process."""
    await add_pair(uow_factory, "How long does shipping take?", "Orders ship in 3-5 business days.")
    qa = QAService(uow_factory, FakeEncoder(), config=CONFIG, follow_every=None)
    await qa.start()
    try:
        await add_pair(other_process, "Do you ship to the moon by rocket?", "Only on full moons.")
        assert await _answer_within(qa, "do you ship to the moon by rocket", seconds=0.3) is None
    finally:
        await qa.stop()
