"""Which of a question's answers to give, and which answers count as trusted (staff-written or accepted)."""

from __future__ import annotations

from store.knowledge_base_records import AnswerRecord, QuestionRecord
from store.models.knowledge_base import AnswerSource

__all__ = ["best_answer", "is_trusted", "is_anecdote"]

_SOURCE_RANK = {AnswerSource.STAFF: 3, AnswerSource.FAQ: 2, AnswerSource.PRODUCT_DESCRIPTION: 1,
                AnswerSource.SHOPPER: 0}


def best_answer(question: QuestionRecord) -> AnswerRecord | None:
    """Accepted first, then staff over FAQ over shoppers, then net votes, then the newest."""
    if not question.answers:
        return None
    return max(question.answers,
               key=lambda a: (a.accepted, _SOURCE_RANK[a.source], a.votes, a.created_at, a.id))


def is_trusted(answer: AnswerRecord) -> bool:
    return answer.accepted or answer.source is AnswerSource.STAFF


def is_anecdote(answer: AnswerRecord) -> bool:
    """A shopper's own experience ("my order to Toronto took 9 days"), not the shop's word on it."""
    return answer.source is AnswerSource.SHOPPER and not answer.accepted
