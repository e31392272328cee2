"""Shared fixtures: every store test runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).

PostgreSQL tests each get a private schema, so several test runs can share one database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine

# Property tests explore the same examples on every run (CI must be deterministic) and never fail on timing.
hypothesis_settings.register_profile("shopbot", derandomize=True, deadline=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "shopbot"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from store.db import create_engine, session_factory  # noqa: E402
from store.uow import UnitOfWorkFactory  # noqa: E402
from tests.helpers.migrated import migrate  # noqa: E402
from tests.helpers.postgres_schemas import SchemaPool  # noqa: E402

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL")

_NO_PG = "TEST_DATABASE_URL is not set (PostgreSQL tests run in CI via .ci/run)"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if not TEST_DATABASE_URL:
        pytest.skip(_NO_PG)
    import asyncio

    import asyncpg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    dsn = TEST_DATABASE_URL.replace("postgresql+asyncpg://", "postgresql://")

    async def _exec(sql: str) -> None:
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(_exec(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in dsn else "?"
    yield f"{dsn}{sep}search_path={schema}"
    asyncio.run(_exec(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="session")
def postgres_schemas() -> Iterator[SchemaPool]:
    """Migrated schemas reused from test to test, emptied in between (tests/helpers/postgres_schemas.py)."""
    if not TEST_DATABASE_URL:
        pytest.skip(_NO_PG)
    pool = SchemaPool(TEST_DATABASE_URL.replace("postgresql+asyncpg://", "postgresql://"))
    yield pool
    pool.close()


@pytest.fixture
def migrated_postgres_url(postgres_schemas: SchemaPool) -> Iterator[str]:
    url = postgres_schemas.take()
    yield url
    postgres_schemas.give_back(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """A migrated, empty database URL: SQLite and PostgreSQL in turn (tests/helpers/migrated.py says how each
    is made without running Alembic for every test)."""
    if request.param == "postgres":
        pg_url: str = request.getfixturevalue("migrated_postgres_url")
        return pg_url
    url: str = request.getfixturevalue("sqlite_url")
    migrate(url)
    return url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    eng = create_engine(database_url)
    yield eng
    await eng.dispose()


@pytest.fixture
def uow_factory(engine: AsyncEngine) -> UnitOfWorkFactory:
    return UnitOfWorkFactory(session_factory(engine))


@pytest.fixture
def redis_url() -> str:
    if not TEST_REDIS_URL:
        pytest.skip("TEST_REDIS_URL is not set (Redis tests run in CI via .ci/run)")
    return TEST_REDIS_URL
