"""A fake Telegram Bot API server over real HTTP, so both Telegram libraries run unmodified in tests.

WHY a server and not mocks: the libraries build URLs (``{root}/bot{token}/{method}``), encode parameters as
form fields or multipart uploads, parse result JSON into their own objects and long-poll ``getUpdates``. Only a
real HTTP peer exercises all of that. The server listens on 127.0.0.1 on a random port, answers one token,
RECORDS every call (method + decoded params + uploaded files) and returns realistic result JSON (Message
objects with ids). Anything it does not know is recorded too and answered 404, so a test sees it.

Test helpers: ``await api.push_update(update)`` queues an update for ``getUpdates``;
``await api.wait_for("sendMessage", count)`` waits (without sleeping blindly) until that many calls arrived;
``await api.wait_for_call(match, since=n)`` waits for the first answered call after index ``n`` that ``match``
accepts (its ``result`` is the Message the bot got back, whose message_id a button press names);
``await api.post_webhook(update, secret=...)`` delivers an update to the webhook the bot registered;
``api.fail_next(method, ...)`` makes the next call of a method fail (429 with retry_after, 400...);
``api.known_file_ids`` holds the photo file ids it issued (a photo sent by any other id is refused with 400, as
Telegram does; clear it to make the server "forget" them).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, web
from aiohttp.web_request import FileField

__all__ = ["ApiCall", "Upload", "FakeBotAPI", "DEFAULT_TOKEN"]

DEFAULT_TOKEN = "123456789:AAF-fake-token-for-tests_0123456789a"

# Parameters that are strings even when they look like JSON numbers ("123" as a message text stays text).
_STRING_PARAMS = frozenset({
    "text", "caption", "title", "description", "payload", "provider_token", "currency", "callback_query_id",
    "pre_checkout_query_id", "inline_query_id", "error_message", "url", "secret_token", "parse_mode",
    "start_parameter", "next_offset", "telegram_payment_charge_id", "file_id", "action", "photo_url",
    "inline_message_id", "language_code", "query", "drop_pending_updates_str",
})

_TERMINAL = {"sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "sendInvoice", "editMessageText",
             "editMessageReplyMarkup", "editMessageCaption"}


@dataclass(frozen=True)
class Upload:
    field: str
    filename: str
    size: int
    content: bytes = field(repr=False)


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    files: dict[str, Upload] = field(default_factory=dict)
    token_ok: bool = True
    at: float = field(default_factory=time.perf_counter)  # when the call arrived (the benchmark's clock)
    result: Any = None  # what the server answered (a sent Message has the message_id a button press names)

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


class _Failure:
    def __init__(self, error_code: int, description: str, retry_after: int | None) -> None:
        self.error_code, self.description, self.retry_after = error_code, description, retry_after


def _decode(name: str, value: str) -> Any:
    if name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeBotAPI:
    def __init__(self, token: str = DEFAULT_TOKEN, *, username: str = "shop_test_bot", bot_id: int | None = None,
                 max_poll_wait: float = 2.0) -> None:
        self.token = token
        self.username = username
        self.bot_id = bot_id if bot_id is not None else int(token.split(":", 1)[0])
        self.max_poll_wait = max_poll_wait
        self.calls: list[ApiCall] = []
        self.unknown: list[str] = []  # paths that were not a known method for our token
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._file_ids = itertools.count(1)
        self._files: dict[str, bytes] = {}
        self.known_file_ids: set[str] = set()  # photo ids this server issued (others are refused, as Telegram does)
        self._failures: dict[str, list[_Failure]] = {}
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._session: ClientSession | None = None
        self.port = 0
        self.record_updates_served = 0
        self.get_updates_calls = 0

    # -- lifecycle -------------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """The server root, as TELEGRAM_API_BASE_URL (libraries append /bot{token}/{method})."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Shop", "username": self.username}

    async def start(self) -> FakeBotAPI:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        app.router.add_route("*", "/{tail:.*}", self._other)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server  # noqa: SLF001 - aiohttp exposes the bound port only here
        assert server is not None and server.sockets
        self.port = int(server.sockets[0].getsockname()[1])
        return self

    async def close(self) -> None:
        async with self._changed:
            self._closing = True
            self._changed.notify_all()
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeBotAPI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    _closing = False

    # -- test helpers ----------------------------------------------------------------------------------------
    def next_update_id(self) -> int:
        return next(self._next_update_id)

    async def push_update(self, *updates: dict[str, Any]) -> None:
        async with self._changed:
            self._updates.extend(updates)
            self._changed.notify_all()

    @property
    def pending_updates(self) -> int:
        return len(self._updates)

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method]

    @property
    def methods(self) -> list[str]:
        return [c.method for c in self.calls]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[ApiCall]:
        """Wait until ``count`` calls of ``method`` arrived; raise TimeoutError listing what did arrive."""
        async def arrived() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.calls_to(method)) >= count or self._closing)

        try:
            await asyncio.wait_for(arrived(), timeout)
        except TimeoutError:
            raise TimeoutError(f"{method} x{count} not seen within {timeout}s; calls: {self.methods}") from None
        return self.calls_to(method)

    async def wait_for_call(self, match: Callable[[ApiCall], bool], *, since: int = 0,
                            timeout: float = 10.0) -> ApiCall:
        """Wait for the first call at index ``since`` or later that ``match`` accepts and the server answered
        successfully (so ``call.result`` holds the sent Message); raise TimeoutError listing what arrived."""
        def found() -> ApiCall | None:
            return next((c for c in self.calls[since:] if c.result is not None and match(c)), None)

        async def arrived() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: found() is not None or self._closing)

        try:
            await asyncio.wait_for(arrived(), timeout)
        except TimeoutError:
            seen = [(c.method, c.get("text") or c.get("caption") or "") for c in self.calls[since:]]
            raise TimeoutError(f"no matching call within {timeout}s; calls since {since}: {seen}") from None
        call = found()
        assert call is not None, "the server closed while waiting"
        return call

    async def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until every queued update was fetched by the bot (its next getUpdates confirmed them)."""
        async def drained() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: not self._updates or self._closing)

        await asyncio.wait_for(drained(), timeout)

    def fail_next(self, method: str, *, error_code: int = 429, description: str = "Too Many Requests",
                  retry_after: int | None = None, times: int = 1) -> None:
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if error_code == 429:
            description = f"Too Many Requests: retry after {retry_after}"
        self._failures.setdefault(method, []).extend(_Failure(error_code, description, retry_after)
                                                     for _ in range(times))

    async def post_webhook(self, update: dict[str, Any], *, secret: str | None = "<registered>",
                           url: str | None = None) -> int:
        """POST an update to the registered webhook like Telegram does; returns the HTTP status."""
        target = url or self.webhook_url
        assert target, "no webhook registered (setWebhook was not called)"
        headers = {"Content-Type": "application/json"}
        token = self.webhook_secret if secret == "<registered>" else secret
        if token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = token
        if self._session is None:
            self._session = ClientSession()
        async with self._session.post(target, data=json.dumps(update), headers=headers) as resp:
            await resp.read()
            return resp.status

    # -- HTTP ------------------------------------------------------------------------------------------------
    async def _other(self, request: web.Request) -> web.Response:
        self.unknown.append(request.path)
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            self.unknown.append(request.path)
            return web.Response(status=401)
        content = self._files.get(request.match_info["path"])
        return web.Response(body=content) if content is not None else web.Response(status=404)

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
        params: dict[str, Any] = {}
        files: dict[str, Upload] = {}
        if request.content_type == "application/json":
            body = await request.read()
            params = dict(json.loads(body)) if body else {}
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, FileField):
                    data = value.file.read()
                    files[key] = Upload(key, value.filename, len(data), data)
                else:
                    params[key] = _decode(key, str(value))
        params.update({k: _decode(k, v) for k, v in request.query.items() if k not in params})
        # attach://name references point at uploaded parts; record which upload a parameter used.
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://") and value[9:] in files:
                files[key] = files.pop(value[9:])
        return params, files

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await self._params(request)
        if request.match_info["token"] != self.token:
            self.unknown.append(request.path)
            self.calls.append(ApiCall(method, params, files, token_ok=False))
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        call = ApiCall(method, params, files)
        if method == "getUpdates":
            self.get_updates_calls += 1
        else:
            async with self._changed:
                self.calls.append(call)
                self._changed.notify_all()
        failures = self._failures.get(method)
        if failures:
            f = failures.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": f.error_code, "description": f.description}
            if f.retry_after is not None:
                body["parameters"] = {"retry_after": f.retry_after}
            return web.json_response(body, status=f.error_code)
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            self.unknown.append(request.path)
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found: method not found"},
                                     status=404)
        try:
            result = await handler(params, files)
        except _ApiError as exc:
            return web.json_response({"ok": False, "error_code": exc.code, "description": exc.description},
                                     status=exc.code)
        async with self._changed:
            call.result = result
            self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    # -- results ---------------------------------------------------------------------------------------------
    def _chat(self, chat_id: Any) -> dict[str, Any]:
        try:
            cid = int(chat_id)
        except (TypeError, ValueError):
            raise _ApiError(400, "Bad Request: chat not found") from None
        if cid > 0:
            return {"id": cid, "type": "private", "first_name": "Shopper"}
        return {"id": cid, "type": "supergroup", "title": "Shop group"}

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat = self._chat(params.get("chat_id"))
        counter = self._message_ids.setdefault(chat["id"], itertools.count(1000))
        message: dict[str, Any] = {"message_id": next(counter), "date": int(time.time()), "chat": chat,
                                   "from": self.bot_user}
        message.update({k: v for k, v in content.items() if v is not None})
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message

    def _photo_sizes(self, upload: Upload | None, ref: Any) -> list[dict[str, Any]]:
        if upload is None and isinstance(ref, str) and ref in self.known_file_ids:
            file_id = ref  # sent again by its id: Telegram answers with the same file
            return [{"file_id": file_id, "file_unique_id": "AQAD" + ref[-6:], "width": 320, "height": 320,
                     "file_size": 1024}]
        n = next(self._file_ids)
        file_id = f"AgACAgIAAxkBAAI{n:06d}"
        self.known_file_ids.add(file_id)
        if upload is not None:
            self._files[f"photos/file_{n}.jpg"] = upload.content
        return [{"file_id": file_id, "file_unique_id": f"AQAD{n:06d}", "width": 320, "height": 320,
                 "file_size": upload.size if upload else 1024}]

    async def _m_getme(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True}

    async def _m_getupdates(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        if self.webhook_url:
            raise _ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                 "use deleteWebhook to delete the webhook first")
        offset = int(p.get("offset") or 0)
        limit = max(1, min(int(p.get("limit") or 100), 100))
        timeout = min(float(p.get("timeout") or 0), self.max_poll_wait)
        async with self._changed:
            if offset:
                before = len(self._updates)
                self._updates = [u for u in self._updates if int(u.get("update_id", 0)) >= offset]
                if len(self._updates) != before:
                    self._changed.notify_all()
            if not self._updates and timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._updates) or self._closing),
                                           timeout)
            batch = self._updates[:limit]
        self.record_updates_served += len(batch)
        return batch

    async def _m_setwebhook(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        self.webhook_url = str(p["url"]) or None
        self.webhook_secret = p.get("secret_token")
        return True

    async def _m_deletewebhook(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        self.webhook_url = self.webhook_secret = None
        if str(p.get("drop_pending_updates")).lower() == "true":
            self._updates.clear()
        return True

    async def _m_getwebhookinfo(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        return {"url": self.webhook_url or "", "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    async def _m_setmycommands(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        self.commands[str(p.get("language_code") or "")] = list(p["commands"])
        return True

    async def _m_deletemycommands(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        self.commands.pop(str(p.get("language_code") or ""), None)
        return True

    async def _m_sendmessage(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        text = str(p.get("text", ""))
        if not text.strip():
            raise _ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise _ApiError(400, "Bad Request: message is too long")
        return self._message(p, text=text)

    def _check_photo_ref(self, ref: Any, upload: Upload | None) -> None:
        """A photo is an upload, an http(s) URL, or a file id this server issued; anything else is refused."""
        if upload is None and isinstance(ref, str) and not ref.startswith(("http://", "https://", "attach://")) \
                and ref not in self.known_file_ids:
            raise _ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    async def _m_sendphoto(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        if "photo" not in p and "photo" not in f:
            raise _ApiError(400, "Bad Request: there is no photo in the request")
        self._check_photo_ref(p.get("photo"), f.get("photo"))
        if len(str(p.get("caption", ""))) > 1024:
            raise _ApiError(400, "Bad Request: message caption is too long")
        return self._message(p, photo=self._photo_sizes(f.get("photo"), p.get("photo")), caption=p.get("caption"))

    async def _m_senddocument(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        upload, ref = f.get("document"), p.get("document")
        if upload is None and not (isinstance(ref, str) and ref):
            raise _ApiError(400, "Bad Request: there is no document in the request")
        if len(str(p.get("caption", ""))) > 1024:
            raise _ApiError(400, "Bad Request: message caption is too long")
        n = next(self._file_ids)
        if upload is not None:
            self._files[f"documents/file_{n}"] = upload.content
        name = upload.filename if upload is not None else str(ref).rsplit("/", 1)[-1]
        document = {"file_id": f"BQACAgIAAxkBAAI{n:06d}", "file_unique_id": f"AgAD{n:06d}", "file_name": name,
                    "file_size": upload.size if upload is not None else 1024}
        return self._message(p, document=document, caption=p.get("caption"))

    async def _m_sendmediagroup(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        media = p.get("media") or []
        if not 2 <= len(media) <= 10:
            raise _ApiError(400, "Bad Request: wrong number of media in the album")
        out = []
        for item in media:
            ref = str(item.get("media", ""))
            upload = f.get(ref[9:]) if ref.startswith("attach://") else None
            out.append(self._message(p, photo=self._photo_sizes(upload, ref), caption=item.get("caption"),
                                     media_group_id="13" + str(len(self.calls))))
        return out

    async def _m_sendinvoice(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        prices = p.get("prices") or []
        if p.get("currency") != "XTR" and not p.get("provider_token"):
            raise _ApiError(400, "Bad Request: PAYMENT_PROVIDER_INVALID")
        total = sum(int(x["amount"]) for x in prices)
        return self._message(p, invoice={"title": p.get("title"), "description": p.get("description"),
                                         "start_parameter": p.get("start_parameter", ""),
                                         "currency": p.get("currency"), "total_amount": total})

    async def _m_editmessagetext(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        if p.get("inline_message_id"):
            return True
        chat = self._chat(p.get("chat_id"))
        return {"message_id": int(p.get("message_id") or 0), "date": int(time.time()), "edit_date": int(time.time()),
                "chat": chat, "from": self.bot_user, "text": p.get("text", ""),
                **({"reply_markup": p["reply_markup"]} if isinstance(p.get("reply_markup"), dict) else {})}

    async def _m_editmessagereplymarkup(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        chat = self._chat(p.get("chat_id"))
        return {"message_id": int(p.get("message_id") or 0), "date": int(time.time()), "chat": chat,
                "from": self.bot_user, "text": "…"}

    async def _ok(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        return True

    _m_answercallbackquery = _ok
    _m_answerprecheckoutquery = _ok
    _m_answerinlinequery = _ok
    _m_refundstarpayment = _ok
    _m_sendchataction = _ok
    _m_deletemessage = _ok
    _m_close = _ok
    _m_logout = _ok

    async def _m_getfile(self, p: dict[str, Any], f: dict[str, Upload]) -> Any:
        file_id = str(p.get("file_id", ""))
        return {"file_id": file_id, "file_unique_id": "AQAD" + file_id[-6:], "file_size": 1024,
                "file_path": f"photos/{file_id}.jpg"}


class _ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description
