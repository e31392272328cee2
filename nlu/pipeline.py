"""The NLU interface the dialogue core uses, and the built-in implementation.

``parse`` takes an optional precomputed vector so one encoding of the message serves NLU, product search and
Q&A. Below ``FALLBACK_THRESHOLD`` (chosen in cross-validation, stored with the model) the result is flagged
``is_fallback`` and the dialogue asks a clarifying question offering the top two intents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from knowledge.encoders.base import Encoder, Vectors, encode_async
from nlu.constants import INTENT_RANKING_LENGTH
from nlu.context import DialogueContext
from nlu.entities.extractor import EntityExtractor
from nlu.errors import NLUError
from nlu.focus import about_product_in_focus
from nlu.language import detect_language
from nlu.model import NLUModel
from nlu.result import IntentScore, ParseResult

__all__ = ["BuiltinNLU", "EmptyMessageError", "NLU"]


class EmptyMessageError(NLUError):
    """The message has no text to understand."""


@runtime_checkable
class NLU(Protocol):
    async def parse(
        self, text: str, context: DialogueContext | None = None, vector: Vectors | None = None
    ) -> ParseResult: ...


class BuiltinNLU:
    def __init__(self, model: NLUModel, encoder: Encoder) -> None:
        if model.metadata.encoder_name != encoder.name:
            raise NLUError(
                f"model was trained with encoder {model.metadata.encoder_name!r}, not {encoder.name!r}; retrain"
            )
        self.model = model
        self.encoder = encoder
        self.entities = EntityExtractor(model.lexicon)
        self._classes = model.intents

    @property
    def fallback_threshold(self) -> float:
        return self.model.threshold

    async def parse(
        self, text: str, context: DialogueContext | None = None, vector: Vectors | None = None
    ) -> ParseResult:
        clean = _clean(text)
        if vector is None:
            vector = await encode_async(self.encoder, [clean])
        return self.parse_sync(clean, context, vector)

    def parse_sync(
        self, text: str, context: DialogueContext | None = None, vector: Vectors | None = None
    ) -> ParseResult:
        clean = _clean(text)
        vecs = self.encoder.encode([clean]) if vector is None else np.asarray(vector, dtype=np.float32).reshape(1, -1)
        return self._result(clean, self.model.predict_proba([clean], vecs)[0], context)

    def parse_batch(
        self,
        texts: Sequence[str],
        contexts: Sequence[DialogueContext | None] | None = None,
        vectors: Vectors | None = None,
    ) -> list[ParseResult]:
        clean = [_clean(t) for t in texts]
        vecs = self.encoder.encode(clean) if vectors is None else vectors
        proba = self.model.predict_proba(clean, vecs)
        ctxs = list(contexts) if contexts is not None else [None] * len(clean)
        return [self._result(t, p, c) for t, p, c in zip(clean, proba, ctxs, strict=True)]

    def _result(self, text: str, proba: np.ndarray, context: DialogueContext | None) -> ParseResult:
        order = np.argsort(-proba)[:INTENT_RANKING_LENGTH]
        ranking = tuple(IntentScore(self._classes[i], float(proba[i])) for i in order)
        top = ranking[0]
        result = ParseResult(
            text=text,
            intent=top,
            intent_ranking=ranking,
            entities=self.entities.extract(text, context),
            is_fallback=top.confidence < self.model.threshold,
            language=detect_language(text).value,
        )
        return about_product_in_focus(result, context)


def _clean(text: str) -> str:
    clean = " ".join(text.split())
    if not clean:
        raise EmptyMessageError("cannot parse an empty message")
    return clean
