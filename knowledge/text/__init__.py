"""Text analysis for keyword search: one tokeniser for English, Chinese and product codes."""

from __future__ import annotations

from knowledge.text.tokenize import tokenize, tokenize_many

__all__ = ["tokenize", "tokenize_many"]
