"""Near-duplicate merging: same scope and language, above the threshold; answers from people join the KB."""

from __future__ import annotations

from knowledge.qa import QAConfig
from knowledge.qa.dedupe import add_pair_deduplicated, answer_pending_deduplicated
from store.knowledge_base import load_questions
from store.knowledge_base_records import NewPair
from store.knowledge_pending import list_pending, record_pending_question
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product, start_qa

CONFIG = QAConfig(threshold=0.5, dedupe_threshold=0.8)


async def test_a_rewording_becomes_a_phrasing(uow_factory: UnitOfWorkFactory) -> None:
    first = await add_pair(uow_factory, "How long does shipping take?", "3-5 days.")
    qa = await start_qa(uow_factory, config=CONFIG)
    added = await add_pair_deduplicated(qa, NewPair("how long does the shipping take?", "Usually 4 days.",
                                                    source=AnswerSource.SHOPPER))
    assert added.merged and added.question_id == first.question_id
    async with uow_factory() as uow:
        (q,) = await load_questions(uow)
    assert q.phrasings == ("how long does the shipping take?",) and len(q.answers) == 2


async def test_different_questions_scopes_and_languages_stay_apart(uow_factory: UnitOfWorkFactory) -> None:
    product = await seed_product(uow_factory)
    await add_pair(uow_factory, "How long does shipping take?", "3-5 days.")
    await add_pair(uow_factory, "发货需要多久", "3到5天。")
    qa = await start_qa(uow_factory, config=CONFIG)
    other = await add_pair_deduplicated(qa, NewPair("Can I pay with cash?", "Yes."))
    scoped = await add_pair_deduplicated(qa, NewPair("How long does shipping take?", "Ships tomorrow.",
                                                     scope=product.scope))
    chinese = await add_pair_deduplicated(qa, NewPair("发货需要多久？", "一般三天。"))
    assert not other.merged and not scoped.merged
    assert chinese.merged  # same language, same words: the Chinese entry gains a phrasing
    async with uow_factory() as uow:
        assert len(await load_questions(uow)) == 4


async def test_answering_a_pending_question_notifies_and_is_answerable_at_once(
        uow_factory: UnitOfWorkFactory) -> None:
    known = await add_pair(uow_factory, "Do you ship to Canada?", "Yes.")
    qa = await start_qa(uow_factory, config=CONFIG)
    async with uow_factory() as uow:
        rewording = await record_pending_question(uow, asker_id=7, chat_id=70, text="do you ship to canada ?!")
        fresh = await record_pending_question(uow, asker_id=8, chat_id=80, text="Do you sell refurbished phones?")
    merged = await answer_pending_deduplicated(qa, rewording.id, "Yes, 7-14 days.", answered_by=1,
                                               source=AnswerSource.STAFF)
    assert merged.question_id == known.question_id and merged.notify_user_id == 7
    done = await answer_pending_deduplicated(qa, fresh.id, "Not yet, sorry.", answered_by=2)
    assert (done.notify_user_id, done.notify_chat_id) == (8, 80)
    answer = await qa.ask("Do you sell refurbished phones?")
    assert answer.answer == "Not yet, sorry." and answer.source is AnswerSource.SHOPPER
    staff = await qa.ask("Do you ship to Canada?")
    assert staff.answer == "Yes, 7-14 days." and staff.source is AnswerSource.STAFF
    async with uow_factory() as uow:
        assert await list_pending(uow) == []
