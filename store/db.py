"""Engine and session factory: one async engine per process, SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from store.sqlite_inline import inline_creator
from store.uow import READ_ONLY, ReadOnlyViolation

__all__ = ["async_url", "sync_url", "create_engine", "session_factory", "is_sqlite"]

# What a read-only transaction may run on SQLite: reads and transaction control (a CTE must end in a SELECT).
_READS = re.compile(r"\s*(?:SELECT|PRAGMA|EXPLAIN|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b"
                    r"|\s*WITH\b(?!.*\b(?:INSERT|UPDATE|DELETE|REPLACE)\b)", re.IGNORECASE | re.DOTALL)


def async_url(url: str) -> str:
    """Give a URL the async driver the store uses (aiosqlite or asyncpg)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://") or url.startswith("postgresql+psycopg2://"):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite://") and not url.startswith("sqlite+aiosqlite://"):
        return "sqlite+aiosqlite://" + url[len("sqlite://"):]
    return url


def sync_url(url: str) -> str:
    return url.replace("+aiosqlite", "").replace("+asyncpg", "")


def is_sqlite(url_or_engine: str | AsyncEngine) -> bool:
    name = url_or_engine.dialect.name if isinstance(url_or_engine, AsyncEngine) else url_or_engine
    return "sqlite" in name


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the engine; SQLite gets WAL, a busy timeout and enforced foreign keys.

    SQLite serialises writers: WAL plus ``BEGIN IMMEDIATE`` on write transactions turns racing buyers into a
    queue instead of "database is locked" errors. Transactions of read-only units of work (``uows.read()``,
    marked by the ``store.uow.READ_ONLY`` execution option) begin deferred instead, so they share the database
    with each other and with the one writer (WAL); any statement in them that is not a read raises
    ``ReadOnlyViolation`` before SQLite sees it, so such a transaction never quietly becomes a writer.

    WHY a statement check and not ``PRAGMA query_only``: that pragma is a setting of the connection, and the
    pool hands the same connections to readers and writers, so it had to be switched on and off around most
    read transactions (two more round trips through aiosqlite's thread, measured at 0.84 of each per update).
    """
    url = async_url(url)
    if is_sqlite(url):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {"timeout": 60})
        if ":memory:" in url or path == "":
            kwargs.setdefault("poolclass", NullPool)
        elif "creator" not in kwargs and os.environ.get("SHOPBOT_SQLITE_INLINE", "1") != "0":
            kwargs.setdefault("async_creator", inline_creator(path, **kwargs.pop("connect_args")))
        # The pool's own rollback on check-in is replaced by _reset_if_open below.
        kwargs.setdefault("pool_reset_on_return", None)
        engine = create_async_engine(url, **kwargs)

        @event.listens_for(engine.sync_engine, "reset")
        def _reset_if_open(dbapi_conn: Any, _record: Any, state: Any) -> None:
            # WHY: a unit of work ends with the session's rollback or commit, and the pool then rolled back
            # again on check-in: one more round trip through aiosqlite's thread (of ~9 for a one-statement
            # read) for a connection that was already clean. SQLite knows whether a transaction is still open.
            if state.terminate_only or not state.asyncio_safe:
                return
            if _in_transaction(dbapi_conn):
                dbapi_conn.rollback()

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, decide when transactions begin (see "begin" below).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _begin(conn: Any) -> None:
            read_only = conn.get_execution_options().get(READ_ONLY, False)
            conn.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _read_only_guard(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if conn.get_execution_options().get(READ_ONLY, False) and not _READS.match(statement):
                raise ReadOnlyViolation(f"a read-only unit of work cannot run {statement[:80]!r}")

        return engine
    url, schema = _split_search_path(url)
    if schema:
        # Tests (and shops sharing one database) isolate themselves in a schema: ?search_path=NAME.
        kwargs.setdefault("connect_args", {})["server_settings"] = {"search_path": schema}
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def _in_transaction(dbapi_conn: Any) -> bool:
    """Whether SQLite has a transaction open on this pooled (aiosqlite-adapted) connection; True when unsure."""
    try:
        return bool(dbapi_conn.driver_connection.in_transaction)
    except Exception:  # a closed or foreign connection: roll back as the pool would have
        return True


def _split_search_path(url: str) -> tuple[str, str | None]:
    parts = urlsplit(url)
    query = parse_qsl(parts.query)
    schema = next((v for k, v in query if k == "search_path"), None)
    rest = urlencode([(k, v) for k, v in query if k != "search_path"])
    return urlunsplit(parts._replace(query=rest)), schema


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
