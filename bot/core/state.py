"""Conversation state per user and chat, kept outside the process so a restart or a second worker continues.

The database is the default home; with ``REDIS_URL`` set, Redis holds it (shared by many workers, with a TTL).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Protocol

from pydantic import BaseModel, Field
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from store.models.conversation import ConversationState as StateRow
from store.models.conversation import ProcessedUpdate
from store.uow import UnitOfWorkFactory

__all__ = [
    "Conversation", "Pending", "StateStore", "DatabaseStateStore", "RedisStateStore", "UpdateLog",
    "DatabaseUpdateLog", "RedisUpdateLog", "begin_turn",
]


class Pending(BaseModel):
    """What the bot is waiting for from this user: an address line, a quantity, a review text..."""

    kind: str
    data: dict[str, Any] = Field(default_factory=dict)


# How many of the last results count as on screen (two pages of cards): where a name is looked for first, and what
# is remembered as seen.
ON_SCREEN = 8

# The topic of a reply that did not understand the message: the next message, if it names nothing ("加购物车"),
# is not about the product in focus from before (bot.core.skills.shopping.adding).
UNCLEAR_TOPIC = "unclear"


class Conversation(BaseModel):
    last_results: list[str] = Field(default_factory=list)  # SKUs of the cards shown last, in order
    last_query: str | None = None
    last_filters: dict[str, Any] = Field(default_factory=dict)
    page: int = 0
    focus_sku: str | None = None
    last_order: str | None = None
    pending: Pending | None = None
    fallback_count: int = 0
    unclear_text: str | None = None
    checkout: dict[str, Any] = Field(default_factory=dict)
    # The shopper's last few messages (newest last): a support ticket carries them so staff need not ask again.
    recent_messages: list[str] = Field(default_factory=list)
    # The last question the Q&A could not answer ({"text", "sku"}), for the "post it / ask staff" buttons.
    last_question: dict[str, Any] = Field(default_factory=dict)
    # The yes/no buttons of the last reply ({"yes": callback data, "no": ...}): a typed "yes" / "是的" presses
    # them (bot.core.dispatcher). Good for the next message only.
    yes_no: dict[str, str] = Field(default_factory=dict)
    # What the last reply was about when it was not a product ("coupon"): "remove it" right after a coupon was
    # applied means the coupon, not the item in focus. Good for the next event only (bot.core.dispatcher).
    topic: str | None = None

    # Products shown earlier in this conversation (newest last): "add the ESR one" after another list replaced the
    # phone cases still means the ESR case seen, not another ESR product of the catalogue (shopping/seen_named.py).
    seen_results: list[str] = Field(default_factory=list)

    def on_screen(self) -> list[str]:
        """The product open and the results on screen, once each (the open one first): the products a name is
        matched to before any other (named_words, named_best, named_question, seen_named, framed_product)."""
        return list(dict.fromkeys([*([self.focus_sku] if self.focus_sku else []), *self.last_results[:ON_SCREEN]]))

    def begin_afresh(self) -> None:
        """Forget what was on screen and asked (``/start``): after a welcome, "add the second one" or "how much is
        it" must not act on the list or product from before. The language, cart and orders live elsewhere, and
        ``last_order`` and ``recent_messages`` (for "where is my order" and support tickets) are kept."""
        self.last_results, self.last_query, self.last_filters, self.page = [], None, {}, 0
        self.focus_sku, self.seen_results = None, []
        self.pending, self.checkout, self.last_question, self.yes_no = None, {}, {}, {}
        self.unclear_text, self.topic, self.fallback_count = None, None, 0

    def remember_seen(self, keep: int = 24) -> None:
        """Add the results on screen to ``seen_results`` (unchanged when they are already its newest)."""
        seen = [s for s in self.seen_results if s not in self.last_results] + self.last_results[:ON_SCREEN]
        if seen[-keep:] != self.seen_results:
            self.seen_results = seen[-keep:]

    def remember_message(self, text: str, keep: int = 10) -> None:
        self.recent_messages = [*self.recent_messages, text[:500]][-keep:]

    def remember_results(self, skus: list[str], query: str | None, page: int = 0) -> None:
        self.last_results, self.last_query, self.page = skus, query, page
        if len(skus) == 1:
            self.focus_sku = skus[0]


class StateStore(Protocol):
    async def load(self, user_id: int, chat_id: int) -> Conversation: ...
    async def save(self, user_id: int, chat_id: int, state: Conversation) -> None: ...
    async def forget_user(self, user_id: int) -> None: ...


def _upsert(dialect: str) -> Any:
    return pg_insert if dialect == "postgresql" else sqlite_insert


class DatabaseStateStore:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uows = uow_factory

    @property
    def uows(self) -> UnitOfWorkFactory:
        return self._uows

    async def load(self, user_id: int, chat_id: int) -> Conversation:
        async with self._uows.read() as uow:
            row = await uow.session.get(StateRow, (user_id, chat_id))
            return Conversation.model_validate(row.data) if row else Conversation()

    async def save(self, user_id: int, chat_id: int, state: Conversation) -> None:
        async with self._uows() as uow:
            dialect = uow.session.bind.dialect.name if uow.session.bind else "sqlite"
            data = state.model_dump(mode="json")
            stmt = _upsert(dialect)(StateRow).values(user_id=user_id, chat_id=chat_id, data=data)
            stmt = stmt.on_conflict_do_update(index_elements=["user_id", "chat_id"], set_={"data": data})
            await uow.session.execute(stmt)
            await uow.commit()

    async def forget_user(self, user_id: int) -> None:
        async with self._uows() as uow:
            await uow.session.execute(delete(StateRow).where(StateRow.user_id == user_id))
            await uow.commit()


def _parse(raw: bytes | str | None) -> Conversation:
    return Conversation.model_validate_json(raw) if raw else Conversation()


class RedisStateStore:
    def __init__(self, redis: Any, ttl: timedelta = timedelta(days=30), prefix: str = "shopbot") -> None:
        self._redis, self._ttl, self._prefix = redis, ttl, prefix

    @property
    def redis(self) -> Any:
        return self._redis

    def _key(self, user_id: int, chat_id: int) -> str:
        return f"{self._prefix}:state:{user_id}:{chat_id}"

    async def load(self, user_id: int, chat_id: int) -> Conversation:
        return _parse(await self._redis.get(self._key(user_id, chat_id)))

    def queue_load(self, pipe: Any, user_id: int, chat_id: int) -> None:
        """``load`` as a command in the caller's pipeline (parse its result with ``_parse``)."""
        pipe.get(self._key(user_id, chat_id))

    async def save(self, user_id: int, chat_id: int, state: Conversation) -> None:
        await self._redis.set(self._key(user_id, chat_id), state.model_dump_json(), ex=self._ttl)

    async def forget_user(self, user_id: int) -> None:
        async for key in self._redis.scan_iter(match=f"{self._prefix}:state:{user_id}:*"):
            await self._redis.delete(key)


