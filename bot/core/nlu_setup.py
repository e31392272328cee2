"""Build the configured NLU (built-in model, or Rasa with the built-in as fall-back) and the catalogue
vocabulary it recognises brands and categories from.

The model artifact is loaded from ``settings.model_dir`` and trained there automatically when missing or when
the training data changed, in a thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
from typing import Any

from bot.settings import Settings
from nlu.context import CatalogVocabulary
from store.uow import UnitOfWorkFactory

__all__ = ["load_nlu", "catalog_vocabulary"]


async def load_nlu(settings: Settings, encoder: Any, uows: UnitOfWorkFactory) -> Any:
    from nlu.factory import build_nlu

    settings.model_dir.mkdir(parents=True, exist_ok=True)
    return await asyncio.to_thread(build_nlu, settings.nlu_backend, settings.model_dir / "nlu", encoder,
                                   settings.rasa_url)


async def catalog_vocabulary(uows: UnitOfWorkFactory) -> CatalogVocabulary:
    """Brands and category names (English and Chinese) from the live catalogue."""
    from store.catalog.categories import list_categories
    from store.catalog.queries import list_brands

    async with uows() as uow:
        brands = await list_brands(uow)
        categories = await list_categories(uow)
    names: dict[str, str] = {}
    for category in categories:
        names[category.name] = category.name
        if category.name_zh:
            names[category.name_zh] = category.name
    return CatalogVocabulary.build(brands=brands, categories=names)
