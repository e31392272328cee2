"""Read-only units of work (``uows.read()``): they read what writers committed, never take SQLite's write lock,
and any write in them fails loudly on SQLite and PostgreSQL instead of quietly becoming a write transaction."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from store.catalog.events import ProductChanged
from store.catalog.queries import get_products
from store.models.catalog import Variant
from store.models.users import User
from store.uow import ReadOnlyViolation, UnitOfWorkFactory
from tests.helpers.catalog_builders import make_product


async def _add_user(uows: UnitOfWorkFactory, user_id: int) -> None:
    async with uows() as uow:
        await uow.session.execute(insert(User).values(id=user_id, first_name="Ada", language="en", consent=False))
        await uow.commit()


async def test_a_read_only_unit_of_work_reads_what_writers_committed(uow_factory: UnitOfWorkFactory) -> None:
    await _add_user(uow_factory, 1)
    async with uow_factory.read() as uow:
        assert uow.read_only
        assert await uow.session.scalar(select(User.first_name).where(User.id == 1)) == "Ada"


@pytest.mark.parametrize("how", ["core insert", "orm update", "raw sql"])
async def test_a_write_in_a_read_only_unit_of_work_fails_loudly(uow_factory: UnitOfWorkFactory, how: str) -> None:
    await _add_user(uow_factory, 1)
    with pytest.raises((ReadOnlyViolation, DBAPIError)) as info:
        async with uow_factory.read() as uow:
            if how == "core insert":
                await uow.session.execute(insert(User).values(id=2, first_name="Bo", language="en", consent=False))
            elif how == "orm update":
                user = await uow.session.get(User, 1)
                assert user is not None
                user.first_name = "Eve"
                await uow.session.flush()
            else:
                await uow.session.execute(text("DELETE FROM users"))
            await uow.commit()
    assert "read-only" in str(info.value).lower()  # ours on SQLite, "read-only transaction" on PostgreSQL
    async with uow_factory.read() as uow:
        assert (await uow.session.execute(select(User.id, User.first_name))).all() == [(1, "Ada")]


async def test_a_read_only_unit_of_work_cannot_emit_events(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory.read() as uow:
        with pytest.raises(ReadOnlyViolation):
            uow.emit(ProductChanged(product_id=1, external_id="P1", kind="upserted"))


async def test_writers_write_again_on_the_connections_readers_used(uow_factory: UnitOfWorkFactory) -> None:
    """The pool hands the same connections to readers and writers: nothing of a reader stays on them."""
    for i in range(1, 4):
        async with uow_factory.read() as uow:
            await uow.session.execute(select(User.id))
        await _add_user(uow_factory, i)
    async with uow_factory.read() as uow:
        assert len((await uow.session.execute(select(User.id))).all()) == 3


async def test_readers_are_not_queued_behind_a_writer(uow_factory: UnitOfWorkFactory, engine: AsyncEngine) -> None:
    """A writer holds the write lock (SQLite: BEGIN IMMEDIATE) while readers run: they see the last committed
    data and finish; a reader that took the write lock too would wait for this writer, which waits for it."""
    await _add_user(uow_factory, 1)
    product = await make_product(uow_factory, "P1", stock=5)
    async with uow_factory() as writer:
        await writer.session.execute(update(Variant).values(stock=0))  # holds the lock from here to the end

        async def read() -> int:
            async with uow_factory.read() as uow:
                [view] = await get_products(uow, [product.id])
                return view.total_stock

        assert await asyncio.gather(read(), read(), read()) == [5, 5, 5]
        await writer.commit()
    async with uow_factory.read() as uow:
        assert (await get_products(uow, [product.id]))[0].total_stock == 0


async def test_sqlite_begins_readers_deferred_and_writers_immediate(sqlite_url: str) -> None:
    from store.db import create_engine, session_factory
    from tests.helpers.migrated import migrate_async

    await migrate_async(sqlite_url)
    engine = create_engine(sqlite_url)
    begins: list[str] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith("BEGIN"):
            begins.append(statement)

    try:
        uows = UnitOfWorkFactory(session_factory(engine))
        async with uows.read() as uow:
            await uow.session.execute(select(User.id))
        async with uows() as uow:
            await uow.session.execute(select(User.id))
    finally:
        await engine.dispose()
    assert begins == ["BEGIN DEFERRED", "BEGIN IMMEDIATE"]


@pytest.mark.parametrize("statement", ["INSERT INTO users (id) VALUES (5)", "  update users set language = 'zh'",
                                       "WITH x AS (SELECT 1) DELETE FROM users", "REPLACE INTO users (id) VALUES (5)",
                                       "CREATE TABLE t (x INT)", "VACUUM"])
async def test_sqlite_refuses_every_kind_of_write_in_a_read_only_unit_of_work(sqlite_url: str, statement: str) -> None:
    from store.db import create_engine, session_factory
    from tests.helpers.migrated import migrate_async

    await migrate_async(sqlite_url)
    engine = create_engine(sqlite_url)
    try:
        uows = UnitOfWorkFactory(session_factory(engine))
        async with uows.read() as uow:
            assert (await uow.session.execute(text("WITH x AS (SELECT 1 AS n) SELECT n FROM x"))).scalar() == 1
            with pytest.raises(ReadOnlyViolation):
                await uow.session.execute(text(statement))
    finally:
        await engine.dispose()
