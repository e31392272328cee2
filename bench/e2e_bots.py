"""The bot side of the end-to-end benchmark, one fresh process per bot: shopbot as `shopbot run` builds it, or the
bare echo bot on the same library (the floor).

Both tell the load generator when an update is finished by writing ``(update_id, perf_counter())`` to a pipe
(a few microseconds, the same for both bots): for shopbot when the transport's bridge returned (every reply
delivered and answered by the Bot API), for the echo bot when its one reply was answered. What the process measures
about itself (SQL, event-loop lag) is in bench/e2e_probes.py.
"""

from __future__ import annotations

import asyncio
import cProfile
import logging
import os
import resource
import signal
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("PTB_TIMEDELTA", "true")

__all__ = ["bot_main", "rss_mb"]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _logging(path: str) -> None:
    """What `shopbot run` configures (INFO, the same format, httpx at WARNING), into a file instead of stderr."""
    handler = logging.FileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    logging.getLogger("httpx").setLevel(logging.WARNING)


class _Ours:
    def __init__(self, cfg: dict[str, Any], notify: Callable[[int], None]) -> None:
        self.cfg, self.notify = cfg, notify

    async def start(self) -> None:
        from bot.cli.run import build_transport
        from bot.core.app import ShopBot
        from bot.settings import Settings

        cfg = self.cfg
        settings = Settings(data_dir=cfg["data_dir"], database_url_setting=cfg["database_url"],
                            telegram_bot_token=cfg["token"], telegram_api_base_url=cfg["base_url"],
                            redis_url=cfg["redis_url"])
        self.adapter = build_transport(cfg["transport"], settings, rate_limit=False)
        identity = await self.adapter.start()
        options: dict[str, Any] = {}
        if cfg["fake_nlu"]:
            from tests.helpers.fake_nlu import FakeNLU

            options = {"encoder": None, "nlu": FakeNLU(), "search": None, "qa": None}
        # As serve_telegram (`shopbot run`) builds it, with the periodic jobs; only the rate limiter is off.
        self.core = ShopBot(settings, transport="telegram", bot_username=identity.username, jobs=True, **options)
        await self.core.start()
        self.adapter.attach(self.core)
        await self.adapter.set_commands()
        bridge = getattr(self.adapter, "bridge", None)
        assert bridge is not None
        handle = bridge.handle
        notify = self.notify

        async def timed(event: Any) -> None:
            try:
                await handle(event)
            finally:
                notify(event.update_id)

        bridge.handle = timed
        await self.adapter.start_polling()

    async def stop(self) -> None:
        await self.adapter.stop()
        await self.core.stop()


class _Echo:
    """The floor: the same library polling the same server, answering each message with its text."""

    def __init__(self, cfg: dict[str, Any], notify: Callable[[int], None]) -> None:
        self.cfg, self.notify = cfg, notify

    async def start(self) -> None:
        token, root, notify = self.cfg["token"], self.cfg["base_url"], self.notify
        if self.cfg["transport"] == "ptb":
            from telegram import Update
            from telegram.ext import ApplicationBuilder, MessageHandler, filters

            async def echo(update: Update, _: Any) -> None:
                assert update.message is not None
                try:
                    await update.message.reply_text(update.message.text or "?")
                finally:
                    notify(update.update_id)

            from bot.transports.ptb.aiohttp_request import AiohttpRequest

            # The same HTTP backend as shopbot's PTB adapter (aiohttp, not PTB's default httpx), so the floor is
            # what PTB allows with it.
            self.app = (ApplicationBuilder().token(token).base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
                        .request(AiohttpRequest()).get_updates_request(AiohttpRequest(connection_pool_size=1))
                        .concurrent_updates(64).build())
            self.app.add_handler(MessageHandler(filters.ALL, echo))
            await self.app.initialize()
            await self.app.start()
            assert self.app.updater is not None
            await self.app.updater.start_polling(timeout=timedelta(seconds=10))
        else:
            from aiogram import Bot, Dispatcher
            from aiogram.client.session.aiohttp import AiohttpSession
            from aiogram.client.telegram import TelegramAPIServer
            from aiogram.types import Message

            from bot.transports.aiogram.app import keep_response_type

            class Session(AiohttpSession):
                """The same work-around for aiogram's response-type churn as shopbot's adapter, so the floor is
                what the library allows, not a handicapped echo."""

                def check_response(self, bot: Any, method: Any, status_code: int, content: str) -> Any:
                    keep_response_type(method)
                    return super().check_response(bot, method, status_code, content)

            self.bot = Bot(token, session=Session(api=TelegramAPIServer.from_base(root)))
            self.dp = Dispatcher()

            async def aecho(message: Message, event_update: Any) -> None:
                try:
                    await message.answer(message.text or "?")
                finally:
                    notify(event_update.update_id)

            self.dp.message.register(aecho)
            await self.bot.delete_webhook()
            self.task = asyncio.create_task(self.dp.start_polling(
                self.bot, polling_timeout=10, handle_signals=False, close_bot_session=False,
                tasks_concurrency_limit=64))

    async def stop(self) -> None:
        if self.cfg["transport"] == "ptb":
            assert self.app.updater is not None
            await self.app.updater.stop()
            await self.app.stop()
            await self.app.shutdown()
        else:
            await self.dp.stop_polling()
            await self.task
            await self.bot.session.close()


