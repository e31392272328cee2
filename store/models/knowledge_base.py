"""Community Q&A knowledge base: canonical questions, their other phrasings, answers, votes and the queue
of questions nobody has answered yet.

One canonical question gathers every phrasing shoppers used for it, so answers and votes accumulate in one
place instead of being split across near-duplicates. Author ids are Telegram user ids without a foreign key:
staff answering from the back office need not be shop users, and the answer must outlive the account.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, JSONType, utcnow

__all__ = [
    "AnswerSource",
    "PendingStatus",
    "PostTarget",
    "KBQuestion",
    "KBPhrasing",
    "KBAnswer",
    "KBVote",
    "KBPendingQuestion",
]


class AnswerSource(StrEnum):
    """Where an answer came from; staff and FAQ answers are trusted more than shoppers' ones."""

    FAQ = "faq"
    STAFF = "staff"
    SHOPPER = "shopper"
    PRODUCT_DESCRIPTION = "product_description"


class PendingStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    DISMISSED = "dismissed"


class PostTarget(StrEnum):
    """Where an unanswered question was posted for humans to answer."""

    GROUP = "group"
    STAFF = "staff"


def _enum(cls: type[StrEnum], name: str) -> Enum:
    # VARCHAR + values, not a native PostgreSQL enum: adding a member never needs an ALTER TYPE.
    return Enum(cls, name=name, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class KBQuestion(Base):
    __tablename__ = "kb_questions"
    __table_args__ = (
        Index("ix_kb_questions_text_key", "text_key"),
        Index("ix_kb_questions_updated_at", "updated_at"),  # how other processes find changes (knowledge_changes)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    # Case/space/punctuation-folded text: exact re-imports find the same question without embeddings.
    text_key: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(8), default="en")
    # Product scope: None = a general shop question. variant_id is set when the question named one SKU;
    # product_id is always set for scoped questions so every variant of the product shares its Q&A.
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id", ondelete="SET NULL"))
    tags: Mapped[list[str]] = mapped_column(JSONType, default=list)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    phrasings: Mapped[list[KBPhrasing]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="KBPhrasing.id"
    )
    answers: Mapped[list[KBAnswer]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="KBAnswer.id"
    )


class KBPhrasing(Base):
    """Another wording of a canonical question, merged in by the near-duplicate check."""

    __tablename__ = "kb_phrasings"
    __table_args__ = (UniqueConstraint("question_id", "text_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("kb_questions.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    text_key: Mapped[str] = mapped_column(String(500), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    question: Mapped[KBQuestion] = relationship(back_populates="phrasings")


class KBAnswer(Base):
    __tablename__ = "kb_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("kb_questions.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[AnswerSource] = mapped_column(_enum(AnswerSource, "kb_answer_source"))
    author_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Net score (up minus down), kept in step with kb_votes by the service so ranking needs no join.
    votes: Mapped[int] = mapped_column(default=0)
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)

    question: Mapped[KBQuestion] = relationship(back_populates="answers")


class KBVote(Base):
    """One user's vote on one answer; voting again replaces it."""

    __tablename__ = "kb_votes"
    __table_args__ = (
        UniqueConstraint("answer_id", "user_id"),
        CheckConstraint("value IN (-1, 1)", name="value_is_plus_or_minus_one"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("kb_answers.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    value: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class KBPendingQuestion(Base):
    """A question the knowledge base could not answer, waiting for the community or staff."""

    __tablename__ = "kb_pending_questions"
    __table_args__ = (Index("ix_kb_pending_questions_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asker_id: Mapped[int] = mapped_column(BigInteger, index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="en")
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id", ondelete="SET NULL"))
    status: Mapped[PendingStatus] = mapped_column(_enum(PendingStatus, "kb_pending_status"),
                                                  default=PendingStatus.OPEN)
    posted_to: Mapped[PostTarget | None] = mapped_column(_enum(PostTarget, "kb_post_target"))
    # Where the post landed (group chat + message) so a reply to it can be matched back to this question.
    posted_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    posted_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column()
    answered_by: Mapped[int | None] = mapped_column(BigInteger)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("kb_questions.id", ondelete="SET NULL"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("kb_answers.id", ondelete="SET NULL"))
