"""The application and its one lifecycle (like python-telegram-bot's ``Application``).

``async with ShopBot(settings) as bot:`` opens the database (refusing an unmigrated one), the encoder, the NLU
model and the search and Q&A indexes in start-up hooks, never at import; ``bot.handle(event)`` is what every
transport calls. Tests pass their own components (a fake NLU, a small index) by keyword.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
from types import TracebackType
from typing import Any, Self

from bot.core.callbacks import CallbackCodec
from bot.core.dispatcher import Dispatcher
from bot.core.events import Event
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.state import DatabaseStateStore, DatabaseUpdateLog, RedisStateStore, RedisUpdateLog
from bot.settings import Settings
from store.db import create_engine, session_factory
from store.migrate import ensure_migrated
from store.uow import UnitOfWorkFactory

__all__ = ["ShopBot"]

log = logging.getLogger("shopbot.app")
GC_YOUNG = 10_000
_DEFAULT = object()


class ShopBot:
    def __init__(self, settings: Settings, *, transport: str = "core", encoder: Any = _DEFAULT,
                 nlu: Any = _DEFAULT, search: Any = _DEFAULT, qa: Any = _DEFAULT,
                 bot_username: str = "shopbot", router: Any = None, jobs: bool = False) -> None:
        self.settings, self.transport, self.bot_username = settings, transport, bot_username
        self._run_jobs = jobs  # periodic jobs (bot.core.jobs): on for `shopbot run/web/chat`, off in tests
        self._jobs: Any = None
        self._router = router  # tests: a Router composed with extra handlers (defaults to build_router())
        self._given = {"encoder": encoder, "nlu": nlu, "search": search, "qa": qa}
        self._engine: Any = None
        self._redis: Any = None
        self._opened: dict[str, Any] = {}  # components start() opened that stop() must stop (search, Q&A)
        self.services: Services | None = None
        self.dispatcher: Dispatcher | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> None:
        """Open everything; when any step fails (an unmigrated database, a broken model), close what was opened
        before re-raising: ``async with`` never calls ``stop()`` when ``start()`` raised."""
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise

    async def _start(self) -> None:
        settings = self.settings
        from knowledge.blas import serve_single_threaded

        serve_single_threaded()  # a message's matrix products are small: one BLAS thread (knowledge/blas.py)
        self._engine = create_engine(settings.database_url)
        await ensure_migrated(self._engine)
        uows = UnitOfWorkFactory(session_factory(self._engine))
        if settings.redis_url:
            import redis.asyncio as aioredis

            self._redis = aioredis.from_url(settings.redis_url)
            states: Any = RedisStateStore(self._redis)
            updates: Any = RedisUpdateLog(self._redis)
        else:
            states, updates = DatabaseStateStore(uows), DatabaseUpdateLog(uows)
        encoder = await self._component("encoder", lambda: self._load_encoder())
        nlu = await self._component("nlu", lambda: self._load_nlu(encoder, uows))
        search = self._opened["search"] = await self._component("search", lambda: self._load_search(encoder, uows))
        qa = self._opened["qa"] = await self._component("qa", lambda: self._load_qa(encoder, uows))
        self.services = Services(settings=settings, uows=uows, states=states, updates=updates, nlu=nlu,
                                 encoder=encoder, search=search, qa=qa, bot_username=self.bot_username)
        uows.subscribe(self.services.on_store_events)
        from bot.core.skills.registry import build_router

        secret = (settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token
                  else str(settings.data_dir.resolve()))
        codec = CallbackCodec(hashlib.sha256(f"callbacks|{secret}".encode()).digest())
        router = self._router or build_router()
        self.dispatcher = Dispatcher(self.services, router, codec, transport=self.transport)
        # Models, indexes and catalogue documents loaded above live as long as the process: move them out of
        # the garbage collector's view so a full collection does not walk them mid-conversation. Each update
        # allocates thousands of short-lived objects (library models, ORM rows, replies): a young generation of
        # 10,000 instead of 700 lets most of them die before any collection looks at them (bench.e2e, aiogram:
        # GC time per update fell from ~0.14 to ~0.02 ms, about 6% of a transport + core update).
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
        if self._run_jobs:
            from bot.core.jobs import JobRunner

            self._jobs = JobRunner(self.services)
            self._jobs.start()

    async def stop(self) -> None:
        if self._jobs is not None:
            await self._jobs.stop()
            self._jobs = None
        opened, self._opened = self._opened, {}
        for name in ("search", "qa"):
            stop = getattr(opened.get(name), "stop", None)
            if callable(stop):
                await stop()
        if self._redis is not None:
            await self._redis.aclose()
            self._redis = None
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, et: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.stop()

    async def handle(self, event: Event) -> list[Reply]:
        assert self.dispatcher is not None, "call start() (or use `async with`) first"
        return await self.dispatcher.handle(event)

    # -- components ------------------------------------------------------------------------------------------
    async def _component(self, name: str, build: Any) -> Any:
        given = self._given[name]
        if given is not _DEFAULT:
            return given
        return await build()

    async def _load_encoder(self) -> Any:
        from knowledge.encoders.registry import load_encoder, warm_up

        encoder = load_encoder(self.settings.embedding_model, self.settings.index_dir / "embeddings")
        await asyncio.to_thread(warm_up, encoder)
        return encoder

    async def _load_nlu(self, encoder: Any, uows: UnitOfWorkFactory) -> Any:
        from bot.core.nlu_setup import load_nlu

        return await load_nlu(self.settings, encoder, uows)

    async def _load_search(self, encoder: Any, uows: UnitOfWorkFactory) -> Any:
        from bot.core.knowledge_setup import start_search

        return await start_search(self.settings, encoder, uows)

    async def _load_qa(self, encoder: Any, uows: UnitOfWorkFactory) -> Any:
        from bot.core.knowledge_setup import start_qa

        return await start_qa(self.settings, encoder, uows)
