"""Build a started ShopBot over a migrated SQLite store in a temp data dir, with fakes where asked."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.core.app import ShopBot
from bot.settings import Settings
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.migrated import migrate_async


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": data_dir, **overrides}
    return Settings(**values)


@asynccontextmanager
async def started_bot(data_dir: Path, *, database_url: str | None = None, nlu: Any = None,
                      encoder: Any = None, search: Any = None, qa: Any = None,
                      **settings: Any) -> AsyncIterator[ShopBot]:
    if database_url:
        settings["database_url_setting"] = database_url
    cfg = make_settings(data_dir, **settings)
    await migrate_async(cfg.database_url)
    async with ShopBot(cfg, nlu=nlu or FakeNLU(), encoder=encoder, search=search, qa=qa) as bot:
        yield bot
