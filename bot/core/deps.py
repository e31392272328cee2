"""The names a handler may ask for, and their types: handlers declare parameters by these names and the
dispatcher passes only what each one asks for (aiogram's injection, without aiogram)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core.callbacks import CallbackCodec, CallbackPayload
    from bot.core.events import Event
    from bot.core.services import Services
    from bot.core.state import Conversation
    from bot.i18n import Translator
    from nlu.result import ParseResult

__all__ = ["INJECTABLE", "Deps"]

INJECTABLE: dict[str, str] = {
    "event": "Event: the incoming neutral event",
    "user_id": "int: who sent it",
    "chat_id": "int: where",
    "state": "Conversation: this user's state in this chat (saved after the handler)",
    "t": "Translator: t('English text', **values) in the user's language",
    "lang": "str: 'en' or 'zh'",
    "services": "Services: store unit of work, search, Q&A, NLU, settings",
    "parse": "ParseResult | None: the NLU result for text messages",
    "args": "str: command arguments ('/search red shoes' -> 'red shoes')",
    "payload": "CallbackPayload | None: the validated button payload",
    "codec": "CallbackCodec: to make button payloads bound to this user",
    "now": "datetime: the time of this event (UTC)",
    "text": "str: the message text",
    "vector": "Vectors | None: the message's embedding, computed once and shared by NLU, search and Q&A",
    "topic": "str | None: what the previous reply was about when it was not a product ('coupon'); this event only",
}


@dataclass
class Deps:
    event: Event
    user_id: int
    chat_id: int
    state: Conversation
    t: Translator
    lang: str
    services: Services
    codec: CallbackCodec
    now: datetime
    text: str = ""
    args: str = ""
    parse: ParseResult | None = None
    payload: CallbackPayload | None = None
    vector: Any = None
    topic: str | None = None
    yes_no: dict[str, str] = field(default_factory=dict)  # the previous reply's yes/no buttons (dispatcher only)

    def as_kwargs(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in INJECTABLE}
