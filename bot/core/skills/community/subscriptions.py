"""Promotion alerts on/off: "notify me about deals" / "stop sending promos" set it directly, anything
unclear shows the current setting with a button to change it. Order updates are never affected."""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.i18n import Translator

__all__ = ["router", "wanted_setting"]

router = Router("subscriptions")

_OFF = re.compile(r"\b(unsubscribe|stop|off|opt[ -]?out|don'?t|do not|no more|disable|mute)\b|取消|退订|不要|关闭|别",
                  re.IGNORECASE)
# "remind me when the mug sale starts" is a request to be told, not a question about the setting.
_ON = re.compile(r"\b(subscribe|notify|alerts?|on|opt[ -]?in|let me know|send me|enable|remind(?: me)?|tell me when"
                 r"|ping me|alert me|message me|text me|keep me (?:posted|updated|informed)|sign me up)\b"
                 r"|订阅|通知|提醒|开启|告诉我|叫我",
                 re.IGNORECASE)


def wanted_setting(text: str) -> bool | None:
    """True/False when the message says which way; None when it does not."""
    if _OFF.search(text):
        return False
    if _ON.search(text):
        return True
    return None


def _toggle(t: Translator, codec: CallbackCodec, user_id: int, subscribed: bool) -> Button:
    if subscribed:
        return Button(t("🔕 Turn alerts off"), data=codec.encode(user_id, "sub", "0"))
    return Button(t("🔔 Turn alerts on"), data=codec.encode(user_id, "sub", "1"))


async def _set(services: Services, t: Translator, user_id: int, codec: CallbackCodec, on: bool,
               now: datetime) -> Reply:
    from store.subscriptions import set_subscribed

    async with services.uows() as uow:
        view = await set_subscribed(uow, user_id, on, now=now)
    if on:
        text = t("🔔 Promotion alerts are <b>on</b>. I'll message you about flash sales and new deals. Say "
                 "\u201cstop deal alerts\u201d any time.")
    else:
        text = t("🔕 Promotion alerts are <b>off</b>. You won't get promotional messages; order updates still "
                 "arrive.")
    if not view.changed:
        text = t("(No change.)") + " " + text
    return Text(text, buttons=keyboard([_toggle(t, codec, user_id, on)]))


@router.intent("subscribe")
async def subscribe(text: str, services: Services, t: Translator, user_id: int, codec: CallbackCodec,
                    now: datetime) -> Reply:
    from store.subscriptions import get_subscription

    wanted = wanted_setting(text)
    if wanted is not None:
        return await _set(services, t, user_id, codec, wanted, now)
    async with services.uows() as uow:
        current = await get_subscription(uow, user_id)
    status = t("Promotion alerts are on.") if current.subscribed else t("Promotion alerts are off.")
    return Text(status, buttons=keyboard([_toggle(t, codec, user_id, current.subscribed)]))


@router.button("sub")
async def subscribe_button(payload: CallbackPayload, services: Services, t: Translator, user_id: int,
                           codec: CallbackCodec, now: datetime) -> Reply:
    return await _set(services, t, user_id, codec, payload.arg(0) == "1", now)
