"""With REDIS_URL, conversation state and update de-duplication live in Redis: a second worker (another
ShopBot on the same store and Redis) continues the same conversation and never handles an update twice."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.events import ChatRef, TextMessage, UserRef
from bot.core.replies import Text
from bot.core.state import Conversation, Pending, RedisStateStore, RedisUpdateLog
from tests.helpers.bots import started_bot

pytestmark = pytest.mark.redis

ALICE = UserRef(301, first_name="Alice", language_code="en")


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[object]:
    import redis.asyncio as aioredis

    client = aioredis.from_url(redis_url)
    yield client
    await client.aclose()


async def test_state_round_trip_and_forget(redis_client: object) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}"
    store = RedisStateStore(redis_client, prefix=prefix)
    state = Conversation(last_results=["A-1", "B-2"], pending=Pending(kind="co_address", data={"step": 2}))
    await store.save(1, 10, state)
    assert await store.load(1, 10) == state
    assert await store.load(1, 11) == Conversation()
    await store.forget_user(1)
    assert await store.load(1, 10) == Conversation()


async def test_update_is_first_only_once_across_workers(redis_client: object) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}"
    one, two = RedisUpdateLog(redis_client, prefix=prefix), RedisUpdateLog(redis_client, prefix=prefix)
    assert await one.first_time("ptb:42") is True
    assert await two.first_time("ptb:42") is False
    assert await two.first_time("ptb:43") is True


async def test_a_second_worker_continues_the_conversation(tmp_path: Path, redis_url: str) -> None:
    db = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    user = UserRef(int(uuid.uuid4().int % 10**9) + 10**6, first_name="Bo", language_code="en")
    chat = ChatRef(user.id)
    base = uuid.uuid4().int % 10**12  # update ids stay in Redis for days: make this run's unique
    async with started_bot(tmp_path / "w1", database_url=db, redis_url=redis_url) as first:
        await first.handle(TextMessage(user, chat, "asdf qwerty", update_id=base))  # unclear: the bot asks
    async with started_bot(tmp_path / "w2", database_url=db, redis_url=redis_url) as second:
        assert second.services is not None
        state = await second.services.states.load(user.id, chat.id)
        assert state.unclear_text == "asdf qwerty" and state.fallback_count == 1
        assert await second.handle(TextMessage(user, chat, "asdf qwerty", update_id=base)) == []  # same update
        again = await second.handle(TextMessage(user, chat, "asdf more", update_id=base + 1))
        labels = [b.label for r in again if isinstance(r, Text) for row in r.buttons for b in row]
        assert "Talk to a person" in labels  # the second miss in a row, counted across workers
