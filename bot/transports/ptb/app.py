"""The python-telegram-bot adapter: an ``Application`` whose one handler hands every update to the bridge.

The Bot API server comes from ONE setting, TELEGRAM_API_BASE_URL: ``.base_url(f"{root}/bot")`` and
``.base_file_url(f"{root}/file/bot")``, so PTB appends ``{token}/{method}`` exactly as Telegram expects and
every call (getMe, deleteWebhook, setMyCommands, getUpdates, sends) goes to that root and nowhere else.
Updates are processed concurrently (the bridge keeps each conversation in order); our outgoing limiter plugs in
as PTB's ``BaseRateLimiter``; the HTTP calls go through aiohttp (``AiohttpRequest``) instead of httpx.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import BotCommand, Update
from telegram.error import RetryAfter
from telegram.ext import Application, ApplicationBuilder, BaseRateLimiter, ContextTypes, TypeHandler
from telegram.request import RequestData
from telegram.warnings import PTBDeprecationWarning

from bot.settings import Settings
from bot.transports.base import ALLOWED_UPDATES, BotIdentity, api_root
from bot.transports.bridge import Bridge, Core
from bot.transports.commands import BOT_COMMANDS, COMMAND_LANGUAGES
from bot.transports.errors import ConfigurationError
from bot.transports.outbox import Outbox
from bot.transports.ptb.aiohttp_request import AiohttpRequest
from bot.transports.ptb.render import PtbCalls
from bot.transports.ptb.webhook import start_webhook
from bot.transports.rate_limit import OutgoingLimiter
from bot.transports.update_translation import to_event

__all__ = ["PtbTransport", "PtbRateLimiter", "ptb_retry_after"]

log = logging.getLogger("shopbot.transports.ptb")

# PTB v22 is moving time periods from int seconds to timedelta and warns on every int (even inside its own
# RetryAfter); opting in to the documented future behaviour silences that, and our code reads both.
os.environ.setdefault("PTB_TIMEDELTA", "true")


def ptb_retry_after(exc: BaseException) -> float | None:
    if not isinstance(exc, RetryAfter):
        return None
    with warnings.catch_warnings():  # v22 warns about int vs timedelta; we accept both
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class PtbRateLimiter(BaseRateLimiter[None]):
    """PTB's rate-limiter hook around the shared ``OutgoingLimiter``."""

    def __init__(self, limiter: OutgoingLimiter) -> None:
        self.limiter = limiter

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[
            dict[str, Any]]]], args: Any, kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
            rate_limit_args: None) -> bool | dict[str, Any] | list[dict[str, Any]]:
        return await self.limiter.run(endpoint, data.get("chat_id"), lambda: callback(*args, **kwargs),
                                      ptb_retry_after)


