"""Hypothesis at the transport boundary: random and malformed update JSON (missing fields, huge text, emoji,
bad entities, bad callback data) never crashes an adapter, and every callback/pre-checkout query is answered.

Hypothesis drives a synchronous test, so each adapter (with its fake Bot API and core) lives on an event loop
in a helper thread for the whole module and examples are submitted to it.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.app import ShopBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.transport_skills import transport_test_router
from tests.transports.conftest import TRANSPORTS, make_settings, make_transport

T = TypeVar("T")


class LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class Rig:
    def __init__(self, name: str, data_dir: Path) -> None:
        self.name, self.data_dir = name, data_dir

    async def start(self) -> None:
        self.api = await FakeBotAPI().start()
        settings = make_settings(self.data_dir, self.api)
        self.transport = make_transport(self.name, settings)
        identity = await self.transport.start()
        self.core = ShopBot(settings, transport="telegram", encoder=None, nlu=FakeNLU(), search=None, qa=None,
                            bot_username=identity.username, router=transport_test_router())
        await self.core.start()
        self.transport.attach(self.core)

    async def stop(self) -> None:
        await self.transport.stop()
        await self.core.stop()
        await self.api.close()


@pytest.fixture(scope="module", params=TRANSPORTS)
def rig(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        migrated_template: Path) -> Iterator[tuple[LoopThread, Rig]]:
    data_dir = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    shutil.copy(migrated_template, data_dir / "store.sqlite3")
    runner = LoopThread()
    rig = Rig(str(request.param), data_dir)
    runner.run(rig.start())
    yield runner, rig
    runner.run(rig.stop())
    runner.close()


ids = st.one_of(st.integers(min_value=1, max_value=2**52), st.integers(min_value=-2**52, max_value=-1),
                st.text(max_size=5), st.none())
texts = st.one_of(st.text(max_size=200), st.text(min_size=4000, max_size=6000),
                  st.sampled_from(["/start", "/help@shop_test_bot", "@shop_test_bot 红色连衣裙 👗", "/t_menu",
                                   "/language zh", "/t_boom", "😀" * 3000, "", " ", "/"]))
entity = st.fixed_dictionaries({"type": st.sampled_from(["mention", "bot_command", "text_mention", "bold", "??"]),
                                "offset": st.integers(-5, 7000), "length": st.integers(-5, 7000)})


def _maybe_drop(d: dict[str, Any], drop: set[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in drop}


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    user = _maybe_drop({"id": draw(ids), "is_bot": draw(st.booleans()), "first_name": draw(st.text(max_size=30)),
                        "language_code": draw(st.sampled_from(["en", "zh-hans", "", "xx"]))},
                       draw(st.sets(st.sampled_from(["id", "is_bot", "first_name"]), max_size=1)))
    chat = _maybe_drop({"id": draw(ids), "type": draw(st.sampled_from(["private", "group", "supergroup",
                                                                          "channel", "weird"]))},
                       draw(st.sets(st.sampled_from(["id", "type"]), max_size=1)))
    message = _maybe_drop({"message_id": draw(ids), "date": 1_700_000_000, "chat": chat, "from": user,
                           "text": draw(texts), "entities": draw(st.lists(entity, max_size=3))},
                          draw(st.sets(st.sampled_from(["message_id", "date", "chat", "text"]), max_size=1)))
    kind = draw(st.sampled_from(["message", "callback_query", "inline_query", "pre_checkout_query",
                                 "edited_message", "unknown"]))
    body: Any
    if kind in ("message", "edited_message"):
        body = message
    elif kind == "callback_query":
        body = _maybe_drop({"id": draw(st.text(min_size=1, max_size=20)), "from": user, "chat_instance": "1",
                            "data": draw(st.one_of(st.text(max_size=80), st.none())), "message": message},
                           draw(st.sets(st.sampled_from(["from", "chat_instance", "message"]), max_size=1)))
    elif kind == "inline_query":
        body = {"id": draw(st.text(min_size=1, max_size=20)), "from": user, "query": draw(texts), "offset": ""}
    elif kind == "pre_checkout_query":
        body = _maybe_drop({"id": draw(st.text(min_size=1, max_size=20)), "from": user, "currency": "USD",
                            "total_amount": draw(st.integers(-10, 10**9)), "invoice_payload": draw(texts)},
                           draw(st.sets(st.sampled_from(["currency", "total_amount", "invoice_payload"]),
                                        max_size=1)))
    else:
        body = {"anything": draw(st.text(max_size=20))}
    return {"update_id": draw(st.integers(1, 2**31)), kind: body}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(update=updates())
def test_random_updates_never_crash_and_queries_are_answered(rig: tuple[LoopThread, Rig],
                                                              update: dict[str, Any]) -> None:
    runner, r = rig
    before = len(r.api.calls)
    runner.run(r.transport.feed(update))  # must not raise
    new = r.api.calls[before:]
    cq, pq = update.get("callback_query"), update.get("pre_checkout_query")
    if isinstance(cq, dict):
        assert [c["callback_query_id"] for c in new if c.method == "answerCallbackQuery"] == [cq["id"]]
    if isinstance(pq, dict):
        assert [c["pre_checkout_query_id"] for c in new if c.method == "answerPreCheckoutQuery"] == [pq["id"]]
    assert r.api.unknown == []
    assert all(len(str(c.get("text", ""))) <= 4096 for c in r.api.calls_to("sendMessage"))
