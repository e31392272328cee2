"""QAService logic with the fake (bag-of-words) encoder, on SQLite and PostgreSQL."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.encoders.fake import FakeEncoder
from knowledge.qa import QAConfig, QAService
from knowledge.qa.errors import QANotStarted, UnknownProduct
from store.knowledge_base import accept_answer, add_answer, vote
from store.knowledge_pending import record_pending_question
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product, start_qa

CONFIG = QAConfig(threshold=0.5, description_threshold=0.5)


async def _seed_shop_faq(uow_factory: UnitOfWorkFactory) -> None:
    await add_pair(uow_factory, "How long does shipping take?", "Orders ship in 3-5 business days.")
    await add_pair(uow_factory, "Can I return an item?", "Yes, within 30 days.")
    await add_pair(uow_factory, "发货需要多久？", "一般3到5个工作日发货。")


async def test_paraphrase_is_answered_with_the_canonical_question(uow_factory: UnitOfWorkFactory) -> None:
    await _seed_shop_faq(uow_factory)
    qa = await start_qa(uow_factory, config=CONFIG)
    answer = await qa.ask("how long does shipping take for my order")
    assert answer.answer == "Orders ship in 3-5 business days."
    assert answer.matched_question == "How long does shipping take?"
    assert answer.source is AnswerSource.FAQ and 0.5 <= answer.confidence <= 1.0
    assert not answer.product_scoped and not answer.offer_to_post


async def test_chinese_question_matches_chinese_entry(uow_factory: UnitOfWorkFactory) -> None:
    await _seed_shop_faq(uow_factory)
    qa = await start_qa(uow_factory, config=CONFIG)
    answer = await qa.ask("发货需要多久")
    assert answer.matched_question == "发货需要多久？"


async def test_unrelated_question_abstains_and_offers_to_post(uow_factory: UnitOfWorkFactory) -> None:
    await _seed_shop_faq(uow_factory)
    qa = await start_qa(uow_factory, config=CONFIG)
    answer = await qa.ask("What is the capital of France?")
    assert answer.answer is None and answer.matched_question is None and answer.source is None
    assert answer.offer_to_post and answer.confidence < CONFIG.threshold
    assert answer.to_json("q")["answer"] is None


async def test_empty_knowledge_base_and_empty_question_abstain(uow_factory: UnitOfWorkFactory) -> None:
    qa = await start_qa(uow_factory, config=CONFIG)
    assert (await qa.ask("anything at all?")).answer is None
    assert (await qa.ask("   ")).answer is None


async def test_ask_before_start_is_an_error(uow_factory: UnitOfWorkFactory) -> None:
    qa = QAService(uow_factory, FakeEncoder(), config=CONFIG)
    with pytest.raises(QANotStarted):
        await qa.ask("hello?")


async def test_new_answers_are_visible_to_the_next_ask(uow_factory: UnitOfWorkFactory) -> None:
    qa = await start_qa(uow_factory, config=CONFIG)
    assert (await qa.ask("Do you offer gift wrapping?")).answer is None
    await add_pair(uow_factory, "Do you offer gift wrapping?", "Yes, for $2.", source=AnswerSource.STAFF)
    answer = await qa.ask("Do you offer gift wrapping?")
    assert answer.answer == "Yes, for $2." and answer.source is AnswerSource.STAFF


async def test_staff_and_accepted_answers_are_preferred(uow_factory: UnitOfWorkFactory) -> None:
    added = await add_pair(uow_factory, "Can I pay cash on delivery?", "I think so.", source=AnswerSource.SHOPPER)
    qa = await start_qa(uow_factory, config=CONFIG)
    async with uow_factory() as uow:
        await vote(uow, added.answer_id, 5, 1)
    async with uow_factory() as uow:
        staff = await add_answer(uow, added.question_id, "Yes, in mainland China.", source=AnswerSource.STAFF)
    assert (await qa.ask("Can I pay cash on delivery?")).answer_id == staff.id
    async with uow_factory() as uow:
        await accept_answer(uow, added.answer_id)
    assert (await qa.ask("Can I pay cash on delivery?")).answer == "I think so."


async def test_trusted_answers_win_a_tie_between_questions(uow_factory: UnitOfWorkFactory) -> None:
    # The fake encoder folds "Sundays" into "Sunday", the answers are the same text and the query's only
    # keyword is shared: an exact tie, which the first question would win by index order without the boost.
    await add_pair(uow_factory, "Are you open on Sunday?", "From 10.", source=AnswerSource.SHOPPER)
    await add_pair(uow_factory, "Are you open on Sundays?", "From 10.", source=AnswerSource.STAFF)
    await add_pair(uow_factory, "Do you gift wrap?", "Yes.", source=AnswerSource.SHOPPER)
    second = await add_pair(uow_factory, "Do you gift wraps?", "Yes.", source=AnswerSource.SHOPPER)
    qa = await start_qa(uow_factory, config=CONFIG)
    assert (await qa.ask("are you open")).source is AnswerSource.STAFF
    assert (await qa.ask("do you gift")).answer_id != second.answer_id
    async with uow_factory() as uow:
        await accept_answer(uow, second.answer_id)  # an accepted shopper answer is trusted too
    assert (await qa.ask("do you gift")).answer_id == second.answer_id


async def test_product_scope_uses_its_qa_then_its_description(uow_factory: UnitOfWorkFactory) -> None:
    mug = await seed_product(uow_factory)
    other = await seed_product(uow_factory, external_id="P0002", sku="P0002-STD", title="Travel Kettle",
                               description="A 1 litre kettle.")
    await add_pair(uow_factory, "What is the capacity?", "350 ml.", scope=mug.scope)
    await add_pair(uow_factory, "What is the capacity?", "1 litre.", scope=other.scope)
    qa = await start_qa(uow_factory, config=CONFIG)

    scoped = await qa.ask("what is the capacity", product_external_id="P0001")
    assert scoped.answer == "350 ml." and scoped.product_scoped and scoped.product_external_id == "P0001"
    by_sku = await qa.ask("what is the capacity", product_external_id="P0002-STD")
    assert by_sku.answer == "1 litre."

    described = await qa.ask("is it dishwasher safe", product_external_id="P0001-BLK")
    assert described.answer == "It is dishwasher safe."
    assert described.source is AnswerSource.PRODUCT_DESCRIPTION and described.matched_question is None
    assert described.product_scoped

    with pytest.raises(UnknownProduct):
        await qa.ask("what is the capacity", product_external_id="NOPE")


async def test_general_faq_still_answers_with_a_product_in_view(uow_factory: UnitOfWorkFactory) -> None:
    await seed_product(uow_factory)
    await _seed_shop_faq(uow_factory)
    qa = await start_qa(uow_factory, config=CONFIG)
    answer = await qa.ask("Can I return an item?", product_external_id="P0001")
    assert answer.matched_question == "Can I return an item?" and not answer.product_scoped


async def test_a_given_query_vector_skips_encoding(uow_factory: UnitOfWorkFactory) -> None:
    await _seed_shop_faq(uow_factory)
    encoder = FakeEncoder()
    qa = await start_qa(uow_factory, encoder=encoder, config=CONFIG)
    vector = encoder.encode(["Can I return an item?"])[0]
    calls = encoder.calls
    answer = await qa.ask("Can I return an item?", query_vector=vector)
    assert encoder.calls == calls and answer.matched_question == "Can I return an item?"


async def test_deleted_questions_leave_the_index(uow_factory: UnitOfWorkFactory) -> None:
    from sqlalchemy import delete

    from store.knowledge_base_records import KnowledgeChanged
    from store.models.knowledge_base import KBQuestion

    added = await add_pair(uow_factory, "Do you sell gift cards?", "Yes.")
    qa = await start_qa(uow_factory, config=CONFIG)
    async with uow_factory() as uow:
        await uow.session.execute(delete(KBQuestion).where(KBQuestion.id == added.question_id))
        uow.emit(KnowledgeChanged(added.question_id))
        await uow.commit()
    assert (await qa.ask("Do you sell gift cards?")).answer is None
    assert added.question_id not in qa.index


async def test_pending_questions_are_not_answers(uow_factory: UnitOfWorkFactory) -> None:
    qa = await start_qa(uow_factory, config=CONFIG)
    async with uow_factory() as uow:
        await record_pending_question(uow, asker_id=1, chat_id=1, text="Do you ship to Mars?")
    assert (await qa.ask("Do you ship to Mars?")).answer is None
    assert np.isfinite((await qa.ask("Do you ship to Mars?")).confidence)
