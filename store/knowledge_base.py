"""Community Q&A knowledge base service: questions with answers, votes and acceptance (the queue of questions
the bot could not answer is store/knowledge_pending.py).

Every change emits ``KnowledgeChanged(question_id)`` so the Q&A index (knowledge/qa) re-reads just that
question after commit: a staff answer is visible to the very next ``ask``; it also dates the question, which is
how other processes' indexes find it (store/knowledge_changes.py). Exact re-imports are recognised
here by a folded text key; *near*-duplicates need embeddings, so the knowledge layer finds them and passes
``merge_into``.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from store.errors import NotFound, ValidationFailed
from store.knowledge_base_records import (
    AddedPair,
    AnswerRecord,
    NewPair,
    ProductScope,
    QuestionRecord,
    answer_record,
    detect_language,
    question_record,
    text_key,
)
from store.knowledge_changes import mark_changed
from store.models.base import utcnow
from store.models.catalog import Product, Variant
from store.models.knowledge_base import (
    AnswerSource,
    KBAnswer,
    KBPhrasing,
    KBQuestion,
    KBVote,
)
from store.uow import UnitOfWork

__all__ = [
    "clean_text",
    "resolve_scope",
    "stage_question_with_answer",
    "add_question_with_answer",
    "add_answer",
    "vote",
    "accept_answer",
    "load_questions",
]

MAX_TEXT = 4000


def clean_text(text: str, what: str) -> str:
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
    qtext, atext = clean_text(pair.question, "question"), clean_text(pair.answer, "answer")
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
    answer = KBAnswer(text=clean_text(text, "answer"), source=source, author_id=author_id, accepted=False)
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


async def load_questions(uow: UnitOfWork, question_ids: list[int] | None = None) -> list[QuestionRecord]:
    """Questions with phrasings, answers and product external ids, for building the Q&A index."""
    query = (select(KBQuestion, Product.external_id).outerjoin(Product, Product.id == KBQuestion.product_id)
             .options(selectinload(KBQuestion.phrasings), selectinload(KBQuestion.answers))
             .order_by(KBQuestion.id))
    if question_ids is not None:
        query = query.where(KBQuestion.id.in_(question_ids))
    rows = (await uow.session.execute(query)).all()
    return [question_record(q, ext) for q, ext in rows]
