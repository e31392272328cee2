"""A second NLU backend: a Rasa server's ``POST /model/parse``, with the built-in model as fallback.

Selected with ``NLU_BACKEND=rasa`` and ``RASA_URL``. WHY keep a fallback: the bot must keep understanding
shoppers when the Rasa container is down or slow; we log a warning and answer from the built-in model.
Rasa's own ``nlu_fallback`` intent becomes ``is_fallback`` with the next intents as the ranking. Entities
the built-in extractor finds (normalised values, references resolved against the dialogue context) are
merged with Rasa's.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from knowledge.encoders.base import Vectors
from nlu.constants import INTENT_RANKING_LENGTH, Extractor
from nlu.context import DialogueContext
from nlu.entities.extractor import EntityExtractor
from nlu.errors import RasaUnavailableError
from nlu.focus import about_product_in_focus
from nlu.language import detect_language
from nlu.pipeline import NLU
from nlu.result import IntentScore, ParsedEntity, ParseResult

__all__ = ["RASA_FALLBACK_INTENT", "RasaNLU", "parse_rasa_response"]

log = logging.getLogger(__name__)
RASA_FALLBACK_INTENT = "nlu_fallback"


def _score(raw: Any) -> IntentScore | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        return None
    try:
        return IntentScore(raw["name"], float(raw.get("confidence") or 0.0))
    except (TypeError, ValueError):
        return None


def _entity(raw: Any) -> ParsedEntity | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("entity"), str):
        return None
    try:
        value = raw.get("value")
        return ParsedEntity(
            entity=raw["entity"],
            value=value if isinstance(value, (str, int)) and not isinstance(value, bool) else str(value),
            start=int(raw.get("start", 0)),
            end=int(raw.get("end", 0)),
            # Rasa >= 2 sends confidence_entity; the OpenAPI spec's Entity schema still names it confidence
            confidence_entity=float(raw.get("confidence_entity", raw.get("confidence", 1.0)) or 1.0),
            extractor=str(raw.get("extractor") or Extractor.RASA),
        )
    except (TypeError, ValueError):
        return None


def parse_rasa_response(payload: Any, text: str, threshold: float) -> ParseResult:
    """Map Rasa's JSON to a ``ParseResult``; raises ``RasaUnavailableError`` when it is not one."""
    if not isinstance(payload, dict):
        raise RasaUnavailableError("Rasa answered with something that is not a JSON object")
    intent = _score(payload.get("intent"))
    ranking = [s for s in (_score(r) for r in payload.get("intent_ranking") or []) if s is not None]
    if intent is None:
        raise RasaUnavailableError("Rasa's answer has no intent")
    fallback = intent.name == RASA_FALLBACK_INTENT
    ranking = [s for s in ranking if s.name != RASA_FALLBACK_INTENT] or ([] if fallback else [intent])
    if fallback:
        if not ranking:
            raise RasaUnavailableError("Rasa returned nlu_fallback without an intent ranking")
        intent = ranking[0]
    entities = [e for e in (_entity(r) for r in payload.get("entities") or []) if e is not None]
    return ParseResult(
        text=text,
        intent=intent,
        intent_ranking=tuple(ranking[:INTENT_RANKING_LENGTH]),
        entities=tuple(sorted(entities, key=lambda e: e.start)),
        is_fallback=fallback or intent.confidence < threshold,
        language=detect_language(text).value,
        backend="rasa",
    )


class RasaNLU:
    def __init__(
        self,
        url: str,
        fallback: NLU,
        *,
        threshold: float = 0.5,
        entity_extractor: EntityExtractor | None = None,
        timeout: float = 2.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = url.rstrip("/") + "/model/parse"
        self.fallback = fallback
        self.threshold = threshold
        self.entity_extractor = entity_extractor
        self._client = client or httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=min(timeout, 1.0)))

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _call(self, text: str) -> ParseResult:
        try:
            response = await self._client.post(self.url, json={"text": text})
            response.raise_for_status()
            payload = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailableError(f"Rasa at {self.url} failed: {exc!r}") from exc
        return parse_rasa_response(payload, text, self.threshold)

    async def parse(
        self, text: str, context: DialogueContext | None = None, vector: Vectors | None = None
    ) -> ParseResult:
        try:
            result = await self._call(text)
        except RasaUnavailableError as exc:
            log.warning("%s; using the built-in NLU", exc)
            return await self.fallback.parse(text, context, vector)
        return self._merge_entities(result, context)

    def _merge_entities(self, result: ParseResult, context: DialogueContext | None) -> ParseResult:
        if self.entity_extractor is None:
            return result
        ours = list(self.entity_extractor.extract(result.text, context))
        merged = ours + [e for e in result.entities if not any(e.start < o.end and o.start < e.end for o in ours)]
        merged_result = ParseResult(
            text=result.text,
            intent=result.intent,
            intent_ranking=result.intent_ranking,
            entities=tuple(sorted(merged, key=lambda e: e.start)),
            is_fallback=result.is_fallback,
            language=result.language,
            backend=result.backend,
        )
        return about_product_in_focus(merged_result, context)
