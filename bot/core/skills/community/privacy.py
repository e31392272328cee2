"""Privacy: what we store about the shopper, an export of all of it, and erasure (after a confirmation).

Never in a group: the data would be shown to everyone there. Erasure follows ``store.privacy``'s rule
(delete personal data, keep anonymised orders and payments for accounting) and also forgets the
conversation state in every chat.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.events import Event
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.privacy_words import asks_erasure, asks_export, deletes_everything
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart

__all__ = ["router", "export_text", "export_texts", "MAX_INLINE_JSON"]

router = Router("privacy")

MAX_INLINE_JSON = 3500  # Telegram messages stop at 4096 characters; leave room for the heading and escaping
MAX_MESSAGES = 12  # a long export comes in parts; beyond this many, the rest is sent by staff


def _overview(t: Translator, codec: CallbackCodec, user_id: int) -> Reply:
    text = t("🔒 <b>Your data</b>\nWe store: your Telegram name and language; saved addresses; your cart; orders "
             "and payments; support tickets (with the messages and cart shown to staff); reviews; points; your "
             "promotion-alert choice; questions you asked; and your recent messages to me (the last 10, to "
             "give staff context).\nWe never sell or share it. You can download it or delete it here.")
    return Text(text, buttons=keyboard([Button(t("📥 Export my data"), data=codec.encode(user_id, "priv", "x"))],
                                       [Button(t("🗑 Delete my data"), data=codec.encode(user_id, "priv", "d"))]))


def _private_only(t: Translator) -> Reply:
    return Text(t("For your privacy, send /privacy to me in a private chat."))


@router.command("privacy")
@router.intent("privacy")
async def privacy(event: Event, text: str, services: Services, t: Translator, codec: CallbackCodec, user_id: int,
                  state: Conversation, now: datetime) -> Reply | list[Reply]:
    if event.chat.is_group:
        return _private_only(t)
    if asks_export(text):  # "导出我的数据": the export, not the overview with its button
        return await _export(services, t, user_id, state, now)
    if asks_erasure(text):  # "delete my account", "删除我的所有数据": the question, not the overview first
        return _confirm_erasure(t, codec, user_id, state)
    if deletes_everything(text):
        # "i want you to delete everything": with things in the cart, the cart may well be meant -- ask which
        async with services.uows.read() as uow:
            cart = await get_cart(uow, user_id, now)
        if not cart.is_empty:
            return _which_everything(t, codec, user_id)
        return _confirm_erasure(t, codec, user_id, state)
    return _overview(t, codec, user_id)


def _confirm_erasure(t: Translator, codec: CallbackCodec, user_id: int, state: Conversation) -> Reply:
    """The one question before erasing, naming what goes and what stays. A typed answer presses its buttons
    (``bot.core.typed_answers``: only clear yes or no words, never a guess)."""
    yes, no = (Button(t("Yes, delete my data"), data=codec.encode(user_id, "priv", "y")),
               Button(t("No, keep it"), data=codec.encode(user_id, "priv", "n")))
    state.yes_no = {"yes": str(yes.data), "no": str(no.data), "about": "erase",
                    "again": str(codec.encode(user_id, "priv", "d"))}
    return Text(t("Delete your data? I will delete your addresses, cart, support tickets, review texts, points, "
                  "alerts choice and our conversation history. This can't be undone. Orders and payments are "
                  "kept anonymised for accounting.\nPress a button, or type “yes” to delete or “no” to keep it."),
                buttons=keyboard([yes, no]))


def _which_everything(t: Translator, codec: CallbackCodec, user_id: int) -> Reply:
    return Text(t("Delete everything — do you mean empty your cart, or delete all the data we keep about you "
                  "(addresses, tickets, reviews, points, conversation)?"),
                buttons=keyboard([Button(t("🧹 Empty my cart"), data=codec.encode(user_id, "cclr", "y"))],
                                 [Button(t("🗑 Delete my data"), data=codec.encode(user_id, "priv", "d"))],
                                 [Button(t("No, keep everything"), data=codec.encode(user_id, "priv", "n"))]))


def _dumps(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1, default=str)


def _code(doc: Any) -> str:
    return f"<code>{html.escape(_dumps(doc), quote=False)}</code>"


def _code_cut(doc: Any) -> str:
    """``_code`` within MAX_INLINE_JSON, cut before escaping so no HTML entity is broken."""
    raw = _dumps(doc)
    while len(html.escape(raw, quote=False)) + len("<code>…</code>") > MAX_INLINE_JSON:
        raw = raw[:-100]
    return f"<code>{html.escape(raw, quote=False)}…</code>"


def _fit(doc: Any) -> str:
    part = _code(doc)
    return part if len(part) <= MAX_INLINE_JSON else _code_cut(doc)


def _parts(name: str, value: Any) -> list[str]:
    """One section as messages of at most MAX_INLINE_JSON characters (a long list is split between entries;
    a single entry longer than a message is cut, which only very long free texts can cause)."""
    if not isinstance(value, list):
        return [_fit({name: value})]
    chunks: list[list[Any]] = [[]]
    for entry in value:
        if chunks[-1] and len(_code({name: [*chunks[-1], entry]})) > MAX_INLINE_JSON:
            chunks.append([])
        chunks[-1].append(entry)
    return [_fit({name: chunk}) for chunk in chunks]


def export_texts(t: Translator, doc: dict[str, Any]) -> list[str]:
    """Everything we store: in one message when it fits, otherwise section by section in several."""
    full = _dumps(doc)
    if len(full) <= MAX_INLINE_JSON:
        return [t("📥 Everything we store about you:") + f"\n<code>{html.escape(full, quote=False)}</code>"]
    parts = [p for name, value in doc.items() for p in _parts(name, value)]
    head = t("📥 Everything we store about you, in {n} parts:", n=min(len(parts), MAX_MESSAGES))
    if len(parts) > MAX_MESSAGES:
        head += "\n" + t("That is a lot, so the last {n} parts will be sent to you by our staff: send /support "
                         "and ask for your data export.", n=len(parts) - MAX_MESSAGES)
    return [head, *parts[:MAX_MESSAGES]]


def export_text(t: Translator, doc: dict[str, Any]) -> str:
    """The export as one text (the parts joined): for callers that need a single string."""
    return "\n\n".join(export_texts(t, doc))


async def _export(services: Services, t: Translator, user_id: int, state: Conversation,
                  now: datetime) -> list[Reply]:
    from store.privacy.export import export_user_data

    async with services.uows() as uow:
        doc = await export_user_data(uow, user_id, now=now)
    doc["conversation"] = {"recent_messages": list(state.recent_messages), "last_query": state.last_query}
    return [Text(text) for text in export_texts(t, doc)]


async def _erase(services: Services, t: Translator, user_id: int, state: Conversation, now: datetime) -> Reply:
    from store.privacy.erase import erase_user_data

    async with services.uows() as uow:
        await erase_user_data(uow, user_id, now=now)
    await services.states.forget_user(user_id)
    # This chat's state is saved again after the handler: empty it so nothing comes back.
    for name, field in Conversation.model_fields.items():
        setattr(state, name, field.get_default(call_default_factory=True))
    services.known_users.pop(user_id, None)
    return Text(t("Done. I deleted your addresses, cart, support tickets, review texts, points, alerts choice and "
                  "our conversation history. Your orders and payments stay, without your name and address, "
                  "because we must keep accounting records."))


@router.button("priv")
async def privacy_button(payload: CallbackPayload, event: Event, services: Services, t: Translator,
                         codec: CallbackCodec, user_id: int, state: Conversation,
                         now: datetime) -> Reply | list[Reply]:
    if event.chat.is_group:
        return _private_only(t)
    action = payload.arg(0)
    if action == "x":
        return await _export(services, t, user_id, state, now)
    if action == "d":
        return _confirm_erasure(t, codec, user_id, state)
    if action == "y":
        return await _erase(services, t, user_id, state, now)
    return Text(t("Okay, nothing was deleted."))
