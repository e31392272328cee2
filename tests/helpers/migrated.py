"""Migrated stores for tests, made from one template instead of migrated one by one.

Running Alembic from scratch costs 0.4-1 s per SQLite store and 1.5-2.5 s per PostgreSQL schema on this
machine, and most of the suite's bot and store tests each start from a fresh store: migrating each one was the
largest single cost of the whole suite. A new SQLite file is a copy of a template made once per test process by
the real ``upgrade``; a new PostgreSQL schema runs the migrations' own SQL, rendered once per process by
Alembic's offline mode (tests/helpers/postgres_schemas.py then reuses schemas, emptied between tests).
tests/store/test_migrations.py runs the real online upgrade on both databases and checks its result against
the models.
"""

from __future__ import annotations

import asyncio
import atexit
import io
import shutil
import tempfile
from functools import cache
from pathlib import Path

from alembic import command

from store.migrate import alembic_config, upgrade

__all__ = ["migrate", "migrate_async", "postgres_script", "sqlite_file"]


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (any driver), or None for other databases and in-memory SQLite."""
    scheme, sep, rest = url.partition(":///")
    if not sep or not scheme.startswith("sqlite") or not rest or rest.startswith(":memory:"):
        return None
    return Path(rest.split("?", 1)[0])


@cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="shopbot-migrated-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "store.sqlite3"
    upgrade(f"sqlite:///{path}")
    for extra in ("-wal", "-shm", "-journal"):  # a closed store keeps none; a copy must not need any
        assert not Path(f"{path}{extra}").exists(), f"template left {extra}"
    return path


def migrate(url: str) -> None:
    """Bring the database at ``url`` to the head revision: a copy of the template for a new SQLite file."""
    path = sqlite_file(url)
    if path is None or path.exists():
        upgrade(url)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template(), path)


async def migrate_async(url: str) -> None:
    path = sqlite_file(url)
    if path is None or path.exists() or _template.cache_info().currsize == 0:
        await asyncio.to_thread(migrate, url)  # Alembic runs its own event loop: never on this one
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template(), path)


@cache
def postgres_script() -> str:
    """The migrations' SQL up to head, as Alembic's offline mode renders it for PostgreSQL."""
    config = alembic_config("postgresql://")
    config.output_buffer = io.StringIO()
    command.upgrade(config, "head", sql=True)
    script: str = config.output_buffer.getvalue()
    return script

