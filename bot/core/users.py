"""Record who is talking, once per process and whenever their Telegram profile changes (not on every message)."""

from __future__ import annotations

from bot.core.events import UserRef
from bot.core.services import Services
from bot.i18n import pick_language

__all__ = ["remember_user"]

_seen: dict[int, UserRef] = {}


async def remember_user(services: Services, user: UserRef) -> None:
    if _seen.get(user.id) == user:
        return
    from store.users import ensure_user

    async with services.uows() as uow:
        await ensure_user(uow, user.id, first_name=user.first_name, last_name=user.last_name,
                          username=user.username, language=pick_language(user.language_code))
        await uow.commit()
    _seen[user.id] = user
