"""The shared outgoing limiter: counts and ordering with tiny limits and a fake sleep (no timed assertions)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest

from bot.transports.rate_limit import OutgoingLimiter, RateLimits
from tests.transports.conftest import Harness

HOUR = 3600.0
T = TypeVar("T")


class FloodWait(Exception):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


def retry_after(exc: BaseException) -> float | None:
    return exc.seconds if isinstance(exc, FloodWait) else None


class FakeSleep:
    """Records the waits asked for; a test may hold them until it releases ``gate``."""

    def __init__(self, hold: bool = False) -> None:
        self.waits: list[float] = []
        self.gate = asyncio.Event()
        if not hold:
            self.gate.set()

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await self.gate.wait()


def recorder(log: list[str], name: str) -> Callable[[], Awaitable[str]]:
    async def call() -> str:
        log.append(name)
        return name

    return call


def flooded_once(seconds: float, log: list[str] | None = None) -> Callable[[], Awaitable[str]]:
    """A call whose first attempt gets a 429 (``seconds`` to wait) and whose retry succeeds (logged)."""
    tries = 0

    async def call() -> str:
        nonlocal tries
        tries += 1
        if tries == 1:
            raise FloodWait(seconds)
        if log is not None:
            log.append("retried")
        return "ok"

    return call


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_per_chat_bucket_holds_the_chat_but_not_others() -> None:
    limiter = OutgoingLimiter(RateLimits(per_chat=(2, HOUR)))
    log: list[str] = []
    await limiter.run("sendMessage", 1, recorder(log, "a1"), retry_after)
    await limiter.run("sendMessage", 1, recorder(log, "a2"), retry_after)
    blocked = asyncio.create_task(limiter.run("sendMessage", 1, recorder(log, "a3"), retry_after))
    await limiter.run("sendMessage", 2, recorder(log, "b1"), retry_after)
    await limiter.run("answerCallbackQuery", 1, recorder(log, "answer"), retry_after)  # never throttled
    await settle()
    assert log == ["a1", "a2", "b1", "answer"] and not blocked.done()
    blocked.cancel()


async def test_group_and_overall_buckets() -> None:
    limiter = OutgoingLimiter(RateLimits(per_group=(1, HOUR), overall=(3, HOUR), per_chat=(10, HOUR)))
    log: list[str] = []
    await limiter.run("sendMessage", -100, recorder(log, "g1"), retry_after)
    second_in_group = asyncio.create_task(limiter.run("sendPhoto", -100, recorder(log, "g2"), retry_after))
    await limiter.run("sendMessage", 7, recorder(log, "p1"), retry_after)
    await settle()
    assert log == ["g1", "p1"] and not second_in_group.done()
    await limiter.run("editMessageText", 8, recorder(log, "p2"), retry_after)
    over_all = asyncio.create_task(limiter.run("sendMessage", 9, recorder(log, "p3"), retry_after))
    await settle()
    assert log == ["g1", "p1", "p2"] and not over_all.done()  # 3 per hour overall: the 4th waits
    second_in_group.cancel()
    over_all.cancel()


async def test_retry_after_is_honoured_then_the_call_retried() -> None:
    sleep = FakeSleep()
    limiter = OutgoingLimiter(sleep=sleep)
    attempts: list[int] = []

    async def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise FloodWait(7)
        return "sent"

    assert await limiter.run("sendMessage", 1, flaky, retry_after) == "sent"
    assert sleep.waits == [7] and len(attempts) == 2 and limiter.flood_waits == [7]


async def test_a_flood_wait_pauses_its_chat_only_and_never_a_query_answer() -> None:
    """A 429 in one chat (a busy group) once paused every outgoing call, so every shopper's replies and the
    payment answers (10 s deadline) waited out a group's flood control."""
    sleep = FakeSleep(hold=True)
    limiter = OutgoingLimiter(sleep=sleep)
    log: list[str] = []
    first = asyncio.create_task(limiter.run("sendMessage", -100, flooded_once(30, log), retry_after))
    await settle()
    same_chat = asyncio.create_task(limiter.run("sendMessage", -100, recorder(log, "same chat"), retry_after))
    await limiter.run("sendMessage", 2, recorder(log, "other chat"), retry_after)
    await limiter.run("answerPreCheckoutQuery", -100, recorder(log, "pre-checkout"), retry_after)
    await settle()
    assert log == ["other chat", "pre-checkout"] and sleep.waits == [30]  # the flooded chat waits it out
    sleep.gate.set()
    await asyncio.gather(first, same_chat)
    assert log[2:] == ["retried", "same chat"]


