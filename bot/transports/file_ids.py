"""Telegram file ids of the local images this bot has uploaded, so a product photo is uploaded once, not with
every search result that shows it.

WHY: Telegram answers an upload with a ``file_id`` that the same bot may send again instead of the bytes (the
Bot API's documented way to resend a file). Product cards show the same catalogue images over and over; sending
them by id saves the upload (bandwidth, Telegram-side processing, our multipart encoding) on every card after
the first. The cache is per process (each worker learns its own ids; any of them is valid for the bot), keyed by
the file's path, modification time and size, so a replaced image is uploaded afresh, and bounded. An id Telegram
refuses (``MediaRejected``) is forgotten and the file uploaded again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from bot.transports.render import MediaRef

__all__ = ["FileIds"]


class FileIds:
    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._ids: OrderedDict[tuple[str, tuple[int, int] | None], str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._ids)

    @staticmethod
    def _key(media: MediaRef) -> tuple[str, tuple[int, int] | None] | None:
        return (str(media.path), media.stamp) if media.path is not None else None

    def lookup(self, media: MediaRef) -> MediaRef:
        """The same media, to be sent by its file id when this file was uploaded before."""
        key = self._key(media)
        file_id = self._ids.get(key) if key is not None else None
        if file_id is None:
            return media
        self._ids.move_to_end(key)  # type: ignore[arg-type]
        return replace(media, file_id=file_id)

    def remember(self, media: MediaRef, file_id: str | None) -> None:
        key = self._key(media)
        if key is None or not file_id or media.file_id is not None:
            return
        self._ids[key] = file_id
        self._ids.move_to_end(key)
        while len(self._ids) > self.limit:
            self._ids.popitem(last=False)

    def forget(self, media: MediaRef) -> None:
        key = self._key(media)
        if key is not None:
            self._ids.pop(key, None)
