"""SQLite connections go back to the pool without a second rollback when the unit of work already ended its
transaction, and with one when a transaction was left open (so it can never leak into the next borrower)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import session_factory
from store.models.users import User
from store.sqlite_inline import InlineSQLiteConnection
from store.uow import UnitOfWorkFactory


@pytest.fixture
def sqlite_uows(sqlite_engine: AsyncEngine) -> tuple[AsyncEngine, UnitOfWorkFactory]:
    return sqlite_engine, UnitOfWorkFactory(session_factory(sqlite_engine))


def _count_driver_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = InlineSQLiteConnection._execute

    async def counted(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(InlineSQLiteConnection, "_execute", counted)
    return calls


async def test_a_unit_of_work_rolls_back_once(sqlite_uows, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _engine, uows = sqlite_uows
    async with uows.read() as uow:  # warm the pool
        await uow.session.execute(text("select 1"))
    calls = _count_driver_calls(monkeypatch)
    async with uows.read() as uow:
        await uow.session.execute(text("select 1"))
    assert calls.count("rollback") == 1
    calls.clear()
    async with uows() as uow:
        await uow.session.execute(insert(User).values(id=1, first_name="Ada", language="en", consent=False))
        await uow.commit()
    assert calls.count("commit") == 1 and calls.count("rollback") == 0


async def test_a_connection_returned_inside_a_transaction_is_rolled_back(sqlite_uows) -> None:  # type: ignore[no-untyped-def]
    engine, uows = sqlite_uows
    async with engine.connect() as conn:
        raw = await conn.get_raw_connection()
        # Behind SQLAlchemy's back: a write transaction the Connection does not know about.
        await raw.driver_connection.execute("BEGIN IMMEDIATE")
        await raw.driver_connection.execute("INSERT INTO users (id, first_name, language, consent, created_at, "
                                            "updated_at) VALUES (9, 'Leak', 'en', 0, '2026-01-01', '2026-01-01')")
    async with asyncio.timeout(5):  # a leaked write lock would make this writer wait 60 s
        async with uows() as uow:
            await uow.session.execute(insert(User).values(id=1, first_name="Ada", language="en", consent=False))
            await uow.commit()
    async with uows.read() as uow:
        assert (await uow.session.scalars(select(User.first_name))).all() == ["Ada"]
