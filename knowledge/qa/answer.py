"""What ``QAService.ask`` returns: an answer with its provenance, or a clear "I don't know"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from store.models.knowledge_base import AnswerSource

__all__ = ["Answer"]


@dataclass(frozen=True)
class Answer:
    """``answer`` is None below the threshold: the bot then offers to post the question to the community
    group or to staff (``offer_to_post``); ``matched_question`` is None too, and ``nearest_question`` holds
    the closest known question for a "did you mean ...?" button.

    ``confidence`` is the blended score in [0, 1] of the best candidate, answered or not.
    """

    answer: str | None
    source: AnswerSource | None
    confidence: float
    matched_question: str | None
    answer_id: int | None = None
    question_id: int | None = None
    # True when the answer is about one product (its own Q&A or its description).
    product_scoped: bool = False
    product_external_id: str | None = None
    nearest_question: str | None = None
    # False when the answer opens with a yes or no written for ``matched_question``, a question other than the
    # one asked (``verdict.py``): it may only be shown as that question's answer, never stated as this one's.
    same_question: bool = True
    # Left unanswered because the entry lists where the shop delivers and not the place asked about (places.py):
    # that place (its position in places.py's table) and the list, so the bot can say the shop does not go there.
    place_not_served: int | None = None
    places_served: str | None = None

    @property
    def answered(self) -> bool:
        return self.answer is not None

    @property
    def offer_to_post(self) -> bool:
        return self.answer is None

    def to_json(self, question: str) -> dict[str, Any]:
        """The CLI's line format: question, answer (null when abstaining), source, confidence, matched."""
        return {
            "question": question,
            "answer": self.answer,
            "source": self.source.value if self.source else None,
            "confidence": round(self.confidence, 4),
            "matched_question": self.matched_question,
        }
