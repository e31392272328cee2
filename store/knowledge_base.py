"""Community Q&A knowledge base service: questions with answers, votes, acceptance, and the queue of questions
the bot could not answer.

Every change emits ``KnowledgeChanged(question_id)`` so the Q&A index (knowledge/qa) re-reads just that
question after commit: a staff answer is visible to the very next ``ask``; it also dates the question, which is
how other processes' indexes find it (store/knowledge_changes.py). Exact re-imports are recognised
here by a folded text key; *near*-duplicates need embeddings, so the knowledge layer finds them and passes
``merge_into``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from store.errors import NotFound, PendingQuestionClosed, ValidationFailed
from store.knowledge_base_records import (
    AddedPair,
    AnswerRecord,
    NewPair,
    PendingRecord,
    ProductScope,
    QuestionRecord,
    answer_record,
    detect_language,
    pending_record,
    question_record,
    text_key,
)
from store.knowledge_changes import mark_changed
from store.models.base import utcnow
from store.models.catalog import Product, Variant
from store.models.knowledge_base import (
    AnswerSource,
    KBAnswer,
    KBPendingQuestion,
    KBPhrasing,
    KBQuestion,
    KBVote,
    PendingStatus,
    PostTarget,
)
from store.uow import UnitOfWork

__all__ = [
    "AnsweredPending",
    "resolve_scope",
    "stage_question_with_answer",
    "add_question_with_answer",
    "add_answer",
    "vote",
    "accept_answer",
    "record_pending_question",
    "mark_pending_posted",
    "answer_pending_question",
    "dismiss_pending_question",
    "list_pending",
    "get_pending",
    "load_questions",
]

MAX_TEXT = 4000


@dataclass(frozen=True)
class AnsweredPending:
    """Who to tell that their question got an answer, and the pair now in the knowledge base."""

    pending_id: int
    notify_user_id: int
    notify_chat_id: int
    question: str
    question_id: int
    answer: AnswerRecord


def _clean(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValidationFailed(f"{what} is empty")
    if len(text) > MAX_TEXT:
        raise ValidationFailed(f"{what} is longer than {MAX_TEXT} characters")
    return text


async def resolve_scope(uow: UnitOfWork, key: str) -> ProductScope:
    """A variant SKU or a product's external id -> the product (and variant) a question is about."""
    row = (await uow.session.execute(
        select(Variant.id, Product.id, Product.external_id).join(Product).where(Variant.sku == key)
    )).first()
    if row is not None:
        return ProductScope(product_id=row[1], variant_id=row[0], external_id=row[2])
    prow = (await uow.session.execute(
        select(Product.id, Product.external_id).where(Product.external_id == key)
    )).first()
    if prow is None:
        raise NotFound("product", key)
    return ProductScope(product_id=prow[0], variant_id=None, external_id=prow[1])


async def _find_exact(uow: UnitOfWork, key: str, product_id: int | None) -> KBQuestion | None:
    scope = KBQuestion.product_id.is_(None) if product_id is None else KBQuestion.product_id == product_id
    found = (await uow.session.scalars(
        select(KBQuestion).where(KBQuestion.text_key == key, scope).order_by(KBQuestion.id).limit(1)
    )).first()
    if found is not None:
        return found
    return (await uow.session.scalars(
        select(KBQuestion).join(KBPhrasing).where(KBPhrasing.text_key == key, scope)
        .order_by(KBQuestion.id).limit(1)
    )).first()


async def _question(uow: UnitOfWork, question_id: int) -> KBQuestion:
    # populate_existing: a question found earlier in this transaction may be in the session without its
    # collections loaded; everything is flushed, so re-reading them is exact.
    q = (await uow.session.scalars(
        select(KBQuestion).where(KBQuestion.id == question_id)
        .options(selectinload(KBQuestion.phrasings), selectinload(KBQuestion.answers))
        .execution_options(populate_existing=True)
    )).first()
    if q is None:
        raise NotFound("question", str(question_id))
    return q


