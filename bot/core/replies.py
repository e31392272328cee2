"""Neutral replies the core returns; each transport renders them with its own library.

Text is a small HTML subset (<b>, <i>, <code>, <a href>) that Telegram, the web chat and the console all render.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Button", "Keyboard", "Reply", "Text", "Photo", "Album", "Document", "Invoice", "InvoicePrice", "Edit",
    "CallbackAnswer",
    "PreCheckoutAnswer", "InlineResult", "InlineAnswer", "Notify", "keyboard",
]


@dataclass(frozen=True)
class Button:
    label: str
    data: str | None = None  # callback payload (<= 64 bytes), see bot.core.callbacks
    url: str | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.url is None):
            raise ValueError("a button has exactly one of data or url")
        if self.data is not None and len(self.data.encode()) > 64:
            raise ValueError(f"callback data over Telegram's 64 bytes: {self.data!r}")


Keyboard = tuple[tuple[Button, ...], ...]


def keyboard(*rows: list[Button] | tuple[Button, ...]) -> Keyboard:
    return tuple(tuple(row) for row in rows if row)


@dataclass(frozen=True)
class Reply:
    buttons: Keyboard = field(default=(), kw_only=True)


@dataclass(frozen=True)
class Text(Reply):
    text: str


@dataclass(frozen=True)
class Photo(Reply):
    # An http(s) URL, or a path relative to the media directory ("images/P0001.png") that transports upload.
    photo: str
    caption: str = ""


@dataclass(frozen=True)
class Album(Reply):
    photos: tuple[Photo, ...]


@dataclass(frozen=True)
class Document(Reply):
    """A file for the shopper to keep (an e-book bought): Telegram sends it as a document, the web chat links it,
    the console prints where it is."""

    # A path relative to the media directory ("digital/<folder>/book.epub") or an http(s) URL.
    document: str
    filename: str
    caption: str = ""


@dataclass(frozen=True)
class InvoicePrice:
    label: str
    amount: int  # minor units


@dataclass(frozen=True)
class Invoice(Reply):
    title: str
    description: str
    payload: str
    currency: str
    prices: tuple[InvoicePrice, ...]
    # Empty for Telegram Stars (XTR); the payment provider token otherwise (the transport fills it from settings).
    provider_token: str = ""
    photo_url: str | None = None


@dataclass(frozen=True)
class Edit(Reply):
    """Replace the text (and buttons) of the message a button was pressed on."""

    text: str
    message_id: int | None = None


@dataclass(frozen=True)
class CallbackAnswer(Reply):
    text: str = ""
    alert: bool = False


@dataclass(frozen=True)
class PreCheckoutAnswer(Reply):
    ok: bool
    error_message: str | None = None


@dataclass(frozen=True)
class InlineResult:
    id: str
    title: str
    description: str
    message_text: str
    thumbnail_url: str | None = None
    deep_link: str | None = None


@dataclass(frozen=True)
class InlineAnswer(Reply):
    results: tuple[InlineResult, ...]
    next_offset: str = ""


@dataclass(frozen=True)
class Notify(Reply):
    """A message to another chat (a staff member, the asker of a question): sent by the transport as is."""

    chat_id: int
    reply: Reply