async def _run(ctl: Any, done: Any, cfg: dict[str, Any]) -> None:
    from bench.e2e_probes import LoopLag, SqlProfile
    from bench.e2e_server import DONE
    from bench.e2e_tasks import dump_tasks

    pack, perf, send = DONE.pack, time.perf_counter, done.send_bytes

    def notify(update_id: int) -> None:
        send(pack(update_id, perf()))

    _logging(cfg["log_file"])
    started = time.perf_counter()
    bot: _Ours | _Echo = _Ours(cfg, notify) if cfg["kind"] == "ours" else _Echo(cfg, notify)
    await bot.start()
    if isinstance(bot, _Echo):  # the garbage-collector settings ShopBot.start applies, so the floor is not handicapped
        import gc  # by full collections walking the library's objects

        from bot.core.app import GC_YOUNG

        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
    ctl.send({"startup_s": time.perf_counter() - started, "rss_mb": rss_mb(), "pid": os.getpid()})
    profile: cProfile.Profile | None = None
    lag = LoopLag()
    lag_task = asyncio.create_task(lag.run())
    # `kill -USR1 <bot pid>` writes every task's await chain to <log file>.tasks: what the handlers wait on.
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, dump_tasks, cfg["log_file"] + ".tasks")
    sql = SqlProfile(bot.core._engine) if cfg.get("sql_profile") and isinstance(bot, _Ours) else None  # noqa: SLF001
    if cfg.get("loop_debug"):
        loop = asyncio.get_running_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = 0.05
        logging.getLogger("asyncio").setLevel(logging.WARNING)
    while True:
        msg = await asyncio.to_thread(ctl.recv)
        if msg == "lag_reset":
            lag.read()
            ctl.send("ok")
        elif msg == "lag_read":
            ctl.send(lag.read())
        elif msg == "profile_start":
            profile = cProfile.Profile()
            profile.enable()
            ctl.send("ok")
        elif msg == "profile_stop":
            assert profile is not None
            profile.disable()
            profile.dump_stats(cfg["profile_file"])
            ctl.send("ok")
        else:
            break
    lag_task.cancel()
    await bot.stop()
    with open(cfg["log_file"], "rb") as f:
        log_lines = sum(1 for _ in f)
    ctl.send({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "log_lines": log_lines,
              "sql": dict(sql.stats) if sql is not None else None,
              "sql_holds": dict(sql.holds) if sql is not None else None})


def bot_main(ctl: Any, done: Any, cfg: dict[str, Any]) -> None:
    """Process entry point: start the bot, report ready, serve until the orchestrator says stop."""
    asyncio.run(_run(ctl, done, cfg))
