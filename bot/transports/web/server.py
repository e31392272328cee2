"""The local web chat (``shopbot web``, 127.0.0.1:8080): a page with a chat, clickable buttons and photos,
talking JSON to the same core every other transport uses.

Each browser gets a local shopper id in a cookie; conversation state lives in the store like Telegram users'.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.core.app import ShopBot
from bot.core.events import UserRef
from bot.transports.local_session import LocalSession

__all__ = ["build_web_app", "WEB_USER_BASE"]

log = logging.getLogger("shopbot.web")
STATIC = Path(__file__).parent / "static"
COOKIE = "shopbot_uid"
# Web shoppers get ids far above Telegram's range, so the two never collide in one store.
WEB_USER_BASE = 9_000_000_000_000


def _uid(request: web.Request) -> tuple[int, bool]:
    raw = request.cookies.get(COOKIE, "")
    if raw.isdigit() and int(raw) >= WEB_USER_BASE:
        return int(raw), False
    return WEB_USER_BASE + secrets.randbelow(10**12), True


def build_web_app(bot: ShopBot, media_dir: Path, language: str = "en") -> web.Application:
    sessions: dict[int, LocalSession] = {}

    def session_for(request: web.Request) -> tuple[LocalSession, bool]:
        uid, new = _uid(request)
        session = sessions.get(uid)
        if session is None:
            lang = request.headers.get("Accept-Language", language).split(",")[0] or language
            session = sessions[uid] = LocalSession(bot, UserRef(uid, first_name="Web shopper",
                                                                 language_code=lang))
        return session, new

    def respond(replies: list[dict[str, Any]], uid: int, new: bool) -> web.Response:
        response = web.json_response({"replies": replies})
        if new:
            response.set_cookie(COOKIE, str(uid), max_age=365 * 24 * 3600, httponly=True, samesite="Lax")
        return response

    async def index(_: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html")

    async def say(request: web.Request) -> web.Response:
        session, new = session_for(request)
        body = await _json(request)
        text = str(body.get("text", ""))[:4000]
        return respond(await session.say(text), session.user.id, new)

    async def press(request: web.Request) -> web.Response:
        session, new = session_for(request)
        body = await _json(request)
        return respond(await session.press(str(body.get("data", ""))[:64]), session.user.id, new)

    async def pay(request: web.Request) -> web.Response:
        session, new = session_for(request)
        body = await _json(request)
        invoice = body.get("invoice")
        if not isinstance(invoice, dict) or not {"payload", "total_amount", "currency"} <= invoice.keys():
            raise web.HTTPBadRequest(text="invoice with payload, total_amount and currency expected")
        return respond(await session.pay_test(invoice), session.user.id, new)

    app = web.Application(client_max_size=64 * 1024)
    app.add_routes([
        web.get("/", index),
        web.post("/api/say", say),
        web.post("/api/press", press),
        web.post("/api/pay", pay),
        web.static("/static", STATIC),
    ])
    if media_dir.exists():
        app.add_routes([web.static("/media", media_dir)])
    return app


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="JSON body expected") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="JSON object expected")
    return body
