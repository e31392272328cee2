"""Build the configured NLU (built-in model, or Rasa with the built-in as fall-back) and the catalogue
vocabulary it recognises brands and categories from.

The model artifact is loaded from ``settings.model_dir`` (``SHOPBOT_DATA_DIR/models/nlu/<version>``, the same
place ``shopbot nlu train`` saves to) and trained there automatically when missing or when the training data
changed, in a thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.settings import Settings
from nlu.context import CatalogVocabulary
from store.uow import UnitOfWorkFactory

__all__ = ["load_nlu", "catalog_vocabulary"]


async def load_nlu(settings: Settings, encoder: Any, uows: UnitOfWorkFactory | None,
                   data_dir: Path | None = None) -> Any:
    """``data_dir``: the Rasa YAML training data (default ``nlu/data``)."""
    from nlu.factory import DEFAULT_DATA_DIR, build_nlu

    settings.model_dir.mkdir(parents=True, exist_ok=True)
    # model_dir, not model_dir / "nlu": the artifact code adds "nlu/" itself, and `shopbot nlu train` saves there
    return await asyncio.to_thread(build_nlu, settings.nlu_backend, settings.model_dir, encoder,
                                   settings.rasa_url, data_dir or DEFAULT_DATA_DIR)


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
