"""The aiogram adapter: a ``Bot`` on TELEGRAM_API_BASE_URL and a Dispatcher whose router hands updates to the
bridge.

``TelegramAPIServer.from_base(root)`` makes aiogram call ``{root}/bot{token}/{method}`` (and
``{root}/file/bot{token}/{path}``), so every call, start-up ones included, goes to that one root. Our outgoing
limiter is a session middleware; a session subclass keeps one malformed update from wedging polling.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import ClientDecodeError, TelegramRetryAfter
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import BotCommand, Update

from bot.settings import Settings
from bot.transports.aiogram.render import AiogramCalls
from bot.transports.aiogram.webhook import WebhookServer
from bot.transports.base import ALLOWED_UPDATES, BotIdentity, api_root
from bot.transports.bridge import Bridge, Core
from bot.transports.commands import BOT_COMMANDS, COMMAND_LANGUAGES
from bot.transports.errors import ConfigurationError
from bot.transports.outbox import Outbox
from bot.transports.rate_limit import OutgoingLimiter
from bot.transports.update_translation import to_event

__all__ = ["AiogramTransport", "AiogramRateLimit", "aiogram_retry_after", "keep_response_type"]

log = logging.getLogger("shopbot.transports.aiogram")


def aiogram_retry_after(exc: BaseException) -> float | None:
    return float(exc.retry_after) if isinstance(exc, TelegramRetryAfter) else None


class AiogramRateLimit(BaseRequestMiddleware):
    """aiogram's request-middleware hook around the shared ``OutgoingLimiter``."""

    def __init__(self, limiter: OutgoingLimiter) -> None:
        self.limiter = limiter

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        chat_id = getattr(method, "chat_id", None)
        return await self.limiter.run(method.__api_method__, chat_id if isinstance(chat_id, int | str) else None,
                                      lambda: make_request(bot, method), aiogram_retry_after)


_RESPONSE_TYPES: dict[Any, Any] = {}


def keep_response_type(method: TelegramMethod[Any]) -> None:
    """Hold a strong reference to ``Response[<what the method returns>]``.

    WHY: aiogram's ``check_response`` asks for ``Response[method.__returning__]`` on every call; pydantic
    caches parametrised models only weakly, so each full garbage collection frees them and the next call
    rebuilds the model class and its validator (5-15 ms of CPU each time; measured ~1 ms per update over the
    end-to-end benchmark's mix). With a reference kept, each is built once per process.
    """
    returning = method.__returning__
    if returning not in _RESPONSE_TYPES:
        _RESPONSE_TYPES[returning] = Response[returning]  # type: ignore[valid-type]


class _TolerantSession(AiohttpSession):
    """A getUpdates batch with one unreadable update would fail validation as a whole, and aiogram would
    re-fetch the same batch forever; each unreadable update becomes its bare ``update_id`` instead (the batch
    is parsed once when it is clean, and sanitised only when that failed)."""

    def check_response(self, bot: Bot, method: TelegramMethod[TelegramType], status_code: int,
                       content: str) -> Response[TelegramType]:
        keep_response_type(method)
        updates = isinstance(method, GetUpdates)  # (not narrowed: the call below keeps the generic type)
        if updates:
            try:
                return super().check_response(bot, method, status_code, content)
            except ClientDecodeError:
                content = _sanitize_updates(bot, content)
        return super().check_response(bot, method, status_code, content)


def _sanitize_updates(bot: Bot, content: str) -> str:
    try:
        data = json.loads(content)
        items = data.get("result") if isinstance(data, dict) else None
        if not isinstance(items, list):
            return content
    except ValueError:
        return content
    clean: list[Any] = []
    for item in items:
        try:
            Update.model_validate(item, context={"bot": bot})
            clean.append(item)
        except Exception:
            log.error("dropping malformed update %r", item)
            uid = item.get("update_id") if isinstance(item, dict) else None
            if isinstance(uid, int):
                clean.append({"update_id": uid})
    data["result"] = clean
    return json.dumps(data)


