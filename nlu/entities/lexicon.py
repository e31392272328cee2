"""The entity lexicon learnt from training data: lookups, synonyms, regexes and annotated surface forms.

WHY a plain dataclass: it is what the model artifact stores for entities (small, picklable, inspectable);
the extractor is rebuilt from it on load.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlu.constants import EntityName
from nlu.training_data import TrainingData

__all__ = ["Lexicon"]

_FROM_ANNOTATIONS = (EntityName.PRODUCT, EntityName.BRAND, EntityName.CATEGORY, EntityName.COLOR, EntityName.SIZE)


@dataclass
class Lexicon:
    synonyms: dict[str, str] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)
    annotated: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_training_data(cls, data: TrainingData) -> Lexicon:
        annotated = {str(name): sorted(data.entity_values(name)) for name in _FROM_ANNOTATIONS}
        return cls(
            synonyms=dict(data.synonyms),
            regexes={k: list(v) for k, v in data.regexes.items()},
            lookups={k: sorted(set(v)) for k, v in data.lookups.items()},
            annotated=annotated,
        )

    def canonical(self, surface: str) -> str:
        return self.synonyms.get(surface.casefold().strip(), surface.strip())
