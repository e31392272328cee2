"""``BotCalls`` with python-telegram-bot: the outbox decides what to send, this says it in PTB's words."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultPhoto,
    InputFile,
    InputMediaPhoto,
    InputTextMessageContent,
    LabeledPrice,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.core.replies import InlineResult, Invoice
from bot.transports.errors import EditFailed, MediaRejected
from bot.transports.outbox import AlbumItem, Rows, Sent
from bot.transports.render import CAPTION_LIMIT, MediaRef, split_html, truncate

__all__ = ["PtbCalls", "markup"]

HTML = ParseMode.HTML


def markup(rows: Rows | None) -> InlineKeyboardMarkup | None:
    if not rows:
        return None

    def button(label: str, data: str | None, url: str | None, pay: bool) -> InlineKeyboardButton:
        if pay:
            return InlineKeyboardButton(label, pay=True)
        if url is not None:
            return InlineKeyboardButton(label, url=url)
        return InlineKeyboardButton(label, callback_data=data)

    return InlineKeyboardMarkup([[button(b.label, b.data, b.url, b.pay) for b in row] for row in rows])


def _reply(reply_to: int | None) -> ReplyParameters | None:
    return ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None


async def _media(media: MediaRef) -> Any:
    """A local file is uploaded as bytes (PTB would turn a Path inside InputMedia into a file:// URI, which
    only a self-hosted Bot API server in --local mode can read)."""
    if media.file_id is not None:
        return media.file_id
    if media.path is None:
        return media.url
    data = await asyncio.to_thread(media.path.read_bytes)
    return InputFile(data, filename=media.path.name)


def _is_jpeg_url(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("http://", "https://")) and \
        str(url).lower().split("?")[0].endswith((".jpg", ".jpeg"))


class PtbCalls:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_text(self, chat_id: int, html: str, rows: Rows | None, reply_to: int | None) -> int:
        message = await self.bot.send_message(chat_id, html, parse_mode=HTML, reply_markup=markup(rows),
                                              reply_parameters=_reply(reply_to))
        return message.message_id

    async def send_photo(self, chat_id: int, media: MediaRef, caption: str, rows: Rows | None,
                         reply_to: int | None) -> Sent:
        try:
            message = await self.bot.send_photo(chat_id, await _media(media), caption=caption or None,
                                                parse_mode=HTML, reply_markup=markup(rows),
                                                reply_parameters=_reply(reply_to))
        except BadRequest as exc:
            if media.file_id is not None:
                raise MediaRejected(exc.message) from exc
            raise
        return Sent(message.message_id, message.photo[-1].file_id if message.photo else None)

    async def send_document(self, chat_id: int, media: MediaRef, filename: str, caption: str, rows: Rows | None,
                            reply_to: int | None) -> int:
        """A file for the shopper to keep (``bot.core.replies.Document``), uploaded under ``filename``."""
        document: Any = media.file_id or media.url
        if media.file_id is None and media.path is not None:
            document = InputFile(await asyncio.to_thread(media.path.read_bytes), filename=filename)
        message = await self.bot.send_document(chat_id, document, caption=caption or None, parse_mode=HTML,
                                               reply_markup=markup(rows), reply_parameters=_reply(reply_to))
        return message.message_id

    async def send_album(self, chat_id: int, items: Sequence[AlbumItem], reply_to: int | None) -> None:
        media = [InputMediaPhoto(await _media(i.media), caption=i.caption or None, parse_mode=HTML) for i in items]
        await self.bot.send_media_group(chat_id, media, reply_parameters=_reply(reply_to))

    async def send_invoice(self, chat_id: int, invoice: Invoice, provider_token: str, rows: Rows | None) -> int:
        message = await self.bot.send_invoice(
            chat_id, truncate(invoice.title, 32), truncate(invoice.description, 255), invoice.payload,
            invoice.currency, [LabeledPrice(p.label, p.amount) for p in invoice.prices],
            provider_token=provider_token, photo_url=invoice.photo_url, reply_markup=markup(rows))
        return message.message_id

    async def edit_text(self, chat_id: int, message_id: int, html: str, rows: Rows | None) -> None:
        try:
            await self.bot.edit_message_text(html, chat_id=chat_id, message_id=message_id, parse_mode=HTML,
                                             reply_markup=markup(rows))
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return
            raise EditFailed(exc.message) from exc

    async def answer_callback(self, callback_id: str, text: str, alert: bool) -> None:
        await self.bot.answer_callback_query(callback_id, text=text or None, show_alert=alert)

    async def answer_pre_checkout(self, query_id: str, ok: bool, error_message: str | None) -> None:
        await self.bot.answer_pre_checkout_query(query_id, ok, error_message=error_message)

    async def answer_inline(self, query_id: str, results: Sequence[InlineResult], next_offset: str,
                            open_label: str) -> None:
        out: list[Any] = []
        for r in results:
            keys = InlineKeyboardMarkup([[InlineKeyboardButton(open_label, url=r.deep_link)]]) if r.deep_link \
                else None
            if _is_jpeg_url(r.thumbnail_url):
                out.append(InlineQueryResultPhoto(r.id, str(r.thumbnail_url), str(r.thumbnail_url),
                                                  title=r.title, description=r.description,
                                                  caption=(split_html(r.message_text, CAPTION_LIMIT) or [""])[0],
                                                  parse_mode=HTML, reply_markup=keys))
            else:
                thumb = r.thumbnail_url if r.thumbnail_url and r.thumbnail_url.startswith("http") else None
                out.append(InlineQueryResultArticle(
                    r.id, r.title, InputTextMessageContent(r.message_text, parse_mode=HTML),
                    description=r.description, thumbnail_url=thumb, reply_markup=keys))
        await self.bot.answer_inline_query(query_id, out, next_offset=next_offset or None, is_personal=True,
                                           cache_time=10)
