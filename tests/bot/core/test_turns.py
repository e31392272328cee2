"""The start of every turn (update de-duplication + state load in one round trip), the skipped save of a turn
that changed nothing, and the bounded, short-lived cache of known users."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.core.events import ChatKind, ChatRef, TextMessage, UserRef
from bot.core.state import (
    Conversation,
    DatabaseStateStore,
    DatabaseUpdateLog,
    Pending,
    RedisStateStore,
    RedisUpdateLog,
    begin_turn,
)
from bot.core.users import KnownUsers
from tests.helpers.bots import started_bot

ALICE = UserRef(401, first_name="Alice", language_code="en")
PRIVATE = ChatRef(401)
GROUP = ChatRef(-1002, ChatKind.SUPERGROUP, "Deals")


async def test_database_turn_records_the_update_and_loads_the_state_in_one_go(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        assert bot.services is not None
        states, updates = bot.services.states, bot.services.updates
        assert isinstance(states, DatabaseStateStore) and isinstance(updates, DatabaseUpdateLog)
        saved = Conversation(last_results=["A-1"], pending=Pending(kind="qty", data={"sku": "A-1"}))
        await states.save(ALICE.id, PRIVATE.id, saved)
        assert await begin_turn(updates, states, "core:1", ALICE.id, PRIVATE.id) == saved
        assert await updates.seen("core:1")
        assert await begin_turn(updates, states, "core:1", ALICE.id, PRIVATE.id) is None  # handled before
        assert await updates.first_time("core:1") is False  # the same log as the one-step path
        assert await begin_turn(updates, states, None, ALICE.id, PRIVATE.id) == saved  # no update id: no dedup
        assert await begin_turn(updates, states, "core:2", ALICE.id, 999) == Conversation()


class _Log:
    def __init__(self) -> None:
        self.keys: set[str] = set()

    async def first_time(self, key: str) -> bool:
        first = key not in self.keys
        self.keys.add(key)
        return first


class _States:
    def __init__(self) -> None:
        self.data: dict[tuple[int, int], Conversation] = {}

    async def load(self, user_id: int, chat_id: int) -> Conversation:
        return self.data.get((user_id, chat_id), Conversation())

    async def save(self, user_id: int, chat_id: int, state: Conversation) -> None:
        self.data[(user_id, chat_id)] = state

    async def forget_user(self, user_id: int) -> None:
        self.data = {k: v for k, v in self.data.items() if k[0] != user_id}


async def test_other_stores_fall_back_to_two_calls() -> None:
    log, states = _Log(), _States()
    states.data[(1, 1)] = Conversation(page=3)
    assert (await begin_turn(log, states, "k", 1, 1)) == Conversation(page=3)
    assert await begin_turn(log, states, "k", 1, 1) is None


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[Any]:
    import redis.asyncio as aioredis

    client = aioredis.from_url(redis_url)
    yield client
    await client.aclose()


@pytest.mark.redis
async def test_redis_turn_is_one_pipeline_and_shared_across_workers(redis_client: Any) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}"
    states, updates = RedisStateStore(redis_client, prefix=prefix), RedisUpdateLog(redis_client, prefix=prefix)
    other_worker = RedisUpdateLog(redis_client, prefix=prefix)
    saved = Conversation(focus_sku="B-2", recent_messages=["hi"])
    await states.save(5, 5, saved)
    assert await begin_turn(updates, states, "ptb:9", 5, 5) == saved
    assert await other_worker.first_time("ptb:9") is False
    assert await begin_turn(updates, states, "ptb:9", 5, 5) is None
    assert await begin_turn(updates, states, "ptb:10", 5, 6) == Conversation()
    assert await begin_turn(updates, states, None, 5, 5) == saved


async def test_ignored_group_chatter_is_not_recorded_and_a_reading_turn_saves_nothing(tmp_path: Path,
                                                                                      monkeypatch: Any) -> None:
    async with started_bot(tmp_path) as bot:
        assert bot.services is not None
        updates = bot.services.updates
        assert isinstance(updates, DatabaseUpdateLog)
        assert await bot.handle(TextMessage(ALICE, GROUP, "hello everyone", update_id=55)) == []
        assert not await updates.seen("core:55")
        assert await bot.handle(TextMessage(ALICE, GROUP, "/help@shopbot", update_id=56))
        assert await updates.seen("core:56")
        saves: list[tuple[int, int]] = []
        real_save = bot.services.states.save

        async def counting_save(user_id: int, chat_id: int, state: Conversation) -> None:
            saves.append((user_id, chat_id))
            await real_save(user_id, chat_id, state)

        monkeypatch.setattr(bot.services.states, "save", counting_save)
        assert await bot.handle(TextMessage(ALICE, PRIVATE, "/help"))
        assert saves == []  # nothing changed: no write
        await bot.handle(TextMessage(ALICE, PRIVATE, "asdf qwerty"))  # unclear: the bot remembers the text
        assert saves == [(ALICE.id, PRIVATE.id)]
        state = await bot.services.states.load(ALICE.id, PRIVATE.id)
        assert state.unclear_text == "asdf qwerty"


def test_known_users_expire_are_bounded_and_keep_a_chosen_language() -> None:
    now = [0.0]
    users = KnownUsers(ttl=60, limit=2, clock=lambda: now[0])
    users[1] = (ALICE, "en")
    now[0] = 30
    users.update_language(1, "zh")
    assert users.get(1) == (ALICE, "zh")
    now[0] = 61  # stored at 0: older than the ttl, so the next message stores the user again
    assert users.get(1) is None and len(users) == 0
    users[1], users[2], users[3] = (ALICE, "en"), (ALICE, "en"), (ALICE, "en")
    assert len(users) == 2 and users.get(1) is None and users.get(3) == (ALICE, "en")
    assert users.pop(3) == (ALICE, "en") and users.pop(3) is None
