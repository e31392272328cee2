"""The dialogue's hot reads take no write transaction: a known shopper seen by a new process (or after the
cache expired) is looked up, not upserted; a conversation is loaded read-only when no update is recorded."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from bot.core.events import UserRef
from bot.core.state import Conversation, DatabaseStateStore, DatabaseUpdateLog, begin_turn
from bot.core.users import KnownUsers, remember_user
from store.db import create_engine, session_factory
from store.uow import UnitOfWorkFactory
from store.users import get_user
from tests.helpers.migrated import migrate_async

ADA = UserRef(801, first_name="Ada", last_name="Lovelace", username="ada", language_code="en")


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[tuple[UnitOfWorkFactory, list[str]]]:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    await migrate_async(url)
    engine = create_engine(url)
    begins: list[str] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith("BEGIN"):
            begins.append(statement)

    yield UnitOfWorkFactory(session_factory(engine)), begins
    await engine.dispose()


async def test_a_stored_shopper_is_looked_up_and_a_changed_one_stored(
    store: tuple[UnitOfWorkFactory, list[str]]
) -> None:
    uows, begins = store
    first = SimpleNamespace(uows=uows, known_users=KnownUsers())
    assert await remember_user(first, ADA) == "en"  # type: ignore[arg-type]
    assert "BEGIN IMMEDIATE" in begins
    begins.clear()
    restarted = SimpleNamespace(uows=uows, known_users=KnownUsers())  # a new process: nothing cached
    assert await remember_user(restarted, ADA) == "en"  # type: ignore[arg-type]
    assert begins == ["BEGIN DEFERRED"]
    begins.clear()
    renamed = UserRef(ADA.id, first_name="Augusta", last_name="Lovelace", username="ada", language_code="en")
    await remember_user(SimpleNamespace(uows=uows, known_users=KnownUsers()), renamed)  # type: ignore[arg-type]
    assert begins == ["BEGIN DEFERRED", "BEGIN IMMEDIATE"]
    async with uows.read() as uow:
        assert (await get_user(uow, ADA.id)).first_name == "Augusta"


async def test_a_conversation_loads_read_only_unless_an_update_is_recorded(
    store: tuple[UnitOfWorkFactory, list[str]]
) -> None:
    uows, begins = store
    states, updates = DatabaseStateStore(uows), DatabaseUpdateLog(uows)
    await states.save(ADA.id, ADA.id, Conversation(last_query="mugs"))
    begins.clear()
    loaded = await begin_turn(updates, states, None, ADA.id, ADA.id)
    assert loaded is not None and loaded.last_query == "mugs" and begins == ["BEGIN DEFERRED"]
    begins.clear()
    assert await begin_turn(updates, states, "core:1", ADA.id, ADA.id) is not None
    assert await begin_turn(updates, states, "core:1", ADA.id, ADA.id) is None  # handled once
    assert begins == ["BEGIN IMMEDIATE", "BEGIN IMMEDIATE"]
