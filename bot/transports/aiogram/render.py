"""``BotCalls`` with aiogram: the outbox decides what to send, this says it in aiogram's words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiogram import Bot
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    FSInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultPhoto,
    InputMediaPhoto,
    InputTextMessageContent,
    LabeledPrice,
    ReplyParameters,
)

from bot.core.replies import InlineResult, Invoice
from bot.transports.errors import EditFailed, MediaRejected
from bot.transports.outbox import AlbumItem, Rows, Sent
from bot.transports.render import CAPTION_LIMIT, MediaRef, split_html, truncate

__all__ = ["AiogramCalls", "markup"]

HTML = ParseMode.HTML


def markup(rows: Rows | None) -> InlineKeyboardMarkup | None:
    if not rows:
        return None

    def button(label: str, data: str | None, url: str | None, pay: bool) -> InlineKeyboardButton:
        if pay:
            return InlineKeyboardButton(text=label, pay=True)
        if url is not None:
            return InlineKeyboardButton(text=label, url=url)
        return InlineKeyboardButton(text=label, callback_data=data)

    return InlineKeyboardMarkup(inline_keyboard=[[button(b.label, b.data, b.url, b.pay) for b in row]
                                                 for row in rows])


def _reply(reply_to: int | None) -> ReplyParameters | None:
    return ReplyParameters(message_id=reply_to, allow_sending_without_reply=True) if reply_to else None


def _media(media: MediaRef) -> Any:
    if media.file_id is not None:
        return media.file_id
    return FSInputFile(media.path) if media.path is not None else media.url


def _is_jpeg_url(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("http://", "https://")) and \
        str(url).lower().split("?")[0].endswith((".jpg", ".jpeg"))


class AiogramCalls:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_text(self, chat_id: int, html: str, rows: Rows | None, reply_to: int | None) -> int:
        message = await self.bot.send_message(chat_id=chat_id, text=html, parse_mode=HTML,
                                              reply_markup=markup(rows), reply_parameters=_reply(reply_to))
        return message.message_id

    async def send_photo(self, chat_id: int, media: MediaRef, caption: str, rows: Rows | None,
                         reply_to: int | None) -> Sent:
        try:
            message = await self.bot.send_photo(chat_id=chat_id, photo=_media(media), caption=caption or None,
                                                parse_mode=HTML, reply_markup=markup(rows),
                                                reply_parameters=_reply(reply_to))
        except TelegramBadRequest as exc:
            if media.file_id is not None:
                raise MediaRejected(exc.message) from exc
            raise
        return Sent(message.message_id, message.photo[-1].file_id if message.photo else None)

    async def send_document(self, chat_id: int, media: MediaRef, filename: str, caption: str, rows: Rows | None,
                            reply_to: int | None) -> int:
        """A file for the shopper to keep (``bot.core.replies.Document``), uploaded under ``filename``."""
        document: Any = media.file_id or media.url
        if media.file_id is None and media.path is not None:
            document = FSInputFile(media.path, filename=filename)
        message = await self.bot.send_document(chat_id=chat_id, document=document, caption=caption or None,
                                               parse_mode=HTML, reply_markup=markup(rows),
                                               reply_parameters=_reply(reply_to))
        return message.message_id

    async def send_album(self, chat_id: int, items: Sequence[AlbumItem], reply_to: int | None) -> None:
        media: list[Any] = [InputMediaPhoto(media=_media(i.media), caption=i.caption or None, parse_mode=HTML)
                            for i in items]
        await self.bot.send_media_group(chat_id=chat_id, media=media, reply_parameters=_reply(reply_to))

    async def send_invoice(self, chat_id: int, invoice: Invoice, provider_token: str, rows: Rows | None) -> int:
        message = await self.bot.send_invoice(
            chat_id=chat_id, title=truncate(invoice.title, 32), description=truncate(invoice.description, 255),
            payload=invoice.payload, currency=invoice.currency,
            prices=[LabeledPrice(label=p.label, amount=p.amount) for p in invoice.prices],
            provider_token=provider_token, photo_url=invoice.photo_url, reply_markup=markup(rows))
        return message.message_id

    async def edit_text(self, chat_id: int, message_id: int, html: str, rows: Rows | None) -> None:
        try:
            await self.bot.edit_message_text(text=html, chat_id=chat_id, message_id=message_id, parse_mode=HTML,
                                             reply_markup=markup(rows))
        except TelegramBadRequest as exc:
            if "not modified" in exc.message.lower():
                return
            raise EditFailed(exc.message) from exc

    async def answer_callback(self, callback_id: str, text: str, alert: bool) -> None:
        await self.bot.answer_callback_query(callback_query_id=callback_id, text=text or None, show_alert=alert)

    async def answer_pre_checkout(self, query_id: str, ok: bool, error_message: str | None) -> None:
        await self.bot.answer_pre_checkout_query(pre_checkout_query_id=query_id, ok=ok, error_message=error_message)

    async def answer_inline(self, query_id: str, results: Sequence[InlineResult], next_offset: str,
                            open_label: str) -> None:
        out: list[Any] = []
        for r in results:
            keys = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=open_label, url=r.deep_link)]]) \
                if r.deep_link else None
            if _is_jpeg_url(r.thumbnail_url):
                caption = (split_html(r.message_text, CAPTION_LIMIT) or [""])[0]
                out.append(InlineQueryResultPhoto(id=r.id, photo_url=str(r.thumbnail_url),
                                                  thumbnail_url=str(r.thumbnail_url), title=r.title,
                                                  description=r.description, caption=caption, parse_mode=HTML,
                                                  reply_markup=keys))
            else:
                thumb = r.thumbnail_url if r.thumbnail_url and r.thumbnail_url.startswith("http") else None
                out.append(InlineQueryResultArticle(
                    id=r.id, title=r.title,
                    input_message_content=InputTextMessageContent(message_text=r.message_text, parse_mode=HTML),
                    description=r.description, thumbnail_url=thumb, reply_markup=keys))
        await self.bot.answer_inline_query(inline_query_id=query_id, results=out, next_offset=next_offset or None,
                                           is_personal=True, cache_time=10)
