"""What the console, the scripted chat and the web chat share: a local user talking to the core directly.

Replies become plain JSON (text, buttons, photo, invoice, document); pressing a button by its label finds it among the
latest replies. An invoice can be paid with a clearly-labelled *test* payment, which drives the same
pre-checkout and successful-payment events Telegram would send, so the whole checkout is exercised locally.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

from bot.core.app import ShopBot
from bot.core.events import ButtonPress, ChatRef, PaymentSucceeded, PreCheckout, TextMessage, UserRef
from bot.core.replies import (
    Album,
    CallbackAnswer,
    Document,
    Edit,
    InlineAnswer,
    Invoice,
    Notify,
    Photo,
    PreCheckoutAnswer,
    Reply,
    Text,
)

__all__ = ["LocalSession", "reply_to_json"]


def _buttons(reply: Reply) -> list[list[dict[str, str]]]:
    return [[{"label": b.label, **({"data": b.data} if b.data else {"url": b.url or ""})} for b in row]
            for row in reply.buttons]


def reply_to_json(reply: Reply) -> dict[str, Any] | None:
    """The neutral reply as the local chats show it; None for replies with nothing to show."""
    text: str = ""
    photo: str | None = None
    invoice: dict[str, Any] | None = None
    document: dict[str, str] | None = None
    if isinstance(reply, Text | Edit):
        text = reply.text
    elif isinstance(reply, Photo):
        text, photo = reply.caption, reply.photo
    elif isinstance(reply, Album):
        text = "\n".join(p.caption for p in reply.photos if p.caption)
        photo = reply.photos[0].photo if reply.photos else None
    elif isinstance(reply, Invoice):
        text = f"{reply.title}\n{reply.description}"
        invoice = {"title": reply.title, "description": reply.description, "currency": reply.currency,
                   "payload": reply.payload, "total_amount": sum(p.amount for p in reply.prices),
                   "prices": [{"label": p.label, "amount": p.amount} for p in reply.prices]}
    elif isinstance(reply, Document):
        # The path is relative to the media directory (the web chat serves it under /media/); a URL as is.
        text, document = reply.caption, {"path": reply.document, "filename": reply.filename}
    elif isinstance(reply, CallbackAnswer):
        if not reply.text:
            return None
        text = reply.text
    elif isinstance(reply, PreCheckoutAnswer | Notify | InlineAnswer):
        return None
    return {"text": text, "buttons": _buttons(reply), "photo": photo, "invoice": invoice, "document": document}


@dataclass
class LocalSession:
    bot: ShopBot
    user: UserRef
    chat: ChatRef = field(default_factory=lambda: ChatRef(0))
    latest: list[dict[str, Any]] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        if self.chat.id == 0:
            self.chat = ChatRef(self.user.id)

    async def say(self, text: str) -> list[dict[str, Any]]:
        return await self._run(TextMessage(self.user, self.chat, text, message_id=next(self._ids)))

    async def press(self, data: str) -> list[dict[str, Any]]:
        return await self._run(ButtonPress(self.user, self.chat, data, callback_id=uuid.uuid4().hex))

    def find_button(self, label: str) -> str | None:
        """The data of the button with this label in the latest replies (case-insensitive, exact first)."""
        buttons = [b for r in reversed(self.latest) for row in r["buttons"] for b in row if "data" in b]
        wanted = label.strip().casefold()
        for match in (lambda b: b["label"].casefold() == wanted, lambda b: wanted in b["label"].casefold()):
            found = next((b["data"] for b in buttons if match(b)), None)
            if found:
                return str(found)
        return None

    async def press_label(self, label: str) -> list[dict[str, Any]]:
        data = self.find_button(label)
        if data is None:
            wanted = label.strip().casefold()
            link = next((b["url"] for r in reversed(self.latest) for row in r["buttons"] for b in row
                         if "url" in b and b["label"].casefold() == wanted), None)
            if link is not None:  # a link button (a group's invite link): Telegram opens it, nothing is sent to us
                return [{"text": f"(the button {label!r} opens a link: {link})", "buttons": [], "photo": None,
                         "invoice": None, "document": None}]
            shown = [b["label"] for r in self.latest for row in r["buttons"] for b in row]
            return [{"text": f"(no button labelled {label!r}; buttons shown: {shown})", "buttons": [],
                     "photo": None, "invoice": None, "document": None}]
        return await self.press(data)

    async def pay_test(self, invoice: dict[str, Any]) -> list[dict[str, Any]]:
        """A local test payment: the same pre-checkout and payment events Telegram sends, with a fake charge."""
        answers = await self.bot.handle(PreCheckout(self.user, self.chat, query_id=uuid.uuid4().hex,
                                                    payload=invoice["payload"],
                                                    total_amount=invoice["total_amount"],
                                                    currency=invoice["currency"]))
        verdict = next((a for a in answers if isinstance(a, PreCheckoutAnswer)), None)
        if verdict is None or not verdict.ok:
            reason = verdict.error_message if verdict else "no answer"
            return [{"text": f"Payment refused: {reason}", "buttons": [], "photo": None, "invoice": None,
                     "document": None}]
        charge = f"test_{uuid.uuid4().hex[:16]}"
        return await self._run(PaymentSucceeded(self.user, self.chat, payload=invoice["payload"],
                                                total_amount=invoice["total_amount"],
                                                currency=invoice["currency"], provider_charge_id=charge,
                                                telegram_charge_id=charge))

    async def _run(self, event: Any) -> list[dict[str, Any]]:
        replies = [self._here(r) for r in await self.bot.handle(event)]
        shown = [j for j in (reply_to_json(r) for r in replies) if j is not None]
        if shown:
            self.latest = shown
        return shown

    def _here(self, reply: Reply) -> Reply:
        """A Notify to this very chat is shown like any reply: a flash-sale claim in a private chat said "I sent
        you the details in a private chat" and the local chats dropped those details (Telegram delivers them).
        Notifies to other chats (staff, another shopper) stay invisible here."""
        if isinstance(reply, Notify) and reply.chat_id in (self.chat.id, self.user.id) and self.chat.id > 0:
            return reply.reply
        return reply
