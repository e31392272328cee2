"""What the knowledge-base service hands out and takes in: frozen records (never ORM rows), the change event
the Q&A index listens for, and the text folding that makes exact duplicates recognisable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from store.models.knowledge_base import (
    AnswerSource,
    KBAnswer,
    KBPendingQuestion,
    KBQuestion,
    PendingStatus,
    PostTarget,
)

__all__ = [
    "ProductScope",
    "KnowledgeChanged",
    "NewPair",
    "AddedPair",
    "AnswerRecord",
    "QuestionRecord",
    "PendingRecord",
    "text_key",
    "detect_language",
    "answer_record",
    "question_record",
    "pending_record",
]

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def text_key(text: str) -> str:
    """Fold case, width and punctuation: "Do you ship to Canada?" == "do you ship to canada"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCT.sub(" ", folded).split())[:500]


def detect_language(text: str) -> str:
    """"zh" when the text has Chinese characters, else "en" (the two languages the shop speaks)."""
    return "zh" if _CJK.search(text) else "en"


@dataclass(frozen=True)
class ProductScope:
    """The product a question is about; ``variant_id`` when a specific SKU was named."""

    product_id: int
    variant_id: int | None = None
    external_id: str = ""


@dataclass(frozen=True)
class KnowledgeChanged:
    """Event: a question, its phrasings, answers or votes changed; the Q&A index re-reads it."""

    question_id: int


@dataclass(frozen=True)
class NewPair:
    """A question and its answer to add; ``merge_into`` names the canonical question of a near-duplicate."""

    question: str
    answer: str
    source: AnswerSource = AnswerSource.FAQ
    scope: ProductScope | None = None
    tags: tuple[str, ...] = ()
    created_by: int | None = None
    author_id: int | None = None
    language: str | None = None
    accepted: bool = False
    merge_into: int | None = None


@dataclass(frozen=True)
class AddedPair:
    question_id: int
    answer_id: int
    merged: bool  # the question text joined an existing canonical question
    new_answer: bool  # False when the same answer text was already there (re-import)


@dataclass(frozen=True)
class AnswerRecord:
    id: int
    question_id: int
    text: str
    source: AnswerSource
    author_id: int | None
    created_at: datetime
    votes: int
    accepted: bool


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    text: str
    language: str
    product_id: int | None
    variant_id: int | None
    product_external_id: str | None
    tags: tuple[str, ...]
    phrasings: tuple[str, ...]
    answers: tuple[AnswerRecord, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PendingRecord:
    id: int
    asker_id: int
    chat_id: int
    text: str
    language: str
    product_id: int | None
    variant_id: int | None
    status: PendingStatus
    posted_to: PostTarget | None
    posted_chat_id: int | None
    posted_message_id: int | None
    created_at: datetime
    answered_at: datetime | None
    question_id: int | None
    answer_id: int | None


def answer_record(a: KBAnswer) -> AnswerRecord:
    return AnswerRecord(id=a.id, question_id=a.question_id, text=a.text, source=a.source,
                        author_id=a.author_id, created_at=a.created_at, votes=a.votes, accepted=a.accepted)


def question_record(q: KBQuestion, product_external_id: str | None) -> QuestionRecord:
    return QuestionRecord(id=q.id, text=q.text, language=q.language, product_id=q.product_id,
                          variant_id=q.variant_id, product_external_id=product_external_id,
                          tags=tuple(q.tags or ()), phrasings=tuple(p.text for p in q.phrasings),
                          answers=tuple(answer_record(a) for a in q.answers))


def pending_record(p: KBPendingQuestion) -> PendingRecord:
    return PendingRecord(id=p.id, asker_id=p.asker_id, chat_id=p.chat_id, text=p.text, language=p.language,
                         product_id=p.product_id, variant_id=p.variant_id, status=p.status,
                         posted_to=p.posted_to, posted_chat_id=p.posted_chat_id,
                         posted_message_id=p.posted_message_id, created_at=p.created_at,
                         answered_at=p.answered_at, question_id=p.question_id, answer_id=p.answer_id)
