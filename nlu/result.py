"""The parse result: a frozen mirror of Rasa's ``/model/parse`` JSON.

WHY frozen dataclasses: the dialogue core keeps results in its history and must not be able to mutate them;
``to_rasa_dict`` gives the exact Rasa shape (so either backend is interchangeable) and ``to_json`` the
compact shape the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nlu.constants import (
    CONFIDENCE,
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING,
    TEXT,
)

__all__ = ["EntityValue", "IntentScore", "ParsedEntity", "ParseResult"]

EntityValue = str | int


@dataclass(frozen=True, slots=True)
class IntentScore:
    name: str
    confidence: float

    def to_rasa_dict(self) -> dict[str, Any]:
        return {INTENT_NAME_KEY: self.name, CONFIDENCE: self.confidence}


@dataclass(frozen=True, slots=True)
class ParsedEntity:
    """One entity. ``value`` is normalised: ints for quantities and prices (minor units), canonical English
    for colours and sizes, the resolved SKU/id for references (``ordinal`` keeps "the second one" = 2)."""

    entity: str
    value: EntityValue
    start: int
    end: int
    confidence_entity: float = 1.0
    extractor: str = ""
    currency: str | None = None
    ordinal: int | None = None
    resolved: bool = True

    @property
    def text_span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def surface(self, text: str) -> str:
        """What the message says at this span ("" when the span does not fit ``text``, e.g. an entity from a
        backend that counted offsets on other text)."""
        return text[self.start:self.end] if 0 <= self.start < self.end <= len(text) else ""

    def to_rasa_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            ENTITY_ATTRIBUTE_TYPE: self.entity,
            ENTITY_ATTRIBUTE_VALUE: self.value,
            ENTITY_ATTRIBUTE_START: self.start,
            ENTITY_ATTRIBUTE_END: self.end,
            ENTITY_ATTRIBUTE_CONFIDENCE: self.confidence_entity,
            EXTRACTOR: self.extractor,
        }
        if self.currency is not None:
            out["currency"] = self.currency
        if self.ordinal is not None:
            out["ordinal"] = self.ordinal
        if not self.resolved:
            out["resolved"] = False
        return out


@dataclass(frozen=True, slots=True)
class ParseResult:
    text: str
    intent: IntentScore
    intent_ranking: tuple[IntentScore, ...] = ()
    entities: tuple[ParsedEntity, ...] = ()
    is_fallback: bool = False
    language: str = "en"
    backend: str = "builtin"
    extras: tuple[tuple[str, str], ...] = field(default=())

    @property
    def top_two(self) -> tuple[IntentScore, ...]:
        """The candidates a clarifying question offers as buttons when ``is_fallback``."""
        return self.intent_ranking[:2]

    def entity_values(self, name: str) -> list[EntityValue]:
        return [e.value for e in self.entities if e.entity == name]

    def first(self, name: str) -> ParsedEntity | None:
        return next((e for e in self.entities if e.entity == name), None)

    def to_rasa_dict(self) -> dict[str, Any]:
        """Rasa's ``/model/parse`` shape plus ``is_fallback``."""
        return {
            TEXT: self.text,
            INTENT: self.intent.to_rasa_dict(),
            INTENT_RANKING: [s.to_rasa_dict() for s in self.intent_ranking],
            ENTITIES: [e.to_rasa_dict() for e in self.entities],
            "is_fallback": self.is_fallback,
        }

    def to_json(self) -> dict[str, Any]:
        """The CLI shape of issue 5, exactly these keys in this order: ``{"text", "intent", "confidence",
        "ranking": [{"intent", "confidence"}], "entities": [{"entity", "value", "start", "end"}]}``.

        WHY nothing more (not even ``is_fallback``): scripts consuming ``shopbot nlu parse --json`` are written
        against the documented shape; the fallback flag follows from ``confidence`` and the model's threshold
        (``shopbot nlu parse`` without ``--json`` shows it)."""
        return {
            "text": self.text,
            "intent": self.intent.name,
            "confidence": round(self.intent.confidence, 4),
            "ranking": [{"intent": s.name, "confidence": round(s.confidence, 4)} for s in self.intent_ranking],
            "entities": [{"entity": e.entity, "value": e.value, "start": e.start, "end": e.end} for e in self.entities],
        }