class AiogramTransport:
    name = "aiogram"

    def __init__(self, settings: Settings, *, limiter: OutgoingLimiter | None = None,
                 concurrency: int = 64) -> None:
        if settings.telegram_bot_token is None:
            raise ConfigurationError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
        self.settings, self.concurrency = settings, concurrency
        session = _TolerantSession(api=TelegramAPIServer.from_base(api_root(settings.telegram_api_base_url)))
        if limiter is not None and limiter.enabled:
            session.middleware(AiogramRateLimit(limiter))
        self.bot = Bot(settings.telegram_bot_token.get_secret_value(), session=session)
        self.dispatcher = Dispatcher()
        # aiogram logs every update at INFO ("Update id=… is handled. Duration …"): one line per message, which
        # neither transport needs (errors are logged with their correlation id by the bridge) and the e2e bench
        # paid in log writes. Its warnings and errors still show, and a level set for it on purpose is kept.
        if logging.getLogger("aiogram.event").level == logging.NOTSET:
            logging.getLogger("aiogram.event").setLevel(logging.WARNING)
        self.router = Router(name="shopbot")
        for observer in (self.router.message, self.router.callback_query, self.router.inline_query,
                         self.router.pre_checkout_query):
            observer.register(self._on_update)
        self.dispatcher.include_router(self.router)
        self.identity: BotIdentity | None = None
        self.bridge: Bridge | None = None
        self._polling: asyncio.Task[None] | None = None
        self._webhook: WebhookServer | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> BotIdentity:
        me = await self.bot.me()  # getMe
        self.identity = BotIdentity(id=me.id, username=me.username or "")
        return self.identity

    def attach(self, core: Core) -> None:
        provider = self.settings.telegram_payment_provider_token
        outbox = Outbox(AiogramCalls(self.bot), self.settings.media_dir,
                        provider.get_secret_value() if provider else "")
        self.bridge = Bridge(core, outbox)

    async def set_commands(self) -> None:
        for language, column in COMMAND_LANGUAGES.items():
            commands = [BotCommand(command=row[0], description=row[column]) for row in BOT_COMMANDS]
            await self.bot.set_my_commands(commands=commands, language_code=language)

    async def start_polling(self, poll_timeout: float = 10.0) -> None:
        await self.bot.delete_webhook(drop_pending_updates=False)
        self._polling = asyncio.create_task(self.dispatcher.start_polling(
            self.bot, polling_timeout=max(1, int(poll_timeout)), handle_signals=False, close_bot_session=False,
            allowed_updates=ALLOWED_UPDATES, tasks_concurrency_limit=self.concurrency))

    async def start_webhook(self, url: str, listen: str, port: int, secret: str) -> None:
        if not secret:
            raise ConfigurationError("SHOPBOT_WEBHOOK_SECRET is required in webhook mode")
        self._webhook = WebhookServer(self.feed, secret)
        await self._webhook.start(url, listen, port)
        await self.bot.set_webhook(url=url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)

    async def stop(self) -> None:
        if self._polling is not None:
            if self.dispatcher._running_lock.locked():  # noqa: SLF001 - stop_polling raises if not running
                await self.dispatcher.stop_polling()
            try:
                await asyncio.wait_for(self._polling, 15)
            except (TimeoutError, asyncio.CancelledError):
                self._polling.cancel()
            self._polling = None
        if self._webhook is not None:
            await self._webhook.stop()
            self._webhook = None
        await self.bot.session.close()

    # -- updates ---------------------------------------------------------------------------------------------
    async def feed(self, update: dict[str, Any]) -> None:
        try:
            parsed = Update.model_validate(update, context={"bot": self.bot})
        except Exception:
            log.error("malformed update dropped: %r", update, exc_info=True)
            if self.bridge is not None:
                await self.bridge.answer_unreadable(update)
            return
        try:
            await self.dispatcher.feed_update(self.bot, parsed)
        except Exception:
            log.exception("update %s failed", parsed.update_id)

    async def _on_update(self, _: object, event_update: Update) -> None:
        if self.bridge is None or self.identity is None:
            log.warning("update %s before the core was attached; dropped", event_update.update_id)
            return
        try:
            event = to_event(event_update, self.identity.username, self.identity.id)
        except Exception:
            log.exception("could not translate update %s", event_update.update_id)
            event = None
        if event is None:
            if event_update.callback_query is not None:
                await self.bridge.answer_unreadable_callback(event_update.callback_query.id)
            return
        await self.bridge.handle(event)
