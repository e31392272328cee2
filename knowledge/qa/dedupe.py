"""Near-duplicate questions: a new question this close to a known one becomes a phrasing of it.

Merging keeps answers and votes in one place ("how long is delivery" and "when will my order arrive" are
one question). It is deliberately conservative -- merging two different questions would serve one
question's answer for the other -- so it needs a high cosine, the same product scope and the same
language (a Chinese asker should keep getting a Chinese answer, so a Chinese wording stays its own
canonical question even when an English one means the same).
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.encoders.base import Vectors
from knowledge.qa.index import QAIndex
from knowledge.qa.retrieval import QAService
from store.knowledge_base import add_question_with_answer
from store.knowledge_base_records import AddedPair, NewPair, QuestionRecord, detect_language
from store.knowledge_pending import AnsweredPending, answer_pending_question, get_pending
from store.models.knowledge_base import AnswerSource

__all__ = ["find_duplicate", "merge_target", "add_pair_deduplicated", "answer_pending_deduplicated"]


def find_duplicate(index: QAIndex, vector: Vectors, *, language: str, product_id: int | None,
                   threshold: float) -> QuestionRecord | None:
    """The known question (same scope and language) this one duplicates, if any."""

    def same_scope(r: QuestionRecord) -> bool:
        return r.product_id == product_id and r.language == language

    hits = index.search(vector, [], weights=(1.0, 0.0, 0.0, 0.0), allow=same_scope, top_k=1)
    if hits and hits[0].dense_question >= threshold:
        return hits[0].question
    return None


async def merge_target(service: QAService, text: str, product_id: int | None) -> int | None:
    await service.refresh()
    vector = await service.encode_query(text)
    dup = find_duplicate(service.index, vector, language=detect_language(text), product_id=product_id,
                         threshold=service.config.dedupe_threshold)
    return dup.id if dup else None


async def add_pair_deduplicated(service: QAService, pair: NewPair) -> AddedPair:
    """Add a question with its answer, merged into a near-duplicate when there is one."""
    if pair.merge_into is None:
        target = await merge_target(service, pair.question, pair.scope.product_id if pair.scope else None)
        pair = replace(pair, merge_into=target)
    async with service.uow_factory() as uow:
        added = await add_question_with_answer(uow, pair)
    await service.refresh()
    return added


async def answer_pending_deduplicated(service: QAService, pending_id: int, answer: str, *, answered_by: int,
                                      source: AnswerSource = AnswerSource.SHOPPER) -> AnsweredPending:
    """Close a pending question with a human answer and say whom to notify. The pair joins the KB -- as a
    phrasing of a known question when the asker's wording duplicates one -- and is answerable at once."""
    async with service.uow_factory() as uow:
        pending = await get_pending(uow, pending_id)
    target = await merge_target(service, pending.text, pending.product_id)
    async with service.uow_factory() as uow:
        done = await answer_pending_question(uow, pending_id, answer, answered_by=answered_by, source=source,
                                             merge_into=target)
    await service.refresh()
    return done
