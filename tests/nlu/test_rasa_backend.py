from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from nlu.context import DialogueContext
from nlu.pipeline import BuiltinNLU
from nlu.rasa_backend import RasaNLU

SEEN = web.AppKey("seen", list)

# The documented shape of Rasa 3's POST /model/parse response.
RASA_REPLY: dict[str, Any] = {
    "text": "",
    "intent": {"id": -2555, "name": "add_to_cart", "confidence": 0.91},
    "entities": [
        {
            "entity": "quantity",
            "start": 4,
            "end": 7,
            "confidence_entity": 0.99,
            "value": "two",
            "extractor": "DIETClassifier",
            "processors": [],
        },
    ],
    "text_tokens": [[0, 3], [4, 7]],
    "intent_ranking": [
        {"id": -2555, "name": "add_to_cart", "confidence": 0.91},
        {"id": 1, "name": "update_cart", "confidence": 0.06},
        {"id": 2, "name": "view_cart", "confidence": 0.03},
    ],
    "response_selector": {"all_retrieval_intents": [], "default": {"response": {}, "ranking": []}},
}


# The minimal shape of the OpenAPI spec (docs/static/spec/rasa.yml, ParseResult): only text is required, an
# Entity has start/end/value/entity and an optional "confidence".
SPEC_REPLY: dict[str, Any] = {
    "text": "",
    "intent": {"name": "search_product", "confidence": 0.8},
    "intent_ranking": [{"name": "search_product", "confidence": 0.8}, {"name": "recommend", "confidence": 0.2}],
    "entities": [{"start": 0, "end": 5, "value": "anker", "entity": "brand", "confidence": 0.7}],
}


async def _parse(request: web.Request) -> web.Response:
    body = await request.json()
    request.app[SEEN].append(body)
    if body["text"] == "boom":
        return web.json_response({"error": "internal"}, status=500)
    if body["text"] == "slow":
        await asyncio.sleep(1.0)
    if body["text"] == "not json":
        return web.Response(text="<html>proxy error</html>", content_type="text/html")
    if body["text"].startswith("anker"):
        return web.json_response({**SPEC_REPLY, "text": body["text"]})
    if body["text"] == "unsure":
        return web.json_response(
            {
                **RASA_REPLY,
                "text": body["text"],
                "intent": {"name": "nlu_fallback", "confidence": 0.3},
                "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.3}, *RASA_REPLY["intent_ranking"]],
            }
        )
    return web.json_response({**RASA_REPLY, "text": body["text"]})


@pytest.fixture
async def rasa_server() -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    app = web.Application()
    app[SEEN] = []
    app.router.add_post("/model/parse", _parse)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}", app[SEEN]
    await runner.cleanup()


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_maps_rasa_response(rasa_server: tuple[str, list[dict[str, Any]]], small_nlu: BuiltinNLU) -> None:
    url, seen = rasa_server
    rasa = RasaNLU(url, small_nlu, threshold=0.5)
    try:
        result = await rasa.parse("add two of them")
    finally:
        await rasa.aclose()
    assert seen == [{"text": "add two of them"}]
    assert result.backend == "rasa"
    assert (result.intent.name, result.intent.confidence) == ("add_to_cart", 0.91)
    assert [s.name for s in result.intent_ranking] == ["add_to_cart", "update_cart", "view_cart"]
    assert [(e.entity, e.value, e.extractor) for e in result.entities] == [("quantity", "two", "DIETClassifier")]
    assert not result.is_fallback


async def test_our_entities_are_merged_and_references_resolved(
    rasa_server: tuple[str, list[dict[str, Any]]], small_nlu: BuiltinNLU
) -> None:
    url, _ = rasa_server
    rasa = RasaNLU(url, small_nlu, entity_extractor=small_nlu.entities)
    try:
        result = await rasa.parse("add two of the second one", DialogueContext(last_results=("A", "B")))
    finally:
        await rasa.aclose()
    assert [(e.entity, e.value) for e in result.entities] == [("quantity", 2), ("reference", "B")]


async def test_rasa_nlu_fallback_intent(rasa_server: tuple[str, list[dict[str, Any]]], small_nlu: BuiltinNLU) -> None:
    url, _ = rasa_server
    rasa = RasaNLU(url, small_nlu)
    try:
        result = await rasa.parse("unsure")
    finally:
        await rasa.aclose()
    assert result.is_fallback and result.intent.name == "add_to_cart"
    assert [s.name for s in result.top_two] == ["add_to_cart", "update_cart"]


async def test_server_error_falls_back_to_builtin(
    rasa_server: tuple[str, list[dict[str, Any]]], small_nlu: BuiltinNLU, caplog: pytest.LogCaptureFixture
) -> None:
    url, _ = rasa_server
    rasa = RasaNLU(url, small_nlu)
    with caplog.at_level(logging.WARNING, logger="nlu.rasa_backend"):
        try:
            result = await rasa.parse("boom")
        finally:
            await rasa.aclose()
    assert result.backend == "builtin"
    assert "using the built-in NLU" in caplog.text


async def test_dead_port_falls_back_to_builtin(small_nlu: BuiltinNLU, caplog: pytest.LogCaptureFixture) -> None:
    rasa = RasaNLU(f"http://127.0.0.1:{_dead_port()}", small_nlu, timeout=1.0)
    with caplog.at_level(logging.WARNING, logger="nlu.rasa_backend"):
        try:
            result = await rasa.parse("where is my order 10042")
        finally:
            await rasa.aclose()
    assert result.backend == "builtin" and result.intent.name == "track_order"
    assert "failed" in caplog.text


async def test_documented_minimal_response(
    rasa_server: tuple[str, list[dict[str, Any]]], small_nlu: BuiltinNLU
) -> None:
    url, _ = rasa_server
    rasa = RasaNLU(url, small_nlu, threshold=0.5)
    try:
        result = await rasa.parse("anker power bank")
    finally:
        await rasa.aclose()
    assert (result.intent.name, result.intent.confidence, result.backend) == ("search_product", 0.8, "rasa")
    (brand,) = result.entities
    assert (brand.entity, brand.value, brand.start, brand.end, brand.confidence_entity) == ("brand", "anker", 0, 5, 0.7)
    assert brand.extractor == "rasa"


@pytest.mark.parametrize("text", ["slow", "not json"])
async def test_timeout_and_garbage_fall_back_to_builtin(
    rasa_server: tuple[str, list[dict[str, Any]]], small_nlu: BuiltinNLU, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    url, seen = rasa_server
    rasa = RasaNLU(url, small_nlu, timeout=0.2)
    with caplog.at_level(logging.WARNING, logger="nlu.rasa_backend"):
        try:
            result = await rasa.parse(text)
        finally:
            await rasa.aclose()
    assert seen == [{"text": text}]  # Rasa was asked ...
    assert result.backend == "builtin"  # ... and the built-in model answered
    assert "using the built-in NLU" in caplog.text
