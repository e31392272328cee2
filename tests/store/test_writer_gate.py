"""SQLite writers of one process queue in the writer gate (FIFO, handed over the moment the previous writer
ends) instead of sleeping in SQLite's busy handler; a nested writer in the same task and a writer that waited
too long go on to SQLite's own lock, so the gate cannot deadlock anything."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import session_factory
from store.models.users import User
from store.uow import UnitOfWorkFactory
from store.writer_gate import WriterGate


@pytest.fixture
def uow_factory(sqlite_engine: AsyncEngine) -> UnitOfWorkFactory:
    """SQLite only: the gate is for SQLite's single writer (PostgreSQL writers run side by side, no gate)."""
    return UnitOfWorkFactory(session_factory(sqlite_engine))


def _sqlite_only(uows: UnitOfWorkFactory) -> None:
    assert uows.sessions.kw["bind"].dialect.name == "sqlite"


async def test_a_second_writer_waits_for_the_first_and_then_sees_its_commit(uow_factory: UnitOfWorkFactory) -> None:
    _sqlite_only(uow_factory)
    first_wrote = asyncio.Event()
    finish_first = asyncio.Event()
    order: list[str] = []

    async def first() -> None:
        async with uow_factory() as uow:
            await uow.session.execute(insert(User).values(id=1, first_name="Ada", language="en", consent=False))
            first_wrote.set()
            await finish_first.wait()
            await uow.commit()
            order.append("first committed")

    async def second() -> None:
        await first_wrote.wait()
        async with uow_factory() as uow:
            order.append("second entered")
            names = (await uow.session.scalars(select(User.first_name))).all()
            await uow.session.execute(insert(User).values(id=2, first_name="Bo", language="en", consent=False))
            await uow.commit()
            order.append(f"second saw {names}")

    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    await first_wrote.wait()
    await asyncio.sleep(0.05)
    assert order == []  # the second writer is queued in the gate, not inside a transaction
    finish_first.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 10)
    assert order == ["first committed", "second entered", "second saw ['Ada']"]


async def test_writers_enter_in_arrival_order(uow_factory: UnitOfWorkFactory) -> None:
    _sqlite_only(uow_factory)
    entered: list[int] = []
    release = asyncio.Event()

    async def writer(n: int) -> None:
        async with uow_factory() as uow:
            entered.append(n)
            await uow.session.execute(insert(User).values(id=n, first_name=f"U{n}", language="en", consent=False))
            if n == 0:
                await release.wait()
            await uow.commit()

    tasks = []
    for n in range(5):
        tasks.append(asyncio.create_task(writer(n)))
        await asyncio.sleep(0)
    await asyncio.sleep(0.05)
    assert entered == [0]
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 10)
    assert entered == [0, 1, 2, 3, 4]


async def test_a_nested_writer_in_the_same_task_is_not_held_at_the_gate(uow_factory: UnitOfWorkFactory) -> None:
    _sqlite_only(uow_factory)
    async with uow_factory() as outer:
        await outer.session.execute(insert(User).values(id=1, first_name="Ada", language="en", consent=False))
        await outer.commit()
        async with asyncio.timeout(2):
            async with uow_factory() as inner:  # the same task: no deadlock at the gate
                await inner.session.execute(insert(User).values(id=2, first_name="Bo", language="en",
                                                                consent=False))
                await inner.commit()
    async with uow_factory.read() as uow:
        assert sorted((await uow.session.scalars(select(User.id))).all()) == [1, 2]


async def test_a_writer_that_waited_too_long_goes_on_without_the_gate(caplog: pytest.LogCaptureFixture) -> None:
    gate = WriterGate(timeout=0.05)
    assert await gate.acquire()
    waiter = asyncio.create_task(gate.acquire())
    assert await asyncio.wait_for(waiter, 2) is False
    assert "going on to SQLite's lock" in caplog.text
    gate.release()
    assert await gate.acquire()  # the gate still works after a timeout
    gate.release()


@pytest.mark.parametrize("steps", range(6))
async def test_a_writer_cancelled_as_the_gate_comes_free_is_cancelled(steps: int) -> None:
    """Python 3.11's ``wait_for`` handed the lock to a waiter cancelled just as it came free and swallowed the
    cancellation: the order-expiry job, cancelled at shutdown, went on to sleep and ``shopbot chat`` never exited."""
    gate = WriterGate()
    assert await gate.acquire()

    async def writer() -> None:
        await gate.acquire()
        await asyncio.sleep(60)  # a cancelled writer never gets here

    task = asyncio.create_task(writer())
    for _ in range(2):
        await asyncio.sleep(0)
    gate.release()
    for _ in range(steps):  # cancel at each point of the hand-over
        await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        async with asyncio.timeout(2):
            await task
