"""`shopbot run` end to end against the fake Bot API: start-up calls, polling, webhook, clean stop."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

from bot.cli.run import serve_telegram
from bot.transports.errors import ConfigurationError
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.telegram_updates import Updates
from tests.transports.conftest import TRANSPORTS, make_settings

FAST_CORE = {"encoder": None, "nlu": FakeNLU(), "search": None, "qa": None}


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_run_polls_and_answers(name: str, api: FakeBotAPI, data_dir: Path) -> None:
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(serve_telegram(make_settings(data_dir, api), name, stop=stop, ready=ready,
                                              core_options=FAST_CORE))
    await asyncio.wait_for(ready.wait(), 10)
    assert api.methods[:4] == ["getMe", "setMyCommands", "setMyCommands", "deleteWebhook"]
    assert api.calls_to("setMyCommands")[1]["language_code"] == "zh"
    await api.push_update(Updates(api.bot_id, api.username).text(90_001, "hello"))
    greeting = (await api.wait_for("sendMessage"))[0]
    assert greeting["chat_id"] == 90_001 and greeting["text"].startswith("Hi Ann")
    stop.set()
    await asyncio.wait_for(task, 15)
    assert api.unknown == []


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_run_webhook_mode(name: str, api: FakeBotAPI, data_dir: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    url = f"http://127.0.0.1:{port}/hook"
    stop, ready = asyncio.Event(), asyncio.Event()
    settings = make_settings(data_dir, api, webhook_secret="another-Secret_1")
    task = asyncio.create_task(serve_telegram(settings, name, url, "127.0.0.1", port, stop=stop, ready=ready,
                                              core_options=FAST_CORE))
    await asyncio.wait_for(ready.wait(), 10)
    assert api.webhook_url == url and api.webhook_secret == "another-Secret_1"
    update = Updates(api.bot_id, api.username).command(90_002, "help")
    assert await api.post_webhook(update, secret="nope") == 403
    assert await api.post_webhook(update) == 200
    await api.wait_for("sendMessage")
    stop.set()
    await asyncio.wait_for(task, 15)


async def test_webhook_without_a_secret_is_refused_before_anything_starts(api: FakeBotAPI, data_dir: Path) -> None:
    with pytest.raises(ConfigurationError, match="SHOPBOT_WEBHOOK_SECRET"):
        await serve_telegram(make_settings(data_dir, api, webhook_secret=None), "ptb", "https://x.example/hook")
    assert api.calls == []
