"""Training and stratified k-fold cross-validation.

Training runs k-fold CV first: its out-of-fold logits fit the temperature (calibration) and the fallback
threshold, then the final classifier is fitted on all examples. The held-out evaluation file is never read
here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
from sklearn.model_selection import StratifiedKFold

from knowledge.encoders.base import Encoder, Vectors
from nlu.calibration import choose_threshold
from nlu.classifier import ClassifierConfig, IntentClassifier, fit_temperature, softmax
from nlu.entities.lexicon import Lexicon
from nlu.errors import TrainingDataError
from nlu.model import FORMAT_VERSION, ModelMetadata, NLUModel
from nlu.training_data import TrainingData

__all__ = ["CrossValidation", "TrainConfig", "cross_validate", "train_model"]


@dataclass(frozen=True)
class TrainConfig:
    classifier: ClassifierConfig = ClassifierConfig()
    folds: int = 5
    seed: int = 13

    def digest(self) -> str:
        """Changes when the pipeline's settings or artifact format change, so a stale model is retrained."""
        return hashlib.sha256(f"{FORMAT_VERSION}|{self!r}".encode()).hexdigest()[:16]


@dataclass
class CrossValidation:
    """Out-of-fold predictions: ``logits[i]`` came from a model that never saw example ``i``."""

    texts: list[str]
    labels: list[str]
    languages: list[str]
    classes: list[str]
    logits: npt.NDArray[np.float64]
    temperature: float = 1.0

    @property
    def label_ids(self) -> npt.NDArray[np.int64]:
        index = {c: i for i, c in enumerate(self.classes)}
        return np.array([index[label] for label in self.labels], dtype=np.int64)

    def proba(self) -> npt.NDArray[np.float64]:
        return softmax(self.logits, self.temperature)


def _check(data: TrainingData, folds: int) -> None:
    counts: dict[str, int] = {}
    for ex in data.examples:
        counts[ex.intent] = counts.get(ex.intent, 0) + 1
    if len(counts) < 2:
        raise TrainingDataError("<training data>", None, "need at least two intents to train")
    small = sorted(name for name, n in counts.items() if n < folds)
    if small:
        raise TrainingDataError(
            "<training data>", None, f"intents with fewer than {folds} examples: {', '.join(small)}"
        )


def cross_validate(
    data: TrainingData, vectors: Vectors, config: TrainConfig = TrainConfig(), folds: int | None = None
) -> CrossValidation:
    k = folds or config.folds
    _check(data, k)
    texts = [e.text for e in data.examples]
    labels = np.array([e.intent for e in data.examples])
    classes = sorted(set(labels.tolist()))
    logits = np.zeros((len(texts), len(classes)), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=config.seed)
    for train_idx, test_idx in splitter.split(texts, labels):
        clf = IntentClassifier(config.classifier).fit(
            [texts[i] for i in train_idx], vectors[train_idx], labels[train_idx]
        )
        fold_logits = clf.logits([texts[i] for i in test_idx], vectors[test_idx])
        cols = [classes.index(c) for c in clf.classes]
        logits[np.ix_(test_idx, cols)] = fold_logits
    cv = CrossValidation(texts, labels.tolist(), [e.language for e in data.examples], classes, logits)
    cv.temperature = fit_temperature(logits, cv.label_ids)
    return cv


def train_model(
    data: TrainingData,
    encoder: Encoder,
    data_hash: str,
    config: TrainConfig = TrainConfig(),
    vectors: Vectors | None = None,
) -> NLUModel:
    texts: Sequence[str] = [e.text for e in data.examples]
    vecs = encoder.encode(texts) if vectors is None else vectors
    cv = cross_validate(data, vecs, config)
    proba = cv.proba()
    predicted = proba.argmax(axis=1)
    correct = predicted == cv.label_ids
    threshold = choose_threshold(proba.max(axis=1), correct)
    clf = IntentClassifier(config.classifier).fit(texts, vecs, [e.intent for e in data.examples])
    clf.temperature = cv.temperature
    now = datetime.now(UTC)
    metadata = ModelMetadata(
        version=f"{now:%Y%m%d%H%M%S}-{data_hash[:8]}",
        data_hash=data_hash,
        encoder_name=encoder.name,
        trained_at=now.isoformat(timespec="seconds"),
        intents=tuple(clf.classes),
        threshold=threshold,
        temperature=cv.temperature,
        n_examples=len(texts),
        cv={"accuracy": float(np.mean(correct)), "folds": float(config.folds)},
        config_hash=config.digest(),
    )
    return NLUModel(clf, Lexicon.from_training_data(data), metadata)
