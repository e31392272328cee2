"""Neutral incoming events: what any transport (Telegram library, console, web) turns an update into.

The core never sees a Telegram object; a transport never decides a business rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ChatKind", "UserRef", "ChatRef", "Event", "TextMessage", "ButtonPress", "InlineQuery", "PhotoMessage",
    "PreCheckout", "PaymentSucceeded", "MembersJoined",
]


class ChatKind(StrEnum):
    PRIVATE = "private"
    GROUP = "group"
    SUPERGROUP = "supergroup"
    CHANNEL = "channel"


@dataclass(frozen=True)
class UserRef:
    id: int
    first_name: str = ""
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


@dataclass(frozen=True)
class ChatRef:
    id: int
    kind: ChatKind = ChatKind.PRIVATE
    title: str | None = None

    @property
    def is_group(self) -> bool:
        return self.kind in (ChatKind.GROUP, ChatKind.SUPERGROUP)


@dataclass(frozen=True)
class Event:
    user: UserRef
    chat: ChatRef
    # The transport's update id (Telegram update_id); used to process each update once.
    update_id: int | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class TextMessage(Event):
    text: str
    message_id: int | None = None
    # Group privacy mode: the bot answers commands, mentions and replies to its own messages only.
    mentions_bot: bool = False
    reply_to_bot: bool = False

    @property
    def command(self) -> tuple[str, str] | None:
        """("search", "red shoes") for "/search@shopbot red shoes"; None for plain text."""
        text = self.text.strip()
        if not text.startswith("/") or len(text) < 2:
            return None
        head, _, rest = text[1:].partition(" ")
        name = head.split("@", 1)[0].lower()
        return (name, rest.strip()) if name.replace("_", "").isalnum() else None


@dataclass(frozen=True)
class ButtonPress(Event):
    data: str
    callback_id: str | None = None
    message_id: int | None = None


@dataclass(frozen=True)
class InlineQuery(Event):
    query: str
    query_id: str
    offset: str = ""


@dataclass(frozen=True)
class PhotoMessage(Event):
    file_id: str
    caption: str = ""
    message_id: int | None = None


@dataclass(frozen=True)
class PreCheckout(Event):
    query_id: str
    payload: str
    total_amount: int
    currency: str


@dataclass(frozen=True)
class PaymentSucceeded(Event):
    payload: str
    total_amount: int
    currency: str
    provider_charge_id: str
    telegram_charge_id: str


@dataclass(frozen=True)
class MembersJoined(Event):
    members: tuple[UserRef, ...]
