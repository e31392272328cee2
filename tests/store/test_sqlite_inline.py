"""SQLite's short driver calls run on the event loop; the ones that can wait on another process's lock or on
the disk keep aiosqlite's thread, so the loop never stalls on them."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import aiosqlite.core
import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import session_factory
from store.models.users import User
from store.sqlite_inline import runs_in_thread
from store.uow import UnitOfWorkFactory


@pytest.fixture
def sqlite_uows(migrated_sqlite_url: str, sqlite_engine: AsyncEngine) -> tuple[str, UnitOfWorkFactory]:
    return migrated_sqlite_url, UnitOfWorkFactory(session_factory(sqlite_engine))


def _threaded_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What went through aiosqlite's worker thread (its own ``_execute``, which the inline one defers to)."""
    calls: list[str] = []
    original = aiosqlite.core.Connection._execute

    async def counted(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0] if args and isinstance(args[0], str) else getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.core.Connection, "_execute", counted)
    return calls


def test_which_calls_keep_the_thread() -> None:
    conn = sqlite3.connect(":memory:")
    cur = conn.cursor()
    assert not runs_in_thread(cur.execute, ("SELECT 1",))
    assert not runs_in_thread(cur.execute, ("UPDATE variants SET stock = stock - 1",))
    assert not runs_in_thread(cur.execute, ("BEGIN DEFERRED",))
    assert not runs_in_thread(cur.fetchall, ())
    assert not runs_in_thread(conn.rollback, ())
    assert runs_in_thread(cur.execute, ("  begin immediate",))
    assert runs_in_thread(cur.execute, ("COMMIT",))
    assert runs_in_thread(cur.execute, ("PRAGMA journal_mode=WAL",))
    assert runs_in_thread(cur.executemany, ("INSERT INTO t VALUES (?)", [(1,)]))
    assert runs_in_thread(conn.commit, ())
    assert runs_in_thread(conn.close, ())
    conn.close()


async def test_a_read_never_leaves_the_loop_and_a_write_begins_and_commits_in_the_thread(
        sqlite_uows, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _url, uows = sqlite_uows
    async with uows.read() as uow:  # warm the pool (connecting runs in the thread)
        await uow.session.execute(text("select 1"))
    threaded = _threaded_calls(monkeypatch)
    async with uows.read() as uow:
        assert (await uow.session.execute(text("select 41 + 1"))).scalar() == 42
    assert threaded == []
    async with uows() as uow:
        await uow.session.execute(insert(User).values(id=1, first_name="Ada", language="en", consent=False))
        await uow.commit()
    assert threaded == ["BEGIN IMMEDIATE", "commit"]
    async with uows.read() as uow:
        assert (await uow.session.scalars(select(User.first_name))).all() == ["Ada"]


async def test_waiting_for_another_process_write_lock_does_not_block_the_loop(sqlite_uows) -> None:  # type: ignore[no-untyped-def]
    url, uows = sqlite_uows
    path = url.split(":///", 1)[1]
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process's writer holds the lock
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    async def write() -> None:
        async with uows() as uow:
            await uow.session.execute(insert(User).values(id=2, first_name="Bo", language="en", consent=False))
            await uow.commit()
        done.set()

    threading.Timer(0.5, other.rollback).start()
    async with asyncio.timeout(10):
        await asyncio.gather(ticker(), write())
    other.close()
    assert ticks >= 20  # ~50 ticks in 0.5 s; a blocked loop would manage one or two
