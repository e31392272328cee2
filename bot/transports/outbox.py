"""Neutral replies -> Telegram calls, once for both libraries.

WHY shared: which calls a reply becomes (a long text is several messages, an oversized caption spills into a
follow-up, an album with buttons needs a message to carry them, an invoice keyboard must start with Pay, a
failed edit becomes a new message) is Telegram's protocol, not a library's. Each adapter implements the small
``BotCalls`` protocol with its library; ``Outbox.deliver`` decides what to call.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.core.events import ButtonPress, Event, InlineQuery, PreCheckout, TextMessage
from bot.core.replies import (
    Album,
    CallbackAnswer,
    Document,
    Edit,
    InlineAnswer,
    InlineResult,
    Invoice,
    Notify,
    Photo,
    PreCheckoutAnswer,
    Reply,
    Text,
)
from bot.transports.errors import EditFailed, MediaNotFound, MediaRejected
from bot.transports.file_ids import FileIds
from bot.transports.render import (
    ButtonSpec,
    MediaRef,
    caption_parts,
    keyboard_rows,
    resolve_media,
    split_html,
    truncate,
)
from bot.transports.texts import transport_text

__all__ = ["BotCalls", "Rows", "AlbumItem", "Outbox", "Delivery", "Sent"]

log = logging.getLogger("shopbot.transports.outbox")

Rows = list[list[ButtonSpec]]


@dataclass(frozen=True)
class Sent:
    message_id: int
    file_id: str | None = None  # of the photo, when a photo was sent: Telegram's id to send it again by


@dataclass(frozen=True)
class AlbumItem:
    media: MediaRef
    caption: str = ""


class BotCalls(Protocol):
    """The Bot API calls the outbox needs; each adapter implements them with its library (HTML parse mode)."""

    async def send_text(self, chat_id: int, html: str, rows: Rows | None, reply_to: int | None) -> int: ...
    async def send_photo(self, chat_id: int, media: MediaRef, caption: str, rows: Rows | None,
                         reply_to: int | None) -> Sent:
        """Raise MediaRejected when Telegram refuses ``media.file_id``."""
    async def send_album(self, chat_id: int, items: Sequence[AlbumItem], reply_to: int | None) -> None: ...
    async def send_document(self, chat_id: int, media: MediaRef, filename: str, caption: str, rows: Rows | None,
                            reply_to: int | None) -> int: ...
    async def send_invoice(self, chat_id: int, invoice: Invoice, provider_token: str, rows: Rows | None) -> int: ...
    async def edit_text(self, chat_id: int, message_id: int, html: str, rows: Rows | None) -> None:
        """Raise EditFailed when Telegram refuses (too old, deleted); "not modified" is success."""
    async def answer_callback(self, callback_id: str, text: str, alert: bool) -> None: ...
    async def answer_pre_checkout(self, query_id: str, ok: bool, error_message: str | None) -> None: ...
    async def answer_inline(self, query_id: str, results: Sequence[InlineResult], next_offset: str,
                            open_label: str) -> None: ...


@dataclass
class Delivery:
    """What happened to one event's replies: the query answers the bridge must guarantee."""

    callback_answered: bool = False
    pre_checkout_answered: bool = False


