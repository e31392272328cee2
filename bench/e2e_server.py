"""The Telegram side of the end-to-end benchmark, in a process of its own: the fake Bot API and the shoppers.

WHY a separate process: in one process the fake server's HTTP parsing (every getUpdates, every sendMessage,
every photo upload) ran on the bot's interpreter and GIL, and was billed to whichever bot was measured; real
Telegram runs elsewhere. Here the bot process does only what a deployed bot does.

How an update is timed: the shopper's update is queued for getUpdates at ``pushed`` (this process's
``time.perf_counter``, CLOCK_MONOTONIC, one clock for every process on the machine); the bot process writes
``(update_id, perf_counter())`` to a pipe when its handler returned, i.e. after the Bot API answered the last
call of that update's replies. Latency = done - pushed: polling delay, queueing, library, core, every reply.
The calls each update caused (messages, photos, edits, callback answers) are counted from the server's record.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import struct
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from bench.e2e_traffic import Shopper, Step, buttons_of, fake_nlu_shoppers, make_shoppers, pick_button
from tests.helpers.fake_bot_api import ApiCall, FakeBotAPI
from tests.helpers.telegram_updates import Updates

__all__ = ["DONE", "server_main", "Record"]

DONE = struct.Struct("<qd")  # update_id, perf_counter() when the bot finished it


class _CallSink(list[ApiCall]):
    """Replaces the server's call log: keeps only the current step's calls per chat (memory stays flat over
    tens of thousands of updates) and a count per method; uploaded bytes are dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.by_chat: dict[int, list[ApiCall]] = defaultdict(list)
        self.per_method: dict[str, int] = defaultdict(int)

    def append(self, call: ApiCall) -> None:
        call.files = {}
        self.per_method[call.method] += 1
        chat = call.params.get("chat_id")
        if call.method == "answerCallbackQuery":  # our callback ids are f"{user_id}{n:08d}"
            chat = str(call.params.get("callback_query_id", ""))[:-8] or None
        with contextlib.suppress(TypeError, ValueError):
            self.by_chat[int(chat)].append(call)  # type: ignore[arg-type]


@dataclass
class Record:
    label: str
    search: bool
    latency_ms: float
    calls: int
    pressed: bool  # a button step that found its button (False: sent its fallback text)


@dataclass
class _Flight:
    shopper: Shopper
    step: Step
    pushed: float
    pressed: bool
    sent: str


@dataclass
class Traffic:
    api: FakeBotAPI
    builder: Updates
    shoppers: list[Shopper]
    echo: bool
    trace_user: int | None = None
    inflight: dict[int, _Flight] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    last_done: float = 0.0
    missing: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    trace: list[tuple[str, str, list[str]]] = field(default_factory=list)
    _ready: list[Shopper] = field(default_factory=list)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _busy: set[int] = field(default_factory=set)

    @property
    def sink(self) -> _CallSink:
        calls = self.api.calls
        assert isinstance(calls, _CallSink)
        return calls

    # -- one update ------------------------------------------------------------------------------------------
    def _update(self, shopper: Shopper) -> dict[str, Any]:
        step = shopper.next_step()
        uid, lang = shopper.user_id, shopper.language
        replies = self.sink.by_chat.pop(uid, [])
        pressed = False
        if step.button and not self.echo:
            button = pick_button(step, buttons_of(replies), shopper.rng)
            if button is not None:
                data, message_id = button
                update = self.builder.callback(uid, data, message_id=message_id, language_code=lang)
                pressed, sent = True, f"[{step.button}]"
            else:
                self.missing[step.label] += 1
        if not pressed:
            sent = step.text or step.fallback
            update = self.builder.text(uid, sent, language_code=lang)
        self.inflight[update["update_id"]] = _Flight(shopper, step, 0.0, pressed, sent)
        self._busy.add(uid)
        return update

    async def _push(self, updates: list[dict[str, Any]]) -> None:
        now = time.perf_counter()
        for u in updates:
            self.inflight[u["update_id"]].pushed = now
        await self.api.push_update(*updates)

    def on_done(self, update_id: int, at: float) -> None:
        flight = self.inflight.pop(update_id, None)
        if flight is None:
            return
        shopper = flight.shopper
        calls = self.sink.by_chat.get(shopper.user_id, [])
        self.records.append(Record(flight.step.label, flight.step.search, (at - flight.pushed) * 1000, len(calls),
                                   flight.pressed or not flight.step.button))
        if shopper.user_id == self.trace_user:
            texts = [str(c.get("text") or c.get("caption") or c.method)[:90].replace("\n", " ") for c in calls]
            self.trace.append((flight.step.label, flight.sent, texts))
        self.last_done = max(self.last_done, at)
        self._busy.discard(shopper.user_id)
        self._ready.append(shopper)
        self._wake.set()

    # -- phases ----------------------------------------------------------------------------------------------
    async def closed_loop(self, n: int, timeout: float) -> tuple[float, list[Record]]:
        """Every shopper sends its next message as soon as its previous one was answered, until n were sent:
        the bot is kept saturated (up to one update in flight per shopper)."""
        first = len(self.records)
        self._ready = []
        batch = [self._update(shopper) for shopper in self.shoppers[:n]]
        sent = len(batch)
        t0 = time.perf_counter()
        await self._push(batch)
        deadline = t0 + timeout
        while len(self.records) - first < n:
            self._wake.clear()
            if sent < n and self._ready:
                todo, self._ready = self._ready[:n - sent], self._ready[n - sent:]
                sent += len(todo)
                await self._push([self._update(s) for s in todo])
                continue
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"closed loop: {len(self.records) - first}/{n} answered in {timeout:.0f} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), min(remaining, 1.0))
        self._ready = []
        return self.last_done - t0, self.records[first:]

    async def open_loop(self, n: int, rate: float, timeout: float) -> tuple[float, list[Record], int]:
        """Updates arrive at a steady ``rate`` (every 5 ms, what is due), from shoppers in turn; a shopper
        whose previous message is still unanswered is passed over (counted) until its answer came."""
        first = len(self.records)
        sent = skipped = 0
        turn = 0
        t0 = time.perf_counter()
        while sent < n:
            due = min(n, int((time.perf_counter() - t0) * rate) + 1)
            batch: list[dict[str, Any]] = []
            tried = 0
            while sent + len(batch) < due and tried < len(self.shoppers):
                shopper = self.shoppers[turn % len(self.shoppers)]
                turn += 1
                tried += 1
                if shopper.user_id in self._busy:
                    skipped += 1
                    continue
                batch.append(self._update(shopper))
            if batch:
                sent += len(batch)
                await self._push(batch)
            await asyncio.sleep(0.005)
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError(f"open loop: only {sent}/{n} pushed in {timeout:.0f} s")
        deadline = time.perf_counter() + timeout
        while len(self.records) - first < n:
            self._wake.clear()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"open loop: {len(self.records) - first}/{n} answered")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 1.0)
        self._ready = []
        return self.last_done - t0, self.records[first:], skipped


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


