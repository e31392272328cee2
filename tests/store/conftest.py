"""SQLite-only store fixtures: the tests of SQLite's writer gate, pool reset and inline calls share them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import create_engine
from tests.helpers.migrated import migrate


@pytest.fixture
def migrated_sqlite_url(sqlite_url: str) -> str:
    migrate(sqlite_url)  # synchronous (Alembic runs its own event loop): not inside an async fixture
    return sqlite_url


@pytest.fixture
async def sqlite_engine(migrated_sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_sqlite_url)
    yield engine
    await engine.dispose()
