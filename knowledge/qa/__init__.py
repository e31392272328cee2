"""Community Q&A: answer product and shop questions from the knowledge base (see docs/qa.md)."""

from __future__ import annotations

from knowledge.qa.answer import Answer
from knowledge.qa.config import DEFAULT_CONFIG, QAConfig
from knowledge.qa.retrieval import QAService

__all__ = ["Answer", "QAConfig", "DEFAULT_CONFIG", "QAService"]
