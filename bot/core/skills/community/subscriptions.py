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

_OFF = re.compile(r"\b(unsub\w*|stop\w*|off|opt[ -]?out|don'?t|do not|no more|no longer|disable|mute|pause|"
                  r"remove me|too many|td)\b|"
                  r"取消|退订|不要|不想|不用|不需要|不再|别|关(?![注于心])|停|免打扰|少发|太多|烦",
                  re.IGNORECASE)
# "remind me when the mug sale starts" is a request to be told, not a question about the setting.
_ON = re.compile(r"\b(subscribe|notify|alerts?|on|opt[ -]?in|let me know|send me|enable|remind(?: me)?|tell me when"
                 r"|ping me|alert me|message me|text me|keep me (?:posted|updated|informed)|sign me up)\b"
                 r"|订阅|通知|提醒|开启|告诉我|叫我",
                 re.IGNORECASE)
# Not wanting to miss a deal asks for alerts ("不想错过秒杀", "don't want to miss any deals"); and a turn-on
# word wins over the words that only sound negative around it ("重新订阅", "把推送打开").
_WANTS = re.compile(r"\b(?:don'?t|do not|never)\s+(?:want to\s+|wanna\s+)?miss\b|resubscribe|\bturn on\b|"
                    r"\bturn (?:it|them|(?:the |my |all )?(?:alerts|notifications|promos|deals|messages))"
                    r"(?: back)? on\b|"
                    r"(?:不想|不要|别|不愿)错过|重新订阅|恢复|打开|开启|开一下|开提醒", re.IGNORECASE)
# What the setting is about. A message the NLU read as "subscribe" that names none of it ("按价格从低到高排") is
# not about alerts: it was answered "促销提醒已关闭" and not sorted. Misspellings the shoppers type are kept.
_TOPIC = re.compile(r"sub|notif|notf|promo|alert|deal|sale|news|mail|mess|msg|spam|offer|coupon|market|updat|"
                    r"remind|\bping|\bopt|sign me up|discount|price drop|arrival|\btd\b|"
                    r"提醒|提型|通知|推|订|定阅|促销|优惠|活动|广告|消息|消系|短信|邮件|营销|打扰|降价|到货|上新|补货|"
                    r"秒杀|闪购|开抢|特惠|打折|告诉我|叫我", re.IGNORECASE)


def about_alerts(text: str) -> bool:
    """Whether the message names alerts, promotions or messages at all."""
    return _TOPIC.search(text) is not None


def wanted_setting(text: str) -> bool | None:
    """True/False when the message says which way; None when it does not. A negation anywhere ("不想收提醒了",
    "i don't want alerts") turns them off even though it names the alerts: it was read as "turn them on"."""
    if _WANTS.search(text):
        return True
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
                    now: datetime) -> list[Reply]:
    from store.subscriptions import get_subscription

    if not about_alerts(text):
        return []  # a misreading: the dispatcher asks what was meant instead of showing the setting
    wanted = wanted_setting(text)
    if wanted is not None:
        return [await _set(services, t, user_id, codec, wanted, now)]
    async with services.uows() as uow:
        current = await get_subscription(uow, user_id)
    status = t("Promotion alerts are on.") if current.subscribed else t("Promotion alerts are off.")
    return [Text(status, buttons=keyboard([_toggle(t, codec, user_id, current.subscribed)]))]


@router.button("sub")
async def subscribe_button(payload: CallbackPayload, services: Services, t: Translator, user_id: int,
                           codec: CallbackCodec, now: datetime) -> Reply:
    return await _set(services, t, user_id, codec, payload.arg(0) == "1", now)
