"""The trained NLU model: intent classifier + entity lexicon + calibration + metadata.

WHY one object: it is what the artifact pickles and what ``BuiltinNLU`` serves, so training, saving and
serving can never disagree about the threshold or temperature that go with a classifier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from knowledge.encoders.base import Vectors
from nlu.classifier import IntentClassifier
from nlu.entities.lexicon import Lexicon

__all__ = ["FORMAT_VERSION", "ModelMetadata", "NLUModel"]

FORMAT_VERSION = 3  # 3: the classifier carries nearest-neighbour features


@dataclass(frozen=True)
class ModelMetadata:
    version: str
    data_hash: str
    encoder_name: str
    trained_at: str
    intents: tuple[str, ...]
    threshold: float
    temperature: float
    n_examples: int
    format_version: int = FORMAT_VERSION
    cv: dict[str, float] = field(default_factory=dict)
    config_hash: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "format_version": self.format_version,
            "version": self.version,
            "data_hash": self.data_hash,
            "encoder_name": self.encoder_name,
            "trained_at": self.trained_at,
            "intents": list(self.intents),
            "threshold": self.threshold,
            "temperature": self.temperature,
            "n_examples": self.n_examples,
            "cv": dict(self.cv),
            "config_hash": self.config_hash,
        }


@dataclass
class NLUModel:
    classifier: IntentClassifier
    lexicon: Lexicon
    metadata: ModelMetadata

    @property
    def threshold(self) -> float:
        return self.metadata.threshold

    @property
    def intents(self) -> list[str]:
        return self.classifier.classes

    def predict_proba(self, texts: Sequence[str], vectors: Vectors) -> npt.NDArray[np.float64]:
        return self.classifier.predict_proba(texts, vectors)
