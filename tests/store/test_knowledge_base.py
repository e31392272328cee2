from __future__ import annotations

import pytest

from store.errors import NotFound, PendingQuestionClosed, ValidationFailed
from store.knowledge_base import accept_answer, add_answer, load_questions, resolve_scope, vote
from store.knowledge_base_records import KnowledgeChanged, text_key
from store.knowledge_pending import (
    answer_pending_question,
    dismiss_pending_question,
    list_pending,
    mark_pending_posted,
    record_pending_question,
)
from store.models.knowledge_base import AnswerSource, PendingStatus, PostTarget
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product


async def test_pair_is_stored_with_language_and_scope(uow_factory: UnitOfWorkFactory) -> None:
    product = await seed_product(uow_factory)
    added = await add_pair(uow_factory, "Is it dishwasher safe?", "Yes.", scope=product.scope, tags=("care",))
    await add_pair(uow_factory, "发货需要多久？", "一般3到5天。")
    async with uow_factory() as uow:
        questions = await load_questions(uow)
    by_text = {q.text: q for q in questions}
    mug = by_text["Is it dishwasher safe?"]
    assert mug.id == added.question_id and mug.language == "en"
    assert mug.product_id == product.product_id and mug.variant_id == product.variant_id
    assert mug.product_external_id == "P0001" and mug.tags == ("care",)
    assert mug.answers[0].text == "Yes." and mug.answers[0].source is AnswerSource.FAQ
    assert by_text["发货需要多久？"].language == "zh"
    assert by_text["发货需要多久？"].product_external_id is None


async def test_reimporting_the_same_pair_changes_nothing(uow_factory: UnitOfWorkFactory) -> None:
    first = await add_pair(uow_factory, "Do you ship to Canada?", "Yes, in 7 days.")
    again = await add_pair(uow_factory, "do you ship to canada", "Yes, in 7 days.")
    assert again.question_id == first.question_id and again.answer_id == first.answer_id
    assert not again.new_answer
    async with uow_factory() as uow:
        (q,) = await load_questions(uow)
    assert q.phrasings == () and len(q.answers) == 1


async def test_merge_into_adds_a_phrasing_and_the_new_answer(uow_factory: UnitOfWorkFactory) -> None:
    first = await add_pair(uow_factory, "How long does shipping take?", "3-5 days.")
    merged = await add_pair(uow_factory, "When will my parcel arrive?", "Usually within a week.",
                            merge_into=first.question_id)
    assert merged.merged and merged.question_id == first.question_id
    async with uow_factory() as uow:
        (q,) = await load_questions(uow)
    assert q.phrasings == ("When will my parcel arrive?",)
    assert [a.text for a in q.answers] == ["3-5 days.", "Usually within a week."]


async def test_same_question_in_another_scope_is_another_question(uow_factory: UnitOfWorkFactory) -> None:
    product = await seed_product(uow_factory)
    general = await add_pair(uow_factory, "Is it waterproof?", "Depends on the product.")
    scoped = await add_pair(uow_factory, "Is it waterproof?", "No.", scope=product.scope)
    assert general.question_id != scoped.question_id


async def test_empty_text_is_refused(uow_factory: UnitOfWorkFactory) -> None:
    with pytest.raises(ValidationFailed, match="question is empty"):
        await add_pair(uow_factory, "   ", "x")
    async with uow_factory() as uow:
        assert await load_questions(uow) == []


async def test_scope_resolves_sku_or_product_id(uow_factory: UnitOfWorkFactory) -> None:
    product = await seed_product(uow_factory)
    async with uow_factory() as uow:
        by_sku = await resolve_scope(uow, "P0001-BLK")
        by_product = await resolve_scope(uow, "P0001")
        with pytest.raises(NotFound):
            await resolve_scope(uow, "NOPE")
    assert by_sku.variant_id == product.variant_id and by_sku.external_id == "P0001"
    assert by_product.product_id == product.product_id and by_product.variant_id is None


