"""What skills may use: the store, search, Q&A, NLU, state. Built once per process by ``bot.core.app``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.state import StateStore, UpdateLog
from bot.core.users import KnownUsers
from store.uow import UnitOfWorkFactory

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.search.catalog_words import CatalogWords

__all__ = ["Services"]


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    uows: UnitOfWorkFactory
    states: StateStore
    updates: UpdateLog
    nlu: Any  # nlu.pipeline.NLU: async parse(text, context, vector) -> ParseResult
    encoder: Any | None = None  # knowledge.encoders.base.Encoder
    search: Any | None = None  # knowledge.search.service.ProductSearch
    qa: Any | None = None  # knowledge.qa.retrieval.QAService
    bot_username: str = "shopbot"
    clock: Callable[[], datetime] = field(default=_utcnow)
    # user id -> (profile last stored, language): lets the dispatcher skip the user upsert on most messages.
    known_users: KnownUsers = field(default_factory=KnownUsers)
    # Brands and categories the NLU recognises (nlu.context.CatalogVocabulary); re-read after catalog changes.
    vocabulary: Any = None
    vocabulary_stale: bool = True
    # The search's count of change batches from other processes when the vocabulary was read (see below).
    _vocabulary_outside: int = 0

    def on_store_events(self, events: list[Any]) -> None:
        if any(hasattr(e, "external_id") and hasattr(e, "product_id") for e in events):
            self.vocabulary_stale = True

    async def current_vocabulary(self) -> Any:
        """The catalogue vocabulary, read again after this process's catalog changes (its store events) and
        after other processes' (a second worker, `shopbot catalog import`), which only the search's change feed
        sees (knowledge/change_feed.py): a brand imported while the bot runs is recognised without a
        restart."""
        outside = int(getattr(self.search, "outside_changes", 0))
        if self.vocabulary is None or self.vocabulary_stale or outside != self._vocabulary_outside:
            from bot.core.nlu_setup import catalog_vocabulary

            self.vocabulary_stale, self._vocabulary_outside = False, outside
            self.vocabulary = await catalog_vocabulary(self.uows)
        return self.vocabulary

    @property
    def media_dir(self) -> Path:
        return self.settings.media_dir

    def catalog_words(self) -> CatalogWords | None:
        """The catalogue's name words, for steps that first ask whether a message could name a product at all
        (knowledge/search/catalog_words.py); None when there is no search to ask (tests without one)."""
        words = getattr(self.search, "catalog_words", None)
        return words() if callable(words) else None

    def is_staff(self, user_id: int) -> bool:
        return user_id in self.settings.staff_ids
