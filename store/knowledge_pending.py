"""The queue of questions the bot could not answer: recorded, posted to the community group or staff, answered
(which adds the pair to the knowledge base, store/knowledge_base.py) or dismissed.

WHY its own module: the knowledge base is the shop's answers; this is the waiting list in front of it, with its
own life cycle (open -> answered / dismissed) and its own readers (the staff's /pending list, the group reply
that answers a posted question).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from store.errors import NotFound, PendingQuestionClosed
from store.knowledge_base import clean_text, stage_question_with_answer
from store.knowledge_base_records import (
    AnswerRecord,
    NewPair,
    PendingRecord,
    ProductScope,
    answer_record,
    detect_language,
    pending_record,
)
from store.models.base import utcnow
from store.models.knowledge_base import AnswerSource, KBAnswer, KBPendingQuestion, PendingStatus, PostTarget
from store.uow import UnitOfWork

__all__ = [
    "AnsweredPending",
    "record_pending_question",
    "mark_pending_posted",
    "answer_pending_question",
    "dismiss_pending_question",
    "list_pending",
    "get_pending",
]


@dataclass(frozen=True)
class AnsweredPending:
    """Who to tell that their question got an answer, and the pair now in the knowledge base."""

    pending_id: int
    notify_user_id: int
    notify_chat_id: int
    question: str
    question_id: int
    answer: AnswerRecord


async def record_pending_question(uow: UnitOfWork, *, asker_id: int, chat_id: int, text: str,
                                  scope: ProductScope | None = None, language: str | None = None,
                                  posted_to: PostTarget | None = None) -> PendingRecord:
    clean = clean_text(text, "question")
    row = KBPendingQuestion(asker_id=asker_id, chat_id=chat_id, text=clean,
                            language=language or detect_language(clean),
                            product_id=scope.product_id if scope else None,
                            variant_id=scope.variant_id if scope else None, posted_to=posted_to)
    uow.session.add(row)
    await uow.session.flush()
    await uow.commit()
    return pending_record(row)


async def _open_pending(uow: UnitOfWork, pending_id: int) -> KBPendingQuestion:
    row = await uow.session.get(KBPendingQuestion, pending_id, with_for_update=True)
    if row is None:
        raise NotFound("pending question", str(pending_id))
    if row.status is not PendingStatus.OPEN:
        raise PendingQuestionClosed(pending_id=pending_id, status=row.status.value)
    return row


async def mark_pending_posted(uow: UnitOfWork, pending_id: int, posted_to: PostTarget, *,
                              posted_chat_id: int | None = None,
                              posted_message_id: int | None = None) -> PendingRecord:
    """Remember where the question was posted, so a reply to that message can be routed back to it."""
    row = await _open_pending(uow, pending_id)
    row.posted_to, row.posted_chat_id, row.posted_message_id = posted_to, posted_chat_id, posted_message_id
    await uow.session.flush()
    await uow.commit()
    return pending_record(row)


async def answer_pending_question(uow: UnitOfWork, pending_id: int, answer: str, *, answered_by: int,
                                  source: AnswerSource = AnswerSource.SHOPPER,
                                  merge_into: int | None = None) -> AnsweredPending:
    """Close a pending question with an answer, add the pair to the KB, and say whom to notify."""
    row = await _open_pending(uow, pending_id)
    scope = None
    if row.product_id is not None:
        scope = ProductScope(product_id=row.product_id, variant_id=row.variant_id)
    added = await stage_question_with_answer(uow, NewPair(
        question=row.text, answer=answer, source=source, scope=scope, created_by=row.asker_id,
        author_id=answered_by, language=row.language, merge_into=merge_into))
    row.status, row.answered_at, row.answered_by = PendingStatus.ANSWERED, utcnow(), answered_by
    row.question_id, row.answer_id = added.question_id, added.answer_id
    await uow.session.flush()
    stored = await uow.session.get(KBAnswer, added.answer_id)
    assert stored is not None
    result = AnsweredPending(pending_id=row.id, notify_user_id=row.asker_id, notify_chat_id=row.chat_id,
                             question=row.text, question_id=added.question_id, answer=answer_record(stored))
    await uow.commit()
    return result


async def dismiss_pending_question(uow: UnitOfWork, pending_id: int) -> PendingRecord:
    row = await _open_pending(uow, pending_id)
    row.status, row.answered_at = PendingStatus.DISMISSED, utcnow()
    await uow.session.flush()
    await uow.commit()
    return pending_record(row)


async def list_pending(uow: UnitOfWork, *, status: PendingStatus = PendingStatus.OPEN,
                       posted_to: PostTarget | None = None, since: datetime | None = None,
                       limit: int = 50) -> list[PendingRecord]:
    """Oldest first: whoever waited longest is answered first."""
    query = select(KBPendingQuestion).where(KBPendingQuestion.status == status)
    if posted_to is not None:
        query = query.where(KBPendingQuestion.posted_to == posted_to)
    if since is not None:
        query = query.where(KBPendingQuestion.created_at >= since)
    rows = await uow.session.scalars(query.order_by(KBPendingQuestion.created_at, KBPendingQuestion.id)
                                     .limit(limit))
    return [pending_record(r) for r in rows]


async def get_pending(uow: UnitOfWork, pending_id: int) -> PendingRecord:
    row = await uow.session.get(KBPendingQuestion, pending_id)
    if row is None:
        raise NotFound("pending question", str(pending_id))
    return pending_record(row)
