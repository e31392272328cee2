"""python-telegram-bot's networking on aiohttp: a ``BaseRequest`` backend, PTB's documented extension point.

WHY: PTB's default backend is httpx, and in the end-to-end benchmark httpx was most of PTB's cost per update
(building, sending and reading one small request took several times what aiohttp needs for the same request;
aiogram, on aiohttp, ran its echo bot several times faster than PTB's). aiohttp is already a dependency (aiogram,
the web chat and the webhook servers use it). Everything above the wire -- parameters, uploads, error codes,
RetryAfter, timeouts -- is still PTB's: this class only moves bytes, like ``HTTPXRequest``, and maps failures to
PTB's ``TimedOut`` / ``NetworkError`` the same way.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

__all__ = ["AiohttpRequest"]


def _value(given: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(given, DefaultValue) else given


class AiohttpRequest(BaseRequest):
    """Same defaults as ``HTTPXRequest``: 256 connections (1 for getUpdates, set by the caller), 5 s connect,
    read and write timeouts, 1 s to get a connection from the pool, 20 s to write an upload."""

    def __init__(self, connection_pool_size: int = 256, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0) -> None:
        self._pool_size = connection_pool_size
        self._read, self._write, self._connect = read_timeout, write_timeout, connect_timeout
        self._pool, self._media_write = pool_timeout, media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size), headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        fields = request_data.json_parameters if request_data else None
        read = _value(read_timeout, self._read)
        write = _value(write_timeout, self._media_write if files else self._write)
        connect, pool = _value(connect_timeout, self._connect), _value(pool_timeout, self._pool)
        # aiohttp has no separate write timeout: the whole request is bounded by the sum of the four, as
        # httpx would bound each phase; a stalled read is caught by sock_read on its own.
        parts = (read, write, connect, pool)
        total = sum(p for p in parts if p is not None) if all(p is not None for p in parts) else None
        timeout = aiohttp.ClientTimeout(total=total, sock_read=read, sock_connect=connect,
                                        connect=(connect or 0) + (pool or 0) if connect is not None else None)
        body: Any = fields or None
        if files:
            form = aiohttp.FormData()
            for name, value in (fields or {}).items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            body = form
        try:
            async with session.request(method, url, data=body, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {err}") from err
