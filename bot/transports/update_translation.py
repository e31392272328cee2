"""Telegram update -> neutral event, for both python-telegram-bot and aiogram.

Pure translation: no decisions beyond Telegram's own addressing rules (see bot.transports.addressing). Both
libraries mirror the Bot API's object model with the same attribute names (``update.callback_query.from_user``,
``message.successful_payment.invoice_payload``...), so one function serves both adapters; the objects are typed
``Any`` because they come from two unrelated class hierarchies.
"""

from __future__ import annotations

from typing import Any

from bot.core.events import (
    ButtonPress,
    ChatKind,
    ChatRef,
    Event,
    InlineQuery,
    MembersJoined,
    PaymentSucceeded,
    PhotoMessage,
    PreCheckout,
    TextMessage,
    UserRef,
)
from bot.transports.addressing import EntityRef, command_for_other_bot, mentions_bot

__all__ = ["to_event", "user_ref", "chat_ref"]


def user_ref(user: Any) -> UserRef:
    return UserRef(id=user.id, first_name=user.first_name or "", last_name=user.last_name,
                   username=user.username, language_code=user.language_code)


def chat_ref(chat: Any) -> ChatRef:
    try:
        kind = ChatKind(chat.type)
    except ValueError:
        kind = ChatKind.PRIVATE
    return ChatRef(id=chat.id, kind=kind, title=chat.title)


def _private(user: Any) -> ChatRef:
    return ChatRef(id=user.id, kind=ChatKind.PRIVATE)


def _message_event(message: Any, update_id: int, username: str, bot_id: int | None) -> Event | None:
    sender = message.from_user
    if sender is None or sender.is_bot and sender.id == bot_id:
        return None
    user, chat = user_ref(sender), chat_ref(message.chat)
    if message.successful_payment is not None:
        p = message.successful_payment
        return PaymentSucceeded(user=user, chat=chat, update_id=update_id, payload=p.invoice_payload,
                                total_amount=p.total_amount, currency=p.currency,
                                provider_charge_id=p.provider_payment_charge_id or "",
                                telegram_charge_id=p.telegram_payment_charge_id)
    if message.new_chat_members:
        return MembersJoined(user=user, chat=chat, update_id=update_id,
                             members=tuple(user_ref(m) for m in message.new_chat_members))
    if message.photo:
        return PhotoMessage(user=user, chat=chat, update_id=update_id, file_id=message.photo[-1].file_id,
                            caption=message.caption or "", message_id=message.message_id)
    text = message.text
    if text is None:
        return None
    if chat.is_group and command_for_other_bot(text, username):
        return None
    entities = [EntityRef(e.type, e.offset, e.length, e.user.id if e.user else None)
                for e in message.entities or ()]
    reply = message.reply_to_message
    replied_to_bot = bool(reply and reply.from_user and bot_id is not None and reply.from_user.id == bot_id)
    return TextMessage(user=user, chat=chat, update_id=update_id, text=text, message_id=message.message_id,
                       mentions_bot=mentions_bot(text, entities, username, bot_id), reply_to_bot=replied_to_bot)


def to_event(update: Any, username: str, bot_id: int | None) -> Event | None:
    """The neutral event for an update, or None for updates the shop does not act on."""
    uid = update.update_id
    if update.message is not None:
        return _message_event(update.message, uid, username, bot_id)
    if (cq := update.callback_query) is not None:
        message = cq.message
        chat = chat_ref(message.chat) if message is not None else _private(cq.from_user)
        return ButtonPress(user=user_ref(cq.from_user), chat=chat, update_id=uid, data=cq.data or "",
                           callback_id=cq.id, message_id=message.message_id if message is not None else None)
    if (iq := update.inline_query) is not None:
        return InlineQuery(user=user_ref(iq.from_user), chat=_private(iq.from_user), update_id=uid,
                           query=iq.query, query_id=iq.id, offset=iq.offset)
    if (pq := update.pre_checkout_query) is not None:
        return PreCheckout(user=user_ref(pq.from_user), chat=_private(pq.from_user), update_id=uid,
                           query_id=pq.id, payload=pq.invoice_payload, total_amount=pq.total_amount,
                           currency=pq.currency)
    return None
