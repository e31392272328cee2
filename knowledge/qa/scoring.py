"""Turn similarity features into one confidence, and pick which of a question's answers to give.

Kept apart from the index so tuning can re-score cached features under other weights without encoding.
"""

from __future__ import annotations

from knowledge.qa.config import QAConfig
from knowledge.qa.index import QuestionHit
from store.knowledge_base_records import AnswerRecord, QuestionRecord
from store.models.knowledge_base import AnswerSource

__all__ = ["best_answer", "is_trusted", "question_score", "blend"]

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


def blend(config: QAConfig, dense_question: float, dense_answer: float, lexical: float,
          answer_lexical: float) -> float:
    return (config.w_question * dense_question + config.w_answer * max(dense_answer, 0.0)
            + config.w_lexical * lexical + config.w_answer_lexical * answer_lexical)


def question_score(config: QAConfig, hit: QuestionHit, product_id: int | None, language: str) -> float:
    """Confidence that this question's best answer answers the query (in ``language``), in [0, 1]."""
    score = blend(config, hit.dense_question, hit.dense_answer, hit.lexical, hit.answer_lexical)
    if hit.question.language == language:
        score += config.language_bonus
    answer = best_answer(hit.question)
    if answer is not None and is_trusted(answer):
        score += config.trusted_boost
    scope = hit.question.product_id
    if scope is not None and product_id is not None and scope == product_id:
        score += config.scope_bonus
    elif scope is not None:
        score -= config.other_product_penalty
    return min(1.0, max(0.0, score))
