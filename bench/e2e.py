"""End to end through a Telegram library: updates/s and reply latency against the local fake Bot API.

    python -m bench.e2e [--transport ptb|aiogram] [--updates N] [--rate R] [--database URL]

What runs: the real adapter (PTB or aiogram) long-polls the fake Bot API (tests/helpers/fake_bot_api.py, an
aiohttp server in the same process), which serves the queued updates in batches of up to 100 per getUpdates;
each update goes library -> translate -> core (dedup, user, state load/save on SQLite, routing, handler) ->
outbox -> library -> HTTP sendMessage back to the fake server. The rate limiter is OFF. The NLU is the keyword
FakeNLU from the tests, and there is no encoder/search/Q&A: this measures the transport + core, not the
models (bench.nlu and bench.search measure those). The intent mix is what the skills registered today answer.

The floor, timed in the same run on the same library, fake server and update stream: a bare echo bot
(``reply_text(update.message.text)``), no core. Phases: (1) throughput: all N updates queued at once, time
from the first getUpdates to the last reply; (2) latency: updates pushed at a steady ``--rate`` in batches of
10, latency = reply arrival at the fake server - push time (so it includes polling delay and queueing).
Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("PTB_TIMEDELTA", "true")

# (label, kind, text): every item gets exactly one reply message from today's skills (checked at start).
MIX: tuple[tuple[str, str, str], ...] = (
    ("greeting", "text", "hello there"),
    ("help", "command", "help"),
    ("start", "command", "start"),
    ("thanks", "text", "thanks a lot"),
    ("goodbye", "text", "bye"),
    ("cart", "text", "show my cart"),
    ("orders", "text", "my orders please"),
    ("search", "text", "red running shoes"),
    ("cancel", "command", "cancel"),
    ("unclear", "text", "asdf qwerty"),
)
USERS = 1000


@dataclass
class Phase:
    updates: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _updates(builder: Any, n: int, first_user: int) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for i in range(n):
        label, kind, text = MIX[i % len(MIX)]
        user = first_user + (i % USERS)
        update = builder.command(user, text) if kind == "command" else builder.text(user, text)
        out.append((user, update))
    return out


async def _drain(api: Any, expected: int, timeout: float = 120) -> None:
    await api.wait_for("sendMessage", expected, timeout=timeout)


async def _phase_throughput(api: Any, builder: Any, n: int, first_user: int) -> Phase:
    before = len(api.calls_to("sendMessage"))
    items = _updates(builder, n, first_user)
    served = api.record_updates_served
    t0 = time.perf_counter()
    await api.push_update(*[u for _, u in items])
    await _drain(api, before + n)
    replies = api.calls_to("sendMessage")[before:]
    end = max(c.at for c in replies)
    assert api.record_updates_served - served >= n
    return Phase(n, end - t0, [])


async def _phase_latency(api: Any, builder: Any, n: int, rate: float, first_user: int) -> Phase:
    before = len(api.calls_to("sendMessage"))
    items = _updates(builder, n, first_user)
    pushed: dict[int, list[float]] = defaultdict(list)
    batch = 10
    interval = batch / rate
    t0 = time.perf_counter()
    for start in range(0, n, batch):
        chunk = items[start:start + batch]
        target = t0 + (start // batch) * interval
        delay = target - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        now = time.perf_counter()
        for user, _ in chunk:
            pushed[user].append(now)
        await api.push_update(*[u for _, u in chunk])
    await _drain(api, before + n)
    replies = api.calls_to("sendMessage")[before:]
    arrivals: dict[int, list[float]] = defaultdict(list)
    for c in replies:
        arrivals[int(c["chat_id"])].append(c.at)
    latencies = []
    for user, times in pushed.items():
        for sent, got in zip(sorted(times), sorted(arrivals[user]), strict=False):
            latencies.append((got - sent) * 1000)
    return Phase(n, max(c.at for c in replies) - t0, latencies)


class _Echo:
    """The floor: the same library polling the same server, replying with the text, nothing else."""

    def __init__(self, name: str, settings: Any) -> None:
        self.name, self.settings = name, settings

    async def start(self) -> None:
        token = self.settings.telegram_bot_token.get_secret_value()
        root = self.settings.telegram_api_base_url
        if self.name == "ptb":
            from telegram import Update
            from telegram.ext import ApplicationBuilder, MessageHandler, filters

            async def echo(update: Update, _: Any) -> None:
                assert update.message is not None
                await update.message.reply_text(update.message.text or "?")

            self.app = (ApplicationBuilder().token(token).base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
                        .concurrent_updates(64).build())
            self.app.add_handler(MessageHandler(filters.ALL, echo))
            await self.app.initialize()
            await self.app.start()
            assert self.app.updater is not None
            await self.app.updater.start_polling(timeout=1)
        else:
            from aiogram import Bot, Dispatcher
            from aiogram.client.session.aiohttp import AiohttpSession
            from aiogram.client.telegram import TelegramAPIServer
            from aiogram.types import Message

            self.bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(root)))
            self.dp = Dispatcher()

            async def aecho(message: Message) -> None:
                await message.answer(message.text or "?")

            self.dp.message.register(aecho)
            await self.bot.delete_webhook()
            self.task = asyncio.create_task(self.dp.start_polling(self.bot, polling_timeout=1, handle_signals=False,
                                                                  close_bot_session=False,
                                                                  tasks_concurrency_limit=64))

    async def stop(self) -> None:
        if self.name == "ptb":
            assert self.app.updater is not None
            await self.app.updater.stop()
            await self.app.stop()
            await self.app.shutdown()
        else:
            await self.dp.stop_polling()
            await self.task
            await self.bot.session.close()


async def _with_server(run: Callable[[Any], Awaitable[dict[str, Any]]]) -> dict[str, Any]:
    from tests.helpers.fake_bot_api import FakeBotAPI

    async with FakeBotAPI(max_poll_wait=1.0) as api:
        return await run(api)


async def bench(transport: str, n: int, rate: float, database: str | None, redis: str | None) -> dict[str, Any]:
    from bot.cli.run import build_transport
    from bot.core.app import ShopBot
    from bot.settings import Settings
    from store.migrate import upgrade_async
    from tests.helpers.fake_nlu import FakeNLU
    from tests.helpers.telegram_updates import Updates

    tmp = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    url = database or f"sqlite:///{tmp / 'store.sqlite3'}"
    await upgrade_async(url)
    results: dict[str, Any] = {}

    async def ours(api: Any) -> dict[str, Any]:
        settings = Settings(data_dir=tmp, database_url_setting=url, telegram_bot_token=api.token,
                            telegram_api_base_url=api.base_url, redis_url=redis)
        adapter = build_transport(transport, settings, rate_limit=False)
        identity = await adapter.start()
        core = ShopBot(settings, transport="telegram", encoder=None, nlu=FakeNLU(), search=None, qa=None,
                       bot_username=identity.username)
        await core.start()
        adapter.attach(core)
        await adapter.start_polling(poll_timeout=1)
        try:
            builder = Updates(api.bot_id, api.username)
            # check the mix: each item answers with exactly one message (else the counts below would lie)
            for i, (_label, kind, text) in enumerate(MIX):
                user = 10_000_000 + i
                upd = builder.command(user, text) if kind == "command" else builder.text(user, text)
                await api.push_update(upd)
                await api.wait_for("sendMessage", i + 1)
            await asyncio.sleep(0.2)
            assert len(api.calls_to("sendMessage")) == len(MIX), "a mix item replied with more than one message"
            warm = await _phase_throughput(api, builder, min(n, 500), 1)  # warm-up: users, caches, pools
            thr = await _phase_throughput(api, builder, n, 1)
            lat = await _phase_latency(api, builder, min(n, 2000), rate, 1)
            del warm
            return {"throughput": thr, "latency": lat}
        finally:
            await adapter.stop()
            await core.stop()

    async def floor(api: Any) -> dict[str, Any]:
        settings = Settings(data_dir=tmp, telegram_bot_token=api.token, telegram_api_base_url=api.base_url)
        echo = _Echo(transport, settings)
        await echo.start()
        try:
            builder = Updates(api.bot_id, api.username)
            await _phase_throughput(api, builder, min(n, 500), 1)
            thr = await _phase_throughput(api, builder, n, 1)
            lat = await _phase_latency(api, builder, min(n, 2000), rate, 1)
            return {"throughput": thr, "latency": lat}
        finally:
            await echo.stop()

    results["ours"] = await _with_server(ours)
    peak_ours_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["echo"] = await _with_server(floor)
    shutil.rmtree(tmp, ignore_errors=True)
    results["peak_rss_mb"] = peak_ours_mb
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--transport", choices=["ptb", "aiogram"], default="ptb")
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=250.0, help="paced rate for the latency phase (updates/s)")
    parser.add_argument("--database", default=None, help="store URL (default: a temporary SQLite file)")
    parser.add_argument("--redis", default=None,
                        help="REDIS_URL for conversation state and update dedup (default: in the database)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if args.redis:
        import redis as redis_sync

        redis_sync.Redis.from_url(args.redis).flushdb()  # a private db number, e.g. /14: fresh dedup keys
    r = asyncio.run(bench(args.transport, args.updates, args.rate, args.database, args.redis))
    store = ("SQLite store" if not args.database else "store " + args.database.split(":")[0]) + \
        (", state+dedup in Redis" if args.redis else ", state+dedup in the database")
    ours, echo = r["ours"], r["echo"]
    ratio = ours["throughput"].rate / echo["throughput"].rate if echo["throughput"].rate else 0.0
    print(f"End-to-end through {args.transport} against the local fake Bot API "
          f"({args.updates} updates; fake NLU, no encoder/search; rate limiter off; {store})")
    print(f"{'bot':<10}{'updates/s':>12}{'p50 ms':>10}{'p99 ms':>10}  (latency at {args.rate:.0f} updates/s)")
    for name, res in (("shopbot", ours), ("echo", echo)):
        lat = res["latency"]
        print(f"{name:<10}{res['throughput'].rate:>12.0f}{lat.pct(0.5):>10.1f}{lat.pct(0.99):>10.1f}")
    print(f"ratio to echo: {ratio:.2f}; peak RSS (process, incl. fake server): {r['peak_rss_mb']:.0f} MB")
    print(f"mix: {', '.join(label for label, _, _ in MIX)}")
    print(json.dumps({
        "bench": "e2e", "transport": args.transport, "updates": args.updates,
        "updates_per_s": round(ours["throughput"].rate, 1),
        "p50_ms": round(ours["latency"].pct(0.5), 2), "p99_ms": round(ours["latency"].pct(0.99), 2),
        "latency_rate": args.rate, "redis": bool(args.redis),
        "echo_updates_per_s": round(echo["throughput"].rate, 1),
        "echo_p50_ms": round(echo["latency"].pct(0.5), 2), "echo_p99_ms": round(echo["latency"].pct(0.99), 2),
        "ratio_to_echo": round(ratio, 3), "peak_rss_mb": round(r["peak_rss_mb"], 1),
        "mean_latency_ms": round(statistics.fmean(ours["latency"].latencies_ms), 2)
        if ours["latency"].latencies_ms else None,
    }))


if __name__ == "__main__":
    main()
