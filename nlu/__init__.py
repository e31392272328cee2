"""shopbot NLU: intents and entities for English and Simplified Chinese shop chat.

Imports only the encoder interface (``knowledge.encoders``); never the store, never Telegram.
"""

from __future__ import annotations

from nlu.constants import EntityName, Intent
from nlu.context import CatalogVocabulary, DialogueContext
from nlu.pipeline import NLU, BuiltinNLU
from nlu.result import IntentScore, ParsedEntity, ParseResult

__all__ = [
    "NLU",
    "BuiltinNLU",
    "CatalogVocabulary",
    "DialogueContext",
    "EntityName",
    "Intent",
    "IntentScore",
    "ParseResult",
    "ParsedEntity",
]
