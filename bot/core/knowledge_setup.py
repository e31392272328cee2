"""Start product search and Q&A over the store, sharing the one encoder (and its embedding cache)."""

from __future__ import annotations

from typing import Any

from bot.settings import Settings
from store.uow import UnitOfWorkFactory

__all__ = ["start_search", "start_qa"]


async def start_search(settings: Settings, encoder: Any, uows: UnitOfWorkFactory) -> Any:
    from knowledge.search.service import ProductSearch

    search = ProductSearch(uows, encoder, settings.index_dir)
    await search.start()
    return search


async def start_qa(settings: Settings, encoder: Any, uows: UnitOfWorkFactory) -> Any:
    from knowledge.qa.retrieval import QAService

    qa = QAService(uows, encoder)
    await qa.start()
    return qa
