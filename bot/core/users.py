"""Record who is talking, once per process and whenever their Telegram profile changes (not on every message),
and remember the language they chose (``/language`` wins over the Telegram client's language)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.core.events import UserRef
from bot.i18n import pick_language

if TYPE_CHECKING:
    from bot.core.services import Services

__all__ = ["KnownUsers", "remember_user", "choose_language"]


class KnownUsers:
    """Users this process stored lately: ``(profile as last stored, language)`` by user id.

    WHY bounded and short-lived: it saves the user upsert (a database write) on almost every message, but it
    must not grow with every shopper ever seen, and with several workers another one may change what it
    remembers (``/language``, a privacy deletion): an entry older than ``ttl`` seconds (5 minutes) is stored
    again, so such a change shows here within that time, at the price of one upsert per active shopper per
    five minutes.
    """

    def __init__(self, ttl: float = 300.0, limit: int = 100_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.limit, self._clock = ttl, limit, clock
        self._items: OrderedDict[int, tuple[float, Any, str]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, user_id: int) -> tuple[Any, str] | None:
        item = self._items.get(user_id)
        if item is None:
            return None
        if self._clock() - item[0] > self.ttl:
            del self._items[user_id]
            return None
        return item[1], item[2]

    def __setitem__(self, user_id: int, value: tuple[Any, str]) -> None:
        self._items[user_id] = (self._clock(), value[0], value[1])
        self._items.move_to_end(user_id)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def update_language(self, user_id: int, language: str) -> None:
        """Keep the entry's age: the profile was stored when it was, only the language changed."""
        item = self._items.get(user_id)
        if item is not None:
            self._items[user_id] = (item[0], item[1], language)

    def pop(self, user_id: int, default: Any = None) -> Any:
        item = self._items.pop(user_id, None)
        return (item[1], item[2]) if item is not None else default


def _stored_as(view: Any, user: UserRef) -> bool:
    """Whether the stored row already holds this Telegram profile (what ``ensure_user`` would write)."""
    return (view.first_name, view.last_name, view.username) == ((user.first_name or "")[:200], user.last_name,
                                                                user.username)


async def remember_user(services: Services, user: UserRef) -> str:
    """Upsert the shopper when first seen or changed; returns their language.

    A shopper not in the cache (a new process, an expired entry) is looked up in a read-only unit of work first:
    on SQLite an upsert takes the single write lock, and most of these shoppers are stored already as they are.
    """
    cached = services.known_users.get(user.id)
    if cached is not None and cached[0] == user:
        return cached[1]
    from store.errors import NotFound
    from store.users import ensure_user, get_user

    try:
        async with services.uows.read() as uow:
            view = await get_user(uow, user.id)
    except NotFound:
        view = None
    if view is None or not _stored_as(view, user):
        async with services.uows() as uow:
            view = await ensure_user(uow, user.id, first_name=user.first_name, last_name=user.last_name,
                                     username=user.username, language=pick_language(user.language_code))
    services.known_users[user.id] = (user, view.language)
    return view.language


async def choose_language(services: Services, user_id: int, language: str) -> None:
    from store.users import set_language

    async with services.uows() as uow:
        await set_language(uow, user_id, language)
    services.known_users.update_language(user_id, language)
