"""The candidate span every extractor produces; the extractor keeps the best non-overlapping ones."""

from __future__ import annotations

from dataclasses import dataclass

from nlu.result import EntityValue, ParsedEntity

__all__ = ["Span"]


@dataclass(frozen=True, slots=True)
class Span:
    entity: str
    value: EntityValue
    start: int
    end: int
    extractor: str
    confidence: float = 1.0
    currency: str | None = None
    ordinal: int | None = None
    resolved: bool = True

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_entity(self) -> ParsedEntity:
        return ParsedEntity(
            entity=self.entity,
            value=self.value,
            start=self.start,
            end=self.end,
            confidence_entity=self.confidence,
            extractor=self.extractor,
            currency=self.currency,
            ordinal=self.ordinal,
            resolved=self.resolved,
        )