class UpdateLog(Protocol):
    async def first_time(self, key: str) -> bool:
        """True exactly once per key, across workers: the caller handles the update only then."""
        ...


class DatabaseUpdateLog:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uows = uow_factory

    @property
    def uows(self) -> UnitOfWorkFactory:
        return self._uows

    @staticmethod
    async def record(uow: Any, key: str) -> bool:
        """Insert the key in the caller's transaction; True if it was not there yet."""
        dialect = uow.session.bind.dialect.name if uow.session.bind else "sqlite"
        stmt = _upsert(dialect)(ProcessedUpdate).values(key=key).on_conflict_do_nothing()
        result = await uow.session.execute(stmt)
        return bool(result.rowcount)

    async def first_time(self, key: str) -> bool:
        async with self._uows() as uow:
            first = await self.record(uow, key)
            await uow.commit()
            return first

    async def seen(self, key: str) -> bool:
        async with self._uows.read() as uow:
            found = await uow.session.execute(select(ProcessedUpdate.key).where(ProcessedUpdate.key == key))
            return found.first() is not None


class RedisUpdateLog:
    def __init__(self, redis: Any, ttl: timedelta = timedelta(days=2), prefix: str = "shopbot") -> None:
        self._redis, self._ttl, self._prefix = redis, ttl, prefix

    @property
    def redis(self) -> Any:
        return self._redis

    def queue_first_time(self, pipe: Any, key: str) -> None:
        """``first_time`` as a command in the caller's pipeline (its result: truthy the first time)."""
        pipe.set(f"{self._prefix}:update:{key}", "1", nx=True, ex=self._ttl)

    async def first_time(self, key: str) -> bool:
        return bool(await self._redis.set(f"{self._prefix}:update:{key}", "1", nx=True, ex=self._ttl))


async def begin_turn(updates: UpdateLog, states: StateStore, update_key: str | None, user_id: int,
                     chat_id: int) -> Conversation | None:
    """Record the update as handled (once, across workers) and load the conversation: ``None`` when the update
    was handled before. WHY one step: these are the two store round trips every update pays; with both stores
    in Redis they go in one pipeline, with both in the database in one transaction (SQLite has one writer, so
    each transaction saved is throughput). Without an update id (console, web chat) nothing is recorded and the
    load is a read-only unit of work. Other combinations (tests' fakes) fall back to two calls."""
    if isinstance(updates, RedisUpdateLog) and isinstance(states, RedisStateStore) and updates.redis is states.redis:
        if update_key is None:
            return await states.load(user_id, chat_id)
        async with updates.redis.pipeline(transaction=False) as pipe:
            updates.queue_first_time(pipe, update_key)
            states.queue_load(pipe, user_id, chat_id)
            first, raw = await pipe.execute()
        return _parse(raw) if first else None
    if isinstance(updates, DatabaseUpdateLog) and isinstance(states, DatabaseStateStore) and \
            updates.uows is states.uows and update_key is not None:
        async with updates.uows() as uow:
            if not await DatabaseUpdateLog.record(uow, update_key):
                await uow.commit()
                return None
            row = await uow.session.get(StateRow, (user_id, chat_id))
            state = Conversation.model_validate(row.data) if row else Conversation()
            await uow.commit()
            return state
    if update_key is not None and not await updates.first_time(update_key):
        return None
    return await states.load(user_id, chat_id)
