"""SQLite statements run on the event loop's thread, except the few that can wait on a lock or the disk.

aiosqlite sends every driver call (cursor, execute, fetchall, close, rollback, ...) to the connection's worker
thread and wakes the event loop through its self-pipe when the call is done: four such round trips per
statement. For the short indexed reads and writes of a shop turn, those hops cost more CPU than SQLite's own
work (about a third of the bot's CPU per update in `bench.e2e` profiles), and every hop waits for the GIL.

``InlineSQLiteConnection`` keeps aiosqlite's connection (its thread, its API, SQLAlchemy's aiosqlite dialect
on top) and runs a call directly on the loop's thread unless it is one that can block for long:

* ``BEGIN IMMEDIATE`` / ``BEGIN EXCLUSIVE`` wait in SQLite's busy handler while *another process* holds the
  write lock (this process's writers already queue in ``store.writer_gate`` before it);
* ``COMMIT`` may run a WAL checkpoint, which syncs the database file;
* ``PRAGMA``s (run at connect; ``journal_mode=WAL`` can take a lock), ``VACUUM``, ``ANALYZE`` and bulk
  ``executemany`` / ``executescript`` calls (catalog imports, migrations in tests).

Those keep going through the worker thread, so the loop is never blocked on a lock or a sync. Everything else
is a statement on an already-open transaction or a WAL read, which never waits for another connection.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

import aiosqlite

__all__ = ["InlineSQLiteConnection", "inline_creator", "runs_in_thread"]

_THREAD_SQL = re.compile(r"\s*(?:BEGIN\s+(?:IMMEDIATE|EXCLUSIVE)|COMMIT|END|PRAGMA|VACUUM|ANALYZE)\b", re.IGNORECASE)
_INLINE_CURSOR_CALLS = frozenset({"execute", "fetchall", "fetchone", "fetchmany", "close"})
_INLINE_CONNECTION_CALLS = frozenset({"cursor", "rollback"})


def runs_in_thread(fn: Callable[..., Any], args: tuple[Any, ...]) -> bool:
    """Whether a driver call may block on a lock or the disk and so must not run on the event loop.

    Only calls known to be short are inlined; anything else (commit, close of the connection, executemany,
    create_function, a partial) keeps aiosqlite's thread.
    """
    name = getattr(fn, "__name__", "")
    owner = getattr(fn, "__self__", None)
    if isinstance(owner, sqlite3.Cursor) and name in _INLINE_CURSOR_CALLS:
        if name == "execute":
            return not (args and isinstance(args[0], str)) or _THREAD_SQL.match(args[0]) is not None
        return False
    return not (isinstance(owner, sqlite3.Connection) and name in _INLINE_CONNECTION_CALLS)


class InlineSQLiteConnection(aiosqlite.Connection):
    """aiosqlite's connection, with the short calls run inline (see the module docstring for which)."""

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if runs_in_thread(fn, args):
            return await super()._execute(fn, *args, **kwargs)  # type: ignore[no-untyped-call]
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)


def inline_creator(database: str, **connect_kwargs: Any) -> Callable[[], Coroutine[Any, Any, InlineSQLiteConnection]]:
    """An ``async_creator`` for ``create_async_engine``: the same sqlite3 connection aiosqlite would open.

    ``check_same_thread=False`` because the connection is opened on aiosqlite's thread and used from both.
    """
    kwargs = {"check_same_thread": False, **connect_kwargs}

    async def create() -> InlineSQLiteConnection:
        connection = InlineSQLiteConnection(partial(sqlite3.connect, database, **kwargs), iter_chunk_size=64)
        await connection
        return connection

    return create
