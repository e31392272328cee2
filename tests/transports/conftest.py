"""Fixtures for the Telegram transport tests: a fake Bot API, a migrated store, the core and one adapter.

Every test runs with a network guard: a name lookup of any host but localhost fails the lookup AND the test,
so a library quietly calling api.telegram.org (or anything else) cannot pass.
"""

from __future__ import annotations

import itertools
import shutil
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.core.app import ShopBot
from bot.settings import Settings
from bot.transports.base import TelegramTransport
from bot.transports.rate_limit import OutgoingLimiter
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.migrated import migrate
from tests.helpers.telegram_updates import Updates
from tests.helpers.transport_skills import MEDIA_FILE, transport_test_router

TRANSPORTS = ["ptb", "aiogram"]
_USER_IDS = itertools.count(70_000)
_LOCAL = {"127.0.0.1", "localhost", "::1", None, ""}


@pytest.fixture(autouse=True)
def network_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []
    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in _LOCAL:
            attempts.append(str(name))
            raise OSError(f"test network guard: no connections to {name!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield attempts
    if attempts:  # a test that provokes the guard on purpose clears the list
        pytest.fail(f"a library tried to reach {sorted(set(attempts))}: every request must go to the fake API")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once per session; each test copies the file (migrating per test would dominate run time)."""
    path = tmp_path_factory.mktemp("template") / "store.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def data_dir(tmp_path: Path, migrated_template: Path) -> Path:
    shutil.copy(migrated_template, tmp_path / "store.sqlite3")
    media = tmp_path / "media" / MEDIA_FILE
    media.parent.mkdir(parents=True)
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return tmp_path


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(max_poll_wait=0.5) as server:
        yield server


def make_settings(data_dir: Path, api: FakeBotAPI, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir, "database_url_setting": f"sqlite:///{data_dir / 'store.sqlite3'}",
        "telegram_bot_token": api.token, "telegram_api_base_url": api.base_url,
        "telegram_payment_provider_token": "284685063:TEST:provider", "redis_url": None,
    }
    values.update(extra)
    return Settings(**values)


def make_transport(name: str, settings: Settings, limiter: OutgoingLimiter | None = None) -> TelegramTransport:
    if name == "ptb":
        from bot.transports.ptb.app import PtbTransport

        return PtbTransport(settings, limiter=limiter)
    from bot.transports.aiogram.app import AiogramTransport

    return AiogramTransport(settings, limiter=limiter)


@dataclass
class Harness:
    name: str
    api: FakeBotAPI
    transport: TelegramTransport
    core: ShopBot
    u: Updates
    settings: Settings
    # A user id of its own per test: the core caches users per process, and each test has a fresh database.
    me: int = 0

    async def send(self, *updates: dict[str, Any]) -> None:
        await self.api.push_update(*updates)

    async def state(self, user_id: int, chat_id: int | None = None) -> Any:
        assert self.core.services is not None
        return await self.core.services.states.load(user_id, chat_id if chat_id is not None else user_id)


@pytest.fixture(params=TRANSPORTS)
def transport_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def limiter() -> OutgoingLimiter | None:
    return None


@pytest.fixture
async def harness(transport_name: str, api: FakeBotAPI, data_dir: Path,
                  limiter: OutgoingLimiter | None) -> AsyncIterator[Harness]:
    settings = make_settings(data_dir, api)
    transport = make_transport(transport_name, settings, limiter)
    identity = await transport.start()
    core = ShopBot(settings, transport="telegram", encoder=None, nlu=FakeNLU(), search=None, qa=None,
                   bot_username=identity.username, router=transport_test_router())
    await core.start()
    transport.attach(core)
    await transport.set_commands()
    await transport.start_polling(poll_timeout=1)
    try:
        yield Harness(transport_name, api, transport, core, Updates(api.bot_id, api.username), settings,
                      next(_USER_IDS))
    finally:
        await transport.stop()
        await core.stop()
