"""Builders for realistic Telegram update JSON (the exact shapes the Bot API sends), for transport tests.

Entities carry UTF-16 offsets like Telegram's, so a mention after an emoji is located the way the libraries
expect. Each builder takes ids explicitly or draws them from counters, so updates are unique unless a test
re-delivers one on purpose.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

__all__ = ["Updates", "utf16_len"]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entities(text: str) -> list[dict[str, Any]]:
    """bot_command and mention entities, as Telegram computes them."""
    found: list[dict[str, Any]] = []
    for m in re.finditer(r"(?<![\w/])(/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)|(?<!\w)(@[A-Za-z0-9_]{5,32})",
                         text):
        kind = "bot_command" if m.group(1) else "mention"
        if kind == "bot_command" and m.start() != 0:
            continue
        found.append({"type": kind, "offset": utf16_len(text[:m.start()]), "length": utf16_len(m.group(0))})
    return found


class Updates:
    """``u = Updates(bot_id, bot_username)``; ``u.text(42, "hello")`` -> update dict with a fresh update_id."""

    def __init__(self, bot_id: int, bot_username: str, *, first_update_id: int = 1000) -> None:
        self.bot_id, self.bot_username = bot_id, bot_username
        self._update_ids = itertools.count(first_update_id)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)

    # -- parts -----------------------------------------------------------------------------------------------
    @staticmethod
    def user(user_id: int, *, first_name: str = "Ann", language_code: str | None = "en",
             username: str | None = None) -> dict[str, Any]:
        u: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            u["language_code"] = language_code
        if username:
            u["username"] = username
        return u

    @staticmethod
    def chat(chat_id: int, kind: str = "private", *, title: str = "Shop fans") -> dict[str, Any]:
        if kind == "private":
            return {"id": chat_id, "type": "private", "first_name": "Ann"}
        return {"id": chat_id, "type": kind, "title": title}

    def bot_message(self, chat: dict[str, Any], text: str = "Here you go", message_id: int = 1) -> dict[str, Any]:
        return {"message_id": message_id, "date": int(time.time()), "chat": chat,
                "from": {"id": self.bot_id, "is_bot": True, "first_name": "Shop", "username": self.bot_username},
                "text": text}

    def _message(self, user_id: int, chat: dict[str, Any] | None, language_code: str | None,
                 **content: Any) -> dict[str, Any]:
        return {"message_id": next(self._message_ids), "date": int(time.time()),
                "chat": chat or self.chat(user_id),
                "from": self.user(user_id, language_code=language_code), **content}

    def _update(self, update_id: int | None, **body: Any) -> dict[str, Any]:
        return {"update_id": update_id if update_id is not None else next(self._update_ids), **body}

    # -- updates ---------------------------------------------------------------------------------------------
    def text(self, user_id: int, text: str, *, chat: dict[str, Any] | None = None, update_id: int | None = None,
             language_code: str | None = "en", reply_to: dict[str, Any] | None = None,
             entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        content: dict[str, Any] = {"text": text}
        ents = _entities(text) if entities is None else entities
        if ents:
            content["entities"] = ents
        if reply_to is not None:
            content["reply_to_message"] = reply_to
        return self._update(update_id, message=self._message(user_id, chat, language_code, **content))

    def command(self, user_id: int, name: str, args: str = "", *, at_bot: str | None = None,
                **kw: Any) -> dict[str, Any]:
        head = f"/{name}" + (f"@{at_bot}" if at_bot else "")
        return self.text(user_id, f"{head} {args}".strip(), **kw)

    def group_text(self, user_id: int, text: str, *, chat_id: int = -1001234567890, mention: bool = False,
                   reply_to_bot: bool = False, **kw: Any) -> dict[str, Any]:
        if mention:
            text = f"@{self.bot_username} {text}"
        chat = self.chat(chat_id, "supergroup")
        reply = self.bot_message(chat) if reply_to_bot else None
        return self.text(user_id, text, chat=chat, reply_to=reply, **kw)

    def callback(self, user_id: int, data: str, *, message_id: int = 1000, chat: dict[str, Any] | None = None,
                 update_id: int | None = None, language_code: str | None = "en") -> dict[str, Any]:
        chat = chat or self.chat(user_id)
        return self._update(update_id, callback_query={
            "id": f"{user_id}{next(self._query_ids):08d}", "from": self.user(user_id, language_code=language_code),
            "chat_instance": "-8812345678901234567", "data": data,
            "message": self.bot_message(chat, message_id=message_id),
        })

    def inline_query(self, user_id: int, query: str, *, offset: str = "", update_id: int | None = None,
                     language_code: str | None = "en") -> dict[str, Any]:
        return self._update(update_id, inline_query={
            "id": f"9{next(self._query_ids):010d}", "from": self.user(user_id, language_code=language_code),
            "query": query, "offset": offset, "chat_type": "sender",
        })

    def pre_checkout(self, user_id: int, payload: str, total_amount: int, currency: str = "USD", *,
                     update_id: int | None = None) -> dict[str, Any]:
        return self._update(update_id, pre_checkout_query={
            "id": f"7{next(self._query_ids):010d}", "from": self.user(user_id), "currency": currency,
            "total_amount": total_amount, "invoice_payload": payload,
        })

    def successful_payment(self, user_id: int, payload: str, total_amount: int, currency: str = "USD", *,
                           update_id: int | None = None) -> dict[str, Any]:
        payment = {"currency": currency, "total_amount": total_amount, "invoice_payload": payload,
                   "telegram_payment_charge_id": f"tg_charge_{next(self._query_ids)}",
                   "provider_payment_charge_id": "" if currency == "XTR" else "pi_3Nfake"}
        return self._update(update_id, message=self._message(user_id, None, "en", successful_payment=payment))

    def new_chat_members(self, chat_id: int, member_ids: list[int], *, adder: int | None = None,
                         update_id: int | None = None) -> dict[str, Any]:
        members = [self.user(m, first_name=f"User{m}") for m in member_ids]
        chat = self.chat(chat_id, "supergroup")
        return self._update(update_id, message=self._message(adder or member_ids[0], chat, "en",
                                                             new_chat_members=members))

    def photo(self, user_id: int, *, caption: str = "", update_id: int | None = None) -> dict[str, Any]:
        sizes = [{"file_id": "AgACAgIAAxkBAAIBsmall", "file_unique_id": "AQADs", "width": 90, "height": 90},
                 {"file_id": "AgACAgIAAxkBAAIBlarge", "file_unique_id": "AQADl", "width": 800, "height": 800}]
        content: dict[str, Any] = {"photo": sizes}
        if caption:
            content["caption"] = caption
        return self._update(update_id, message=self._message(user_id, None, "en", **content))