async def _serve(ctl: Any, done: Any, cfg: dict[str, Any]) -> None:
    loop = asyncio.get_running_loop()
    async with FakeBotAPI(max_poll_wait=1.0) as api:
        api.calls = _CallSink()
        ctl.send({"port": api.port, "token": api.token, "bot_id": api.bot_id, "username": api.username})
        builder = Updates(api.bot_id, api.username, first_update_id=cfg["first_update_id"])
        if cfg["fake_nlu"]:
            shoppers = fake_nlu_shoppers(cfg["users"], cfg["first_user"])
        else:
            shoppers = make_shoppers(cfg["users"], cfg["first_user"], zh_share=cfg["zh_share"])
        traffic = Traffic(api, builder, shoppers, echo=cfg["echo"],
                          trace_user=cfg["first_user"] if cfg.get("trace") else None)

        def readable() -> None:
            while done.poll():
                update_id, at = DONE.unpack(done.recv_bytes())
                traffic.on_done(update_id, at)

        loop.add_reader(done.fileno(), readable)
        while True:
            msg = await asyncio.to_thread(ctl.recv)
            if msg["cmd"] == "stop":
                break
            bot_pid = int(msg["bot_pid"])
            wall0, cpu0, bot0 = time.perf_counter(), time.process_time(), _cpu_seconds(bot_pid)
            load0 = os.getloadavg()[0]
            skipped = 0
            if msg["cmd"] == "closed":
                seconds, records = await traffic.closed_loop(msg["n"], msg["timeout"])
            else:
                seconds, records, skipped = await traffic.open_loop(msg["n"], msg["rate"], msg["timeout"])
            wall = time.perf_counter() - wall0
            bot_cpu_s = _cpu_seconds(bot_pid) - bot0
            ctl.send({"bot_cpu_s": bot_cpu_s, "seconds": seconds, "records": [r.__dict__ for r in records],
                      "skipped": skipped, "server_cpu": (time.process_time() - cpu0) / wall,
                      "bot_cpu": bot_cpu_s / wall, "load": (load0, os.getloadavg()[0]),
                      "missing": dict(traffic.missing),
                      "per_method": dict(api.calls.per_method) if isinstance(api.calls, _CallSink) else {},
                      "trace": list(traffic.trace)})
            traffic.missing.clear()
            traffic.trace.clear()
        loop.remove_reader(done.fileno())


def server_main(ctl: Any, done: Any, cfg: dict[str, Any]) -> None:
    """Process entry point: serve until told to stop; each ``closed``/``open`` command runs one phase."""
    asyncio.run(_serve(ctl, done, cfg))
