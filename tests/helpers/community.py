"""A started bot for community/account skill tests: keyword NLU with the community intents, a real QAService
over the fake encoder (built on the bot's own store so it follows knowledge-base changes), staff ids, and
small helpers to read replies and pick out Notify messages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.core.app import ShopBot
from bot.core.events import ButtonPress, ChatKind, ChatRef, Event, TextMessage, UserRef
from bot.core.replies import Button, CallbackAnswer, Edit, Notify, Photo, Reply, Text
from tests.helpers.bots import started_bot
from tests.helpers.fake_nlu import DEFAULT_RULES, FakeNLU

__all__ = ["COMMUNITY_RULES", "STAFF", "community_bot", "Person", "text_of", "notifies", "buttons_of", "group"]

STAFF = 900
COMMUNITY_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(complain|complaint|terrible|broken)\b|投诉", "complain"),
    (r"\b(feedback|suggestion)\b|建议|反馈", "give_feedback"),
    (r"\b(review)\b|评价", "leave_review"),
    (r"\b(notify me|subscribe|unsubscribe|alerts|stop sending)\b|订阅|退订", "subscribe"),
    (r"\b(my data|privacy)\b|隐私", "privacy"),
    *DEFAULT_RULES,
)


@asynccontextmanager
async def community_bot(tmp_path: Path, *, qa: bool = True, staff_ids: Sequence[int] = (STAFF,),
                        **settings: Any) -> AsyncIterator[ShopBot]:
    async with started_bot(tmp_path, nlu=FakeNLU(COMMUNITY_RULES), staff_ids=tuple(staff_ids), **settings) as bot:
        assert bot.services is not None
        if qa:
            from tests.helpers.kb_builders import start_qa

            bot.services.qa = await start_qa(bot.services.uows)
        yield bot


def text_of(replies: Sequence[Reply]) -> str:
    """Everything the sender sees (Notify messages excluded), one reply per line."""
    out = []
    for r in replies:
        if isinstance(r, Text | Edit):
            out.append(r.text)
        elif isinstance(r, Photo):
            out.append(r.caption)
        elif isinstance(r, CallbackAnswer) and r.text:
            out.append(r.text)
    return "\n".join(out)


def notifies(replies: Sequence[Reply], chat_id: int | None = None) -> list[Notify]:
    return [r for r in replies if isinstance(r, Notify) and (chat_id is None or r.chat_id == chat_id)]


def buttons_of(reply: Reply) -> list[Button]:
    return [b for row in reply.buttons for b in row]


class Person:
    """One Telegram user in one chat (private by default), sending texts and pressing buttons by label."""

    def __init__(self, bot: ShopBot, user: UserRef, chat: ChatRef | None = None) -> None:
        self.bot, self.user = bot, user
        self.chat = chat or ChatRef(user.id)
        self.seen: list[Reply] = []

    async def send(self, event: Event) -> list[Reply]:
        replies = await self.bot.handle(event)
        self.seen = [*replies, *self.seen][:40]
        return replies

    async def say(self, text: str, **kw: Any) -> list[Reply]:
        return await self.send(TextMessage(self.user, self.chat, text, **kw))

    async def press_data(self, data: str) -> list[Reply]:
        return await self.send(ButtonPress(self.user, self.chat, data))

    def find(self, label: str, replies: Sequence[Reply] | None = None) -> str:
        pool = list(replies if replies is not None else self.seen)
        pool += [n.reply for n in pool if isinstance(n, Notify)]
        for r in pool:
            for b in buttons_of(r):
                if label.casefold() in b.label.casefold() and b.data:
                    return b.data
        raise AssertionError(f"no button {label!r} in {[b.label for r in pool for b in buttons_of(r)]}")

    async def press(self, label: str, replies: Sequence[Reply] | None = None) -> list[Reply]:
        return await self.press_data(self.find(label, replies))


def group(chat_id: int = -1001) -> ChatRef:
    return ChatRef(chat_id, ChatKind.SUPERGROUP, "Deals")
