"""Community groups: "join your group" and /groups list them with join links in the shopper's language, and
new members of a group the bot is in get a short welcome with buttons."""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.events import Event, MembersJoined
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.common import esc
from bot.core.skills.community.flash import flash_replies
from bot.i18n import Translator

__all__ = ["router", "groups_reply", "asked_language"]

router = Router("groups")


async def groups_reply(services: Services, t: Translator, lang: str) -> Reply:
    from store.community_groups import list_groups

    async with services.uows() as uow:
        groups = await list_groups(uow, language=lang)
    if not groups:
        return Text(t("We don't have community groups yet. Send /ask with any question, and I'll find you an "
                      "answer."))
    lines = [t("👥 <b>Join our community</b> — flash sales, tips and answers from other shoppers:")]
    lines += [f"• {esc(g.title_for(lang))}" for g in groups]
    buttons = [[Button(t("Join {title}", title=g.title_for(lang)), url=g.invite_link)] for g in groups]
    return Text("\n".join(lines), buttons=keyboard(*buttons))


# "is there a chinese group", "有英文群吗": the groups list answers it (the FAQ's closest entry was how to switch
# the bot to Chinese, and the reply was "I don't know" although "Shop Community (Chinese)" is listed).
_LANGUAGES = {"zh": re.compile(r"chinese|mandarin|中文|华人|汉语|国语|普通话", re.IGNORECASE),
              "en": re.compile(r"english|英文|英语", re.IGNORECASE)}


def asked_language(text: str) -> str | None:
    """The language a group is asked for in ``text`` ("zh", "en"), or None."""
    return next((code for code, words in _LANGUAGES.items() if words.search(text)), None)


async def _language_reply(services: Services, t: Translator, lang: str, asked: str) -> Reply:
    from store.community_groups import list_groups

    async with services.uows() as uow:
        groups = [g for g in await list_groups(uow, language=lang) if g.language == asked]
    if not groups:
        listed = await groups_reply(services, t, lang)
        return Text(t("We don't have a group in that language yet. These are our groups:") + "\n\n"
                    + _text_of(listed), buttons=listed.buttons)
    lines = [t("Yes! Our group in that language:")] + [f"• {esc(g.title_for(lang))}" for g in groups]
    buttons = [[Button(t("Join {title}", title=g.title_for(lang)), url=g.invite_link)] for g in groups]
    return Text("\n".join(lines), buttons=keyboard(*buttons))


def _text_of(reply: Reply) -> str:
    return reply.text if isinstance(reply, Text) else ""


@router.intent("join_group")
async def join_group(text: str, services: Services, t: Translator, lang: str) -> Reply:
    asked = asked_language(text)
    if asked is not None:
        return await _language_reply(services, t, lang, asked)
    return await groups_reply(services, t, lang)


@router.command("groups")
async def groups_command(services: Services, t: Translator, lang: str) -> Reply:
    return await groups_reply(services, t, lang)


@router.button("groups")
async def groups_button(payload: CallbackPayload, services: Services, t: Translator, lang: str,
                        codec: CallbackCodec, chat_id: int, now: datetime) -> list[Reply]:
    """The main menu's [Groups] (no args) and the welcome message's [Flash sale] (``groups:f``)."""
    if payload.arg(0) == "f":
        return await flash_replies(services, t, lang, codec, chat_id, now)
    return [await groups_reply(services, t, lang)]


@router.on_event(MembersJoined)
async def welcome(event: Event, services: Services, t: Translator, codec: CallbackCodec) -> list[Reply]:
    assert isinstance(event, MembersJoined)
    members = [m for m in event.members if m.username != services.bot_username]
    if not members or not event.chat.is_group:
        return []
    names = ", ".join(esc(m.first_name or m.username or "") for m in members).strip(", ")
    text = t("Welcome, {names}! 👋 I'm the shop's assistant. Here you'll catch flash sales first — press "
             "Claim fast when one starts. Questions about a product? Ask me in a private chat, any time.",
             names=names or t("friends"))
    bot_link = f"https://t.me/{services.bot_username}"
    return [Text(text, buttons=keyboard(
        [Button(t("⚡ Current flash sale"), data=codec.encode(0, "groups", "f", anyone=True))],
        [Button(t("💬 Chat with me privately"), url=bot_link)]))]
