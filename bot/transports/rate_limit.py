"""One outgoing rate limiter for both Telegram adapters (aiolimiter leaky buckets).

Telegram's documented limits: about 30 messages per second overall, 20 per minute in one group, about one per
second in one chat (short bursts are tolerated, so a chat gets a bucket of 3 per 3 s). A 429 answer carries
``retry_after``: the limiter waits that long and retries the failed call (up to ``max_retries`` times) instead
of letting the library raise into the conversation.

WHY a flood wait pauses only its chat: Telegram's 429 is almost always about one chat (a busy group), and
pausing every outgoing call for it froze the whole shop for every shopper for up to a minute, payment
answers included. Later messages to that chat wait it out (they would only earn more 429s); other chats go
on within the overall bucket, and if Telegram is flooding the bot as a whole their own 429s pause them too. A
429 on a call with no chat pauses every chat.

Only calls that post into a chat (send*/edit*/copy*/forward*) spend tokens and wait out pauses; answers to
callback, inline and pre-checkout queries never wait (they have deadlines of seconds and are not counted as
messages): one that gets a 429 itself is retried only when the wait fits in ``query_retry_limit`` seconds.
The adapters plug this into their library's hook: PTB's ``BaseRateLimiter`` and an aiogram session
middleware, both in their ``app`` modules. ``enabled=False`` (the benchmark) passes calls straight through.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from aiolimiter import AsyncLimiter

__all__ = ["RateLimits", "OutgoingLimiter", "is_throttled_method"]

log = logging.getLogger("shopbot.transports.rate_limit")
T = TypeVar("T")

_THROTTLED_PREFIXES = ("send", "edit", "copy", "forward")


def is_throttled_method(method: str) -> bool:
    name = method.lower()
    return name.startswith(_THROTTLED_PREFIXES) and name != "sendchataction"


@dataclass(frozen=True)
class RateLimits:
    overall: tuple[float, float] = (30, 1.0)  # (max calls, per seconds)
    per_group: tuple[float, float] = (20, 60.0)
    per_chat: tuple[float, float] = (3, 3.0)
    max_retries: int = 3
    max_chats: int = 10_000  # per-chat buckets kept (least recently used dropped)
    query_retry_limit: float = 2.0  # a query answer's own 429 is retried only within this many seconds


class OutgoingLimiter:
    def __init__(self, limits: RateLimits = RateLimits(), *, enabled: bool = True,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.limits, self.enabled, self._sleep = limits, enabled, sleep
        self._overall: AsyncLimiter | None = None
        self._chats: OrderedDict[int | str, AsyncLimiter] = OrderedDict()
        self._groups: OrderedDict[int | str, AsyncLimiter] = OrderedDict()
        # Flood waits being waited out, by chat (None: every chat); an entry is set and removed when it ends.
        self._pauses: dict[int | str | None, asyncio.Event] = {}
        self.flood_waits: list[float] = []  # every retry_after honoured, for logs and tests

    def _bucket(self, table: OrderedDict[int | str, AsyncLimiter], key: int | str,
                rate: tuple[float, float]) -> AsyncLimiter:
        limiter = table.get(key)
        if limiter is None:
            limiter = table[key] = AsyncLimiter(*rate)
            while len(table) > self.limits.max_chats:
                table.popitem(last=False)
        else:
            table.move_to_end(key)
        return limiter

    async def _acquire(self, method: str, chat_id: int | str | None) -> None:
        if not is_throttled_method(method) or chat_id is None:
            return
        if self._overall is None:
            self._overall = AsyncLimiter(*self.limits.overall)
        if _is_group(chat_id):
            await self._bucket(self._groups, chat_id, self.limits.per_group).acquire()
        await self._bucket(self._chats, chat_id, self.limits.per_chat).acquire()
        await self._overall.acquire()

    async def run(self, method: str, chat_id: int | str | None, call: Callable[[], Awaitable[T]],
                  retry_after: Callable[[BaseException], float | None]) -> T:
        """Make ``call`` within the limits; on a flood wait pause its chat (or all chats), then retry."""
        if not self.enabled:
            return await call()
        throttled = is_throttled_method(method)
        attempt = 0
        while True:
            if throttled:
                for key in (None, chat_id) if chat_id is not None else (None,):
                    paused = self._pauses.get(key)
                    if paused is not None:
                        await paused.wait()
                await self._acquire(method, chat_id)
            try:
                return await call()
            except Exception as exc:
                wait = retry_after(exc)
                if wait is None or attempt >= self.limits.max_retries:
                    raise
                if not throttled and wait > self.limits.query_retry_limit:
                    raise  # a query answer this late is useless: its deadline has passed
                attempt += 1
                await self._flood_wait(method, chat_id if throttled else None, wait, pause=throttled)

    async def _flood_wait(self, method: str, chat_id: int | str | None, seconds: float, *, pause: bool) -> None:
        self.flood_waits.append(seconds)
        if not pause:  # a query answer: only its own retry waits
            await self._sleep(seconds)
            return
        if chat_id is None:
            log.warning("flood control on %s: pausing all chats for %.1f s", method, seconds)
        else:
            log.warning("flood control on %s in chat %s: pausing that chat for %.1f s", method, chat_id, seconds)
        current = self._pauses.get(chat_id)
        if current is not None:  # another call is already waiting this pause out
            await current.wait()
            return
        event = self._pauses[chat_id] = asyncio.Event()
        try:
            await self._sleep(seconds)
        finally:
            event.set()
            if self._pauses.get(chat_id) is event:
                del self._pauses[chat_id]

def _is_group(chat_id: int | str) -> bool:
    """Group and channel ids are negative; "@channel" usernames are public chats too."""
    if isinstance(chat_id, str):
        return chat_id.startswith("@") or chat_id.startswith("-")
    return chat_id < 0