class _TolerantUpdatesRequest(AiohttpRequest):
    """getUpdates with one malformed update must not wedge polling: PTB would fail to parse the whole batch,
    never advance the offset and fetch the same poison batch forever. Each unreadable update is replaced by
    its bare ``update_id`` (which the adapter ignores), so the offset moves on.

    WHY only on a repeat: checking every update here parsed each one twice. A batch PTB parsed moves the
    offset on; the same offset asked for again right after a non-empty answer means PTB could not parse that
    batch, and only then is it cleaned (one extra poll per poison batch, none on the happy path)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._last: tuple[object, bool] | None = None  # (offset asked for, the answer had updates)

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, payload = await super().do_request(url, method, request_data, *args, **kwargs)
        if not url.endswith("/getUpdates") or status != 200:
            return status, payload
        offset = request_data.parameters.get("offset") if request_data is not None else None
        repeat = self._last == (offset, True)
        self._last = (offset, b'"update_id"' in payload)
        return (status, _clean_updates(payload)) if repeat else (status, payload)


def _clean_updates(payload: bytes) -> bytes:
    try:
        body = json.loads(payload)
        items = body.get("result") if isinstance(body, dict) else None
    except ValueError:
        return payload
    if not isinstance(items, list):
        return payload
    clean: list[Any] = []
    for item in items:
        try:
            Update.de_json(dict(item), None)
            clean.append(item)
        except Exception:
            uid = item.get("update_id") if isinstance(item, dict) else None
            log.error("dropping malformed update %r", item)
            if isinstance(uid, int):
                clean.append({"update_id": uid})
    body["result"] = clean
    return json.dumps(body).encode()


class PtbTransport:
    name = "ptb"

    def __init__(self, settings: Settings, *, limiter: OutgoingLimiter | None = None,
                 concurrency: int = 64) -> None:
        if settings.telegram_bot_token is None:
            raise ConfigurationError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
        self.settings = settings
        root = api_root(settings.telegram_api_base_url)
        self._requests = (AiohttpRequest(), _TolerantUpdatesRequest(connection_pool_size=1))
        builder = (ApplicationBuilder()
                   .token(settings.telegram_bot_token.get_secret_value())
                   .base_url(f"{root}/bot")
                   .base_file_url(f"{root}/file/bot")
                   .request(self._requests[0])
                   .get_updates_request(self._requests[1])
                   .concurrent_updates(concurrency))
        if limiter is not None and limiter.enabled:
            builder = builder.rate_limiter(PtbRateLimiter(limiter))
        self.app: Application[Any, Any, Any, Any, Any, Any] = builder.build()
        self.app.add_handler(TypeHandler(Update, self._on_update))
        self.app.add_error_handler(self._on_error)
        self.identity: BotIdentity | None = None
        self.bridge: Bridge | None = None
        self._started = False

    # -- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> BotIdentity:
        await self.app.initialize()  # getMe
        me = self.app.bot
        self.identity = BotIdentity(id=me.id, username=me.username)
        return self.identity

    def attach(self, core: Core) -> None:
        provider = self.settings.telegram_payment_provider_token
        outbox = Outbox(PtbCalls(self.app.bot), self.settings.media_dir,
                        provider.get_secret_value() if provider else "")
        self.bridge = Bridge(core, outbox)

    async def set_commands(self) -> None:
        for language, column in COMMAND_LANGUAGES.items():
            commands = [BotCommand(row[0], row[column]) for row in BOT_COMMANDS]
            await self.app.bot.set_my_commands(commands, language_code=language)

    async def start_polling(self, poll_timeout: float = 10.0) -> None:
        await self._start_app()
        assert self.app.updater is not None
        await self.app.updater.start_polling(timeout=timedelta(seconds=poll_timeout),
                                             allowed_updates=ALLOWED_UPDATES)  # deleteWebhook first

    async def start_webhook(self, url: str, listen: str, port: int, secret: str) -> None:
        if not secret:
            raise ConfigurationError("SHOPBOT_WEBHOOK_SECRET is required in webhook mode")
        await self._start_app()
        assert self.app.updater is not None
        await start_webhook(self.app.updater, url, listen, port, secret)

    async def _start_app(self) -> None:
        if not self._started:
            await self.app.start()
            self._started = True

    async def stop(self) -> None:
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self._started:
            await self.app.stop()
            self._started = False
        await self.app.shutdown()
        for request in self._requests:  # also when start-up failed half-way (PTB then skips its own shutdown)
            await request.shutdown()

    # -- updates ---------------------------------------------------------------------------------------------
    async def feed(self, update: dict[str, Any]) -> None:
        try:
            parsed = Update.de_json(update, self.app.bot)
        except Exception:
            log.error("malformed update dropped: %r", update, exc_info=True)
            if self.bridge is not None:
                await self.bridge.answer_unreadable(update)
            return
        await self.app.process_update(parsed)

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self.bridge is None or self.identity is None:
            log.warning("update %s before the core was attached; dropped", update.update_id)
            return
        try:
            event = to_event(update, self.identity.username, self.identity.id)
        except Exception:
            log.exception("could not translate update %s", update.update_id)
            event = None
        if event is None:
            if update.callback_query is not None:
                await self.bridge.answer_unreadable_callback(update.callback_query.id)
            return
        await self.bridge.handle(event)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("unhandled error for update %r", update, exc_info=context.error)