class Outbox:
    def __init__(self, calls: BotCalls, media_dir: Path, provider_token: str = "") -> None:
        self.calls, self.media_dir, self.provider_token = calls, media_dir, provider_token
        self.file_ids = FileIds()

    async def deliver(self, event: Event, replies: Sequence[Reply]) -> Delivery:
        """Send every reply in order; one failing reply is logged and does not stop the others."""
        done = Delivery()
        for reply in replies:
            try:
                await self._one(event, event.chat.id, reply, done)
            except Exception:
                log.exception("could not deliver %s to chat %s", type(reply).__name__, event.chat.id)
        return done

    def _reply_to(self, event: Event, chat_id: int) -> int | None:
        """In a busy group, quote the message we answer; in a private chat that is just noise."""
        if isinstance(event, TextMessage) and event.chat.is_group and chat_id == event.chat.id:
            return event.message_id
        return None

    async def _one(self, event: Event, chat_id: int, reply: Reply, done: Delivery) -> None:
        rows = keyboard_rows(reply.buttons) or None
        if isinstance(reply, CallbackAnswer):
            if isinstance(event, ButtonPress) and event.callback_id and not done.callback_answered:
                done.callback_answered = True
                await self.calls.answer_callback(event.callback_id, reply.text[:200], reply.alert)
        elif isinstance(reply, PreCheckoutAnswer):
            if isinstance(event, PreCheckout) and not done.pre_checkout_answered:
                done.pre_checkout_answered = True
                message = reply.error_message or transport_text("checkout_unavailable", event.user.language_code)
                await self.calls.answer_pre_checkout(event.query_id, reply.ok, None if reply.ok else message)
        elif isinstance(reply, Text):
            await self._text(chat_id, reply.text, rows, self._reply_to(event, chat_id))
        elif isinstance(reply, Edit):
            message_id = reply.message_id or (event.message_id if isinstance(event, ButtonPress) else None)
            pieces = split_html(reply.text)
            if message_id is None or len(pieces) != 1:
                await self._text(chat_id, reply.text, rows, None)
                return
            try:
                await self.calls.edit_text(chat_id, message_id, pieces[0], rows)
            except EditFailed as exc:
                log.info("edit of message %s refused (%s); sending a new message", message_id, exc)
                await self._text(chat_id, reply.text, rows, None)
        elif isinstance(reply, Photo):
            await self._photo(chat_id, reply, rows, self._reply_to(event, chat_id))
        elif isinstance(reply, Album):
            await self._album(event, chat_id, reply, rows)
        elif isinstance(reply, Document):
            await self._document(chat_id, reply, rows, self._reply_to(event, chat_id))
        elif isinstance(reply, Invoice):
            await self._invoice(event, chat_id, reply, rows)
        elif isinstance(reply, InlineAnswer):
            if isinstance(event, InlineQuery):
                await self.calls.answer_inline(event.query_id, reply.results[:50], reply.next_offset,
                                               transport_text("open_in_bot", event.user.language_code))
        elif isinstance(reply, Notify):
            await self._one(event, reply.chat_id, reply.reply, done)
        else:
            log.warning("no Telegram rendering for %s", type(reply).__name__)

    async def _text(self, chat_id: int, html: str, rows: Rows | None, reply_to: int | None) -> None:
        pieces = split_html(html) or ([html] if html else [])
        if not pieces:
            return
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            await self.calls.send_text(chat_id, piece, rows if last else None, reply_to if i == 0 else None)

    async def _photo(self, chat_id: int, photo: Photo, rows: Rows | None, reply_to: int | None) -> None:
        try:
            media = resolve_media(photo.photo, self.media_dir)
        except MediaNotFound as exc:
            # Nothing lost: the words still reach the shopper, the missing file reaches the log.
            log.error("%s; sending the caption as text", exc)
            if photo.caption or rows:
                await self._text(chat_id, photo.caption or "🖼", rows, reply_to)
            return
        caption, rest = caption_parts(photo.caption)
        await self._send_photo(chat_id, media, caption, None if rest else rows, reply_to)
        for i, piece in enumerate(rest):
            await self.calls.send_text(chat_id, piece, rows if i == len(rest) - 1 else None, None)

    async def _send_photo(self, chat_id: int, media: MediaRef, caption: str, rows: Rows | None,
                          reply_to: int | None) -> None:
        """By file id when this file was uploaded before; an id Telegram no longer knows means one upload."""
        cached = self.file_ids.lookup(media)
        try:
            sent = await self.calls.send_photo(chat_id, cached, caption, rows, reply_to)
        except MediaRejected as exc:
            if cached.file_id is None:
                raise
            log.info("file id of %s refused (%s); uploading it again", media.path, exc)
            self.file_ids.forget(media)
            cached = media
            sent = await self.calls.send_photo(chat_id, media, caption, rows, reply_to)
        if cached.is_upload:
            self.file_ids.remember(media, sent.file_id)

    async def _document(self, chat_id: int, doc: Document, rows: Rows | None, reply_to: int | None) -> None:
        try:
            media = resolve_media(doc.document, self.media_dir)
        except MediaNotFound as exc:
            log.error("%s; sending the caption as text", exc)
            if doc.caption or rows:
                await self._text(chat_id, doc.caption or "📄", rows, reply_to)
            return
        caption, rest = caption_parts(doc.caption)
        await self.calls.send_document(chat_id, media, doc.filename, caption, None if rest else rows, reply_to)
        for i, piece in enumerate(rest):
            await self.calls.send_text(chat_id, piece, rows if i == len(rest) - 1 else None, None)

    async def _album(self, event: Event, chat_id: int, album: Album, rows: Rows | None) -> None:
        items: list[AlbumItem] = []
        for photo in album.photos:
            try:
                items.append(AlbumItem(resolve_media(photo.photo, self.media_dir), caption_parts(photo.caption)[0]))
            except MediaNotFound as exc:
                log.error("%s; left out of the album", exc)
        reply_to = self._reply_to(event, chat_id)
        for start in range(0, len(items), 10):  # Telegram albums hold 2-10 items
            group = items[start:start + 10]
            if len(group) == 1:
                await self._send_photo(chat_id, group[0].media, group[0].caption, None, reply_to)
            else:
                await self.calls.send_album(chat_id, group, reply_to)
            reply_to = None
        if rows:  # an album cannot carry buttons: a short message under it does
            await self.calls.send_text(chat_id, transport_text("more_above", event.user.language_code), rows, None)

    async def _invoice(self, event: Event, chat_id: int, invoice: Invoice, rows: Rows | None) -> None:
        token = "" if invoice.currency == "XTR" else (invoice.provider_token or self.provider_token)
        if rows:  # Telegram requires the first button of an invoice keyboard to be the Pay button
            rows = [[ButtonSpec(transport_text("pay", event.user.language_code), pay=True)], *rows]
        await self.calls.send_invoice(chat_id, invoice, token, rows)

    @staticmethod
    def title(text: str) -> str:
        return truncate(text, 32)

    @staticmethod
    def description(text: str) -> str:
        return truncate(text, 255)