async def stage_question_with_answer(uow: UnitOfWork, pair: NewPair) -> AddedPair:
    """Add one pair inside the caller's transaction (the importer stages many, then commits once).

    Idempotent: the same question (exact folded text, same scope) gets the wording as a phrasing at most
    once and the same answer text at most once.
    """
    qtext, atext = _clean(pair.question, "question"), _clean(pair.answer, "answer")
    key = text_key(qtext)
    scope_id = pair.scope.product_id if pair.scope else None
    existing = await _question(uow, pair.merge_into) if pair.merge_into is not None else None
    if existing is None:
        existing = await _find_exact(uow, key, scope_id)
    language = pair.language or detect_language(qtext)
    if existing is None:
        q = KBQuestion(text=qtext, text_key=key, language=language, product_id=scope_id,
                       variant_id=pair.scope.variant_id if pair.scope else None, tags=list(pair.tags),
                       created_by=pair.created_by, phrasings=[], answers=[])
        uow.session.add(q)
        await uow.session.flush()
        merged = False
    else:
        q = await _question(uow, existing.id)
        merged = True
        known = {q.text_key, *(p.text_key for p in q.phrasings)}
        if key not in known:
            q.phrasings.append(KBPhrasing(text=qtext, text_key=key, language=language,
                                          created_by=pair.created_by))
        new_tags = [t for t in pair.tags if t not in q.tags]
        if new_tags:
            q.tags = [*q.tags, *new_tags]
    akey = text_key(atext)
    same = next((a for a in q.answers if text_key(a.text) == akey), None) if merged else None
    if same is not None:
        await mark_changed(uow, q.id)
        return AddedPair(question_id=q.id, answer_id=same.id, merged=True, new_answer=False)
    answer = KBAnswer(text=atext, source=pair.source, author_id=pair.author_id, accepted=False)
    q.answers.append(answer)
    await uow.session.flush()
    if pair.accepted:
        await _accept(uow, answer)
    await mark_changed(uow, q.id)
    return AddedPair(question_id=q.id, answer_id=answer.id, merged=merged, new_answer=True)


async def add_question_with_answer(uow: UnitOfWork, pair: NewPair) -> AddedPair:
    added = await stage_question_with_answer(uow, pair)
    await uow.commit()
    return added


async def add_answer(uow: UnitOfWork, question_id: int, text: str, *, source: AnswerSource,
                     author_id: int | None = None, accepted: bool = False) -> AnswerRecord:
    q = await _question(uow, question_id)
    answer = KBAnswer(text=_clean(text, "answer"), source=source, author_id=author_id, accepted=False)
    q.answers.append(answer)
    await uow.session.flush()
    if accepted:
        await _accept(uow, answer)
    await mark_changed(uow, q.id)
    await uow.commit()
    return answer_record(answer)


async def vote(uow: UnitOfWork, answer_id: int, user_id: int, value: int) -> int:
    """Record +1/-1 (0 withdraws the vote); voting twice replaces the earlier vote. Returns the net score."""
    if value not in (-1, 0, 1):
        raise ValidationFailed("a vote is +1, -1 or 0 (withdraw)")
    answer = await uow.session.get(KBAnswer, answer_id)
    if answer is None:
        raise NotFound("answer", str(answer_id))
    old = (await uow.session.scalars(
        select(KBVote).where(KBVote.answer_id == answer_id, KBVote.user_id == user_id)
    )).first()
    delta = value - (old.value if old is not None else 0)
    if old is not None and value == 0:
        await uow.session.delete(old)
    elif old is not None:
        old.value, old.created_at = value, utcnow()
    elif value != 0:
        uow.session.add(KBVote(answer_id=answer_id, user_id=user_id, value=value))
    if delta:
        # Atomic increment: concurrent voters on one answer never overwrite each other's count.
        await uow.session.execute(
            update(KBAnswer).where(KBAnswer.id == answer_id).values(votes=KBAnswer.votes + delta)
        )
    await uow.session.flush()
    net = (await uow.session.scalars(select(KBAnswer.votes).where(KBAnswer.id == answer_id))).one()
    await mark_changed(uow, answer.question_id)
    await uow.commit()
    return net


async def _accept(uow: UnitOfWork, answer: KBAnswer) -> None:
    await uow.session.execute(
        update(KBAnswer).where(KBAnswer.question_id == answer.question_id, KBAnswer.id != answer.id)
        .values(accepted=False)
    )
    answer.accepted = True


async def accept_answer(uow: UnitOfWork, answer_id: int) -> AnswerRecord:
    """Mark one answer as the accepted one for its question (any earlier accepted answer loses the flag)."""
    answer = await uow.session.get(KBAnswer, answer_id)
    if answer is None:
        raise NotFound("answer", str(answer_id))
    await _accept(uow, answer)
    await uow.session.flush()
    await mark_changed(uow, answer.question_id)
    await uow.commit()
    return answer_record(answer)


async def record_pending_question(uow: UnitOfWork, *, asker_id: int, chat_id: int, text: str,
                                  scope: ProductScope | None = None, language: str | None = None,
                                  posted_to: PostTarget | None = None) -> PendingRecord:
    clean = _clean(text, "question")
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


async def load_questions(uow: UnitOfWork, question_ids: list[int] | None = None) -> list[QuestionRecord]:
    """Questions with phrasings, answers and product external ids, for building the Q&A index."""
    query = (select(KBQuestion, Product.external_id).outerjoin(Product, Product.id == KBQuestion.product_id)
             .options(selectinload(KBQuestion.phrasings), selectinload(KBQuestion.answers))
             .order_by(KBQuestion.id))
    if question_ids is not None:
        query = query.where(KBQuestion.id.in_(question_ids))
    rows = (await uow.session.execute(query)).all()
    return [question_record(q, ext) for q, ext in rows]
