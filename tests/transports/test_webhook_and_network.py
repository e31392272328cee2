"""Webhook mode (secret token on every request) and the one-root rule for both adapters."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.core.app import ShopBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.telegram_updates import Updates
from tests.transports.conftest import TRANSPORTS, make_settings, make_transport


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_webhook_refuses_requests_without_the_secret(name: str, api: FakeBotAPI, data_dir: Path) -> None:
    settings = make_settings(data_dir, api, webhook_secret="s3cr3t-token_value")
    transport = make_transport(name, settings)
    identity = await transport.start()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    async with ShopBot(settings, transport="telegram", encoder=None, nlu=FakeNLU(), search=None, qa=None,
                       bot_username=identity.username) as core:
        transport.attach(core)
        await transport.start_webhook(url, "127.0.0.1", port, "s3cr3t-token_value")
        try:
            hook = api.calls_to("setWebhook")[0]
            assert hook["url"] == url and hook["secret_token"] == "s3cr3t-token_value"
            u = Updates(api.bot_id, api.username)
            assert await api.post_webhook(u.command(80_001, "help"), secret=None) == 403
            assert await api.post_webhook(u.command(80_001, "help"), secret="wrong") == 403
            assert api.calls_to("sendMessage") == []
            assert await api.post_webhook(u.command(80_001, "help")) == 200
            reply = (await api.wait_for("sendMessage"))[0]
            assert reply["chat_id"] == 80_001 and "/search" in reply["text"]
        finally:
            await transport.stop()
    assert api.unknown == []


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_the_default_root_is_really_telegram_and_the_guard_stops_it(
        name: str, api: FakeBotAPI, data_dir: Path, network_guard: list[str]) -> None:
    """Proof that the tests would fail if an adapter ignored TELEGRAM_API_BASE_URL: with the default
    root the library goes for api.telegram.org, and the guard catches it."""
    settings = make_settings(data_dir, api, telegram_api_base_url="https://api.telegram.org")
    transport = make_transport(name, settings)
    try:
        with pytest.raises(Exception):  # noqa: B017 - each library wraps the refused lookup differently
            await transport.start()
    finally:
        await transport.stop()
    assert "api.telegram.org" in network_guard
    network_guard.clear()
    assert api.calls == []


def test_a_missing_token_is_a_clear_error(tmp_path: Path) -> None:
    from bot.settings import Settings
    from bot.transports.errors import ConfigurationError

    for name in TRANSPORTS:
        with pytest.raises(ConfigurationError, match="TELEGRAM_BOT_TOKEN"):
            make_transport(name, Settings(data_dir=tmp_path, telegram_bot_token=None))