async def test_votes_replace_and_withdraw(uow_factory: UnitOfWorkFactory) -> None:
    added = await add_pair(uow_factory, "Can I pay cash?", "Yes, cash on delivery.")
    async with uow_factory() as uow:
        assert await vote(uow, added.answer_id, 1, 1) == 1
    async with uow_factory() as uow:
        assert await vote(uow, added.answer_id, 2, 1) == 2
    async with uow_factory() as uow:
        assert await vote(uow, added.answer_id, 1, -1) == 0
    async with uow_factory() as uow:
        assert await vote(uow, added.answer_id, 2, 0) == -1
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed):
            await vote(uow, added.answer_id, 3, 5)
        with pytest.raises(NotFound):
            await vote(uow, 999_999, 3, 1)


async def test_accepting_moves_the_flag(uow_factory: UnitOfWorkFactory) -> None:
    added = await add_pair(uow_factory, "Do you gift wrap?", "Yes.", source=AnswerSource.SHOPPER)
    async with uow_factory() as uow:
        staff = await add_answer(uow, added.question_id, "Yes, for $2.", source=AnswerSource.STAFF,
                                 author_id=42, accepted=True)
    async with uow_factory() as uow:
        await accept_answer(uow, added.answer_id)
    async with uow_factory() as uow:
        (q,) = await load_questions(uow)
    flags = {a.id: a.accepted for a in q.answers}
    assert flags == {added.answer_id: True, staff.id: False}


async def test_changes_are_published_after_commit_only(uow_factory: UnitOfWorkFactory) -> None:
    seen: list[object] = []
    uow_factory.subscribe(seen.extend)
    added = await add_pair(uow_factory, "Do you ship to Japan?", "Yes.")
    assert seen == [KnowledgeChanged(added.question_id)]
    with pytest.raises(ValidationFailed):
        await add_pair(uow_factory, "Valid question", "")
    assert seen == [KnowledgeChanged(added.question_id)]


async def test_pending_question_lifecycle(uow_factory: UnitOfWorkFactory) -> None:
    product = await seed_product(uow_factory)
    async with uow_factory() as uow:
        pending = await record_pending_question(uow, asker_id=7, chat_id=-100, text="Does it fit a Nespresso?",
                                                scope=product.scope)
    async with uow_factory() as uow:
        await mark_pending_posted(uow, pending.id, PostTarget.GROUP, posted_chat_id=-200, posted_message_id=5)
    async with uow_factory() as uow:
        (listed,) = await list_pending(uow, posted_to=PostTarget.GROUP)
    assert listed.id == pending.id and listed.posted_message_id == 5 and listed.status is PendingStatus.OPEN

    async with uow_factory() as uow:
        done = await answer_pending_question(uow, pending.id, "Yes, the cup is 8 cm tall.", answered_by=99)
    assert (done.notify_user_id, done.notify_chat_id) == (7, -100)
    assert done.answer.source is AnswerSource.SHOPPER and done.answer.author_id == 99
    async with uow_factory() as uow:
        assert await list_pending(uow) == []
        (q,) = await load_questions(uow)
        with pytest.raises(PendingQuestionClosed):
            await answer_pending_question(uow, pending.id, "again", answered_by=1)
    assert q.id == done.question_id and q.product_id == product.product_id
    assert q.answers[0].text == "Yes, the cup is 8 cm tall."


async def test_answering_a_pending_question_can_merge_into_a_known_one(uow_factory: UnitOfWorkFactory) -> None:
    known = await add_pair(uow_factory, "How long is delivery?", "3-5 days.")
    async with uow_factory() as uow:
        pending = await record_pending_question(uow, asker_id=1, chat_id=1, text="送货要多久")
    async with uow_factory() as uow:
        done = await answer_pending_question(uow, pending.id, "3到5天。", answered_by=2,
                                             source=AnswerSource.STAFF, merge_into=known.question_id)
    assert done.question_id == known.question_id
    async with uow_factory() as uow:
        (q,) = await load_questions(uow)
    assert q.phrasings == ("送货要多久",)


async def test_dismissed_questions_leave_the_queue(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        pending = await record_pending_question(uow, asker_id=1, chat_id=1, text="spam?")
    async with uow_factory() as uow:
        await dismiss_pending_question(uow, pending.id)
    async with uow_factory() as uow:
        assert await list_pending(uow) == []
        assert len(await list_pending(uow, status=PendingStatus.DISMISSED)) == 1


def test_text_key_folds_case_width_and_punctuation() -> None:
    assert text_key("  Do you SHIP to Canada?? ") == "do you ship to canada"
    assert text_key("发货需要多久？") == text_key("发货需要多久")
