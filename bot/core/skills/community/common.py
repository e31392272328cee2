"""Small pieces the community skills share: talking to another person in their language, staff fan-out."""

from __future__ import annotations

import html
from collections.abc import Callable

from bot.core.replies import Notify, Reply
from bot.core.services import Services
from bot.i18n import Translator, translator

__all__ = ["language_of", "translator_for", "notify_staff", "display_name", "esc"]


def esc(text: str) -> str:
    return html.escape(text, quote=False)


async def language_of(services: Services, user_id: int) -> str:
    """The language we speak with someone who is not the sender (staff, the asker of a question)."""
    from store.errors import NotFound
    from store.users import get_user

    try:
        async with services.uows() as uow:
            return (await get_user(uow, user_id)).language
    except NotFound:
        return services.settings.locale


async def translator_for(services: Services, user_id: int) -> Translator:
    return translator(await language_of(services, user_id))


async def display_name(services: Services, user_id: int) -> str:
    from store.errors import NotFound
    from store.users import get_user

    try:
        async with services.uows() as uow:
            user = await get_user(uow, user_id)
    except NotFound:
        return str(user_id)
    handle = f" (@{user.username})" if user.username else ""
    return f"{user.display_name}{handle}"


async def notify_staff(services: Services, build: Callable[[int, Translator], Reply],
                       *, skip: int | None = None) -> list[Reply]:
    """One Notify per staff member (except ``skip``), each built in that staff member's language."""
    out: list[Reply] = []
    for staff_id in services.settings.staff_ids:
        if staff_id != skip:
            out.append(Notify(staff_id, build(staff_id, await translator_for(services, staff_id))))
    return out
