"""Is a group message addressed to the bot? Telegram's own rules, from the message's entities.

Privacy mode (the default) means the bot only answers, in groups, commands, @mentions of it and replies to
its own messages. The adapters compute ``mentions_bot``/``reply_to_bot`` here from the entity list (offsets in
UTF-16 code units, as Telegram sends them) and drop ``/command@another_bot``, which is not for us.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["EntityRef", "mentions_bot", "command_for_other_bot"]


@dataclass(frozen=True)
class EntityRef:
    type: str
    offset: int
    length: int
    user_id: int | None = None  # text_mention entities name a user without a username


def _slice_utf16(text: str, offset: int, length: int) -> str:
    raw = text.encode("utf-16-le")
    return raw[offset * 2:(offset + length) * 2].decode("utf-16-le", errors="ignore")


def mentions_bot(text: str, entities: Iterable[EntityRef], username: str, bot_id: int | None) -> bool:
    target = f"@{username}".casefold()
    for e in entities:
        if e.type == "mention" and _slice_utf16(text, e.offset, e.length).casefold() == target:
            return True
        if e.type == "text_mention" and bot_id is not None and e.user_id == bot_id:
            return True
    # Updates without entities (forwarded from other clients, tests): a word-bounded @username.
    return re.search(rf"(?<![\w@]){re.escape(target)}(?!\w)", text.casefold()) is not None


def command_for_other_bot(text: str, username: str) -> bool:
    """``/help@other_bot``: a command explicitly meant for someone else."""
    head = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    if not head.startswith("/") or "@" not in head:
        return False
    return head.split("@", 1)[1].casefold() != username.casefold()
