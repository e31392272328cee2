"""Record who is talking, once per process and whenever their Telegram profile changes (not on every message),
and remember the language they chose (``/language`` wins over the Telegram client's language)."""

from __future__ import annotations

from bot.core.events import UserRef
from bot.core.services import Services
from bot.i18n import pick_language

__all__ = ["remember_user", "choose_language"]

async def remember_user(services: Services, user: UserRef) -> str:
    """Upsert the shopper when first seen or changed; returns their language."""
    cached = services.known_users.get(user.id)
    if cached is not None and cached[0] == user:
        return cached[1]
    from store.users import ensure_user

    async with services.uows() as uow:
        view = await ensure_user(uow, user.id, first_name=user.first_name, last_name=user.last_name,
                                 username=user.username, language=pick_language(user.language_code))
    services.known_users[user.id] = (user, view.language)
    return view.language


async def choose_language(services: Services, user_id: int, language: str) -> None:
    from store.users import set_language

    async with services.uows() as uow:
        await set_language(uow, user_id, language)
    cached = services.known_users.get(user_id)
    if cached is not None:
        services.known_users[user_id] = (cached[0], language)
