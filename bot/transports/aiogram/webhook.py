"""The webhook endpoint for the aiogram adapter: an aiohttp server that checks Telegram's secret token.

WHY our own handler rather than aiogram's SimpleRequestHandler: that one answers a wrong secret with 401; we
answer 403 like PTB and Telegram's docs, check the token in constant time on EVERY request, and hand the body to
the same tolerant ``feed`` polling uses. Updates are acknowledged at once and handled in the background (as
aiogram does), so a slow search never makes Telegram re-deliver; the core deduplicates anything re-sent.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

__all__ = ["WebhookServer", "SECRET_HEADER"]

log = logging.getLogger("shopbot.transports.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookServer:
    def __init__(self, feed: Callable[[dict[str, Any]], Coroutine[Any, Any, None]], secret: str) -> None:
        self.feed, self.secret = feed, secret
        self._runner: web.AppRunner | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    async def start(self, url: str, listen: str, port: int) -> None:
        path = urlsplit(url).path or "/"
        app = web.Application()
        app.router.add_post(path, self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, listen, port)
        await site.start()
        sockets = getattr(site._server, "sockets", None)  # noqa: SLF001 - the bound port (port 0 picks one)
        if sockets:
            self.port = int(sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not given or not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning("webhook request without the right secret token from %s", request.remote)
            return web.Response(status=403, text="Forbidden")
        try:
            update = json.loads(await request.read())
        except ValueError:
            return web.Response(status=400, text="Bad Request: not JSON")
        if not isinstance(update, dict):
            return web.Response(status=400, text="Bad Request: not an update")
        task: asyncio.Task[None] = asyncio.create_task(self.feed(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.Response(status=200)