async def test_a_flood_wait_without_a_chat_pauses_every_chat_but_not_query_answers() -> None:
    sleep = FakeSleep(hold=True)
    limiter = OutgoingLimiter(sleep=sleep)
    log: list[str] = []
    first = asyncio.create_task(limiter.run("sendMediaGroup", None, flooded_once(30), retry_after))
    await settle()
    other = asyncio.create_task(limiter.run("sendMessage", 2, recorder(log, "other chat"), retry_after))
    await limiter.run("answerCallbackQuery", 2, recorder(log, "answer"), retry_after)
    await settle()
    assert log == ["answer"]
    sleep.gate.set()
    await asyncio.gather(first, other)
    assert log == ["answer", "other chat"]


async def test_a_query_answer_is_retried_only_while_its_deadline_allows() -> None:
    sleep = FakeSleep()
    limiter = OutgoingLimiter(sleep=sleep)
    calls = 0

    async def flooded(seconds: float) -> str:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise FloodWait(seconds)
        return "answered"

    assert await limiter.run("answerCallbackQuery", 1, lambda: flooded(1), retry_after) == "answered"
    calls = 0
    with pytest.raises(FloodWait):  # 25 s is past a pre-checkout's deadline: no point waiting
        await limiter.run("answerPreCheckoutQuery", 1, lambda: flooded(25), retry_after)
    assert sleep.waits == [1]


async def test_gives_up_after_max_retries_and_other_errors_pass_through() -> None:
    limiter = OutgoingLimiter(RateLimits(max_retries=2, per_chat=(100, 1.0)), sleep=FakeSleep())

    async def always_flooded() -> str:
        raise FloodWait(1)

    with pytest.raises(FloodWait):
        await limiter.run("sendMessage", 1, always_flooded, retry_after)
    assert limiter.flood_waits == [1, 1]

    async def broken() -> str:
        raise ValueError("bad request")

    with pytest.raises(ValueError):
        await limiter.run("sendMessage", 1, broken, retry_after)
    assert limiter.flood_waits == [1, 1]


async def test_disabled_limiter_passes_everything_straight_through() -> None:
    limiter = OutgoingLimiter(RateLimits(per_chat=(1, HOUR)), enabled=False)
    log: list[str] = []
    for i in range(5):
        await limiter.run("sendMessage", 1, recorder(log, str(i)), retry_after)
    assert log == ["0", "1", "2", "3", "4"]


_sleep = FakeSleep()


class SpyLimiter(OutgoingLimiter):
    """The shared limiter, recording the (method, chat id) each adapter hands it for every outgoing call."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: list[tuple[str, int | str | None]] = []

    async def run(self, method: str, chat_id: int | str | None, call: Callable[[], Awaitable[T]],
                  retry_after: Callable[[BaseException], float | None]) -> T:
        self.seen.append((method, chat_id))
        return await super().run(method, chat_id, call, retry_after)


_spy = SpyLimiter()


@pytest.fixture
def limiter() -> OutgoingLimiter:
    global _sleep, _spy
    _sleep = FakeSleep()
    _spy = SpyLimiter(sleep=_sleep)
    return _spy


async def test_both_adapters_hand_the_limiter_each_calls_chat(harness: Harness) -> None:
    """The per-chat and per-group buckets are only as good as the chat id each library's hook extracts."""
    spy = _spy
    group = -1001234567890
    await harness.send(harness.u.command(harness.me, "help"))
    await harness.api.wait_for("sendMessage", 1)
    await harness.send(harness.u.group_text(harness.me, "/help", chat_id=group))
    await harness.api.wait_for("sendMessage", 2)
    sends = [(m, c) for m, c in spy.seen if m.lower() == "sendmessage"]
    assert sends[:2] == [("sendMessage", harness.me), ("sendMessage", group)], spy.seen


async def test_both_adapters_honour_telegrams_429(harness: Harness) -> None:
    api = harness.api
    api.fail_next("sendMessage", error_code=429, retry_after=3)
    await harness.send(harness.u.command(harness.me, "help"))
    calls = await api.wait_for("sendMessage", 2)
    assert calls[0]["text"] == calls[1]["text"]  # the refused call, then the same one again
    assert _sleep.waits == [3.0]
