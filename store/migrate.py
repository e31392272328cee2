"""Run and check Alembic migrations programmatically, so the CLI and the app share one path.

The app refuses to run on an unmigrated database (``ensure_migrated``); the demo calls ``upgrade`` itself.
"""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import async_url, create_engine
from store.errors import DatabaseNotMigrated

__all__ = ["alembic_config", "upgrade", "upgrade_async", "head_revision", "current_revision", "ensure_migrated"]

_HERE = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.set_main_option("sqlalchemy.url", async_url(url))
    return cfg


@cache
def head_revision() -> str:
    """The newest revision; read once per process (the scripts do not change under a running process, and
    every store start checks against it: re-reading them cost ~50 ms per start)."""
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None, "no migrations found"
    return head


def upgrade(url: str, revision: str = "head") -> None:
    """Upgrade synchronously; call from a thread or before the event loop starts."""
    command.upgrade(alembic_config(url), revision)


async def upgrade_async(url: str, revision: str = "head") -> None:
    await asyncio.to_thread(upgrade, url, revision)


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(_current)


async def ensure_migrated(engine: AsyncEngine) -> None:
    current, head = await current_revision(engine), head_revision()
    if current != head:
        raise DatabaseNotMigrated(current=current, head=head)


def make_engine(url: str) -> AsyncEngine:
    return create_engine(url)
