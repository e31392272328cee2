"""Build the configured NLU (built-in model, or Rasa with the built-in as fall-back) and the catalogue
vocabulary it recognises brands and categories from.

The model artifact is loaded from ``settings.model_dir`` (``SHOPBOT_DATA_DIR/models/nlu/<version>``, the same
place ``shopbot nlu train`` saves to) and trained there automatically when missing or when the training data
changed, in a thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
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
    """Brands, category names (English and Chinese) and the variants' colour and size values from the live
    catalogue: the NLU recognises them in messages and spells colour and size entities the catalogue's way."""
    from store.catalog.categories import list_categories
    from store.catalog.queries import list_brands

    async with uows.read() as uow:
        brands = await list_brands(uow)
        categories = await list_categories(uow)
        colours = await _variant_values(uow, ("color", "colour"))
        sizes = await _variant_values(uow, ("size",))
    names: dict[str, str] = {}
    for category in categories:
        names[category.name] = category.name
        if category.name_zh:
            names[category.name_zh] = category.name
    vocab = CatalogVocabulary.build(brands=brands, categories=names, colors=colours, sizes=sizes)
    return replace(vocab, brands={**_chinese_brand_names(vocab.brands), **vocab.brands})


def _chinese_brand_names(brands: dict[str, str]) -> dict[str, str]:
    """The Chinese names (knowledge/text/brands.py) of the catalogue's brands, each to the catalogue's own
    spelling: "匡威帆布鞋" and "只看新百伦的" name Converse and New Balance (before, only the few Chinese names in
    the NLU training data were brands, and "只看新百伦的" under running shoes searched "跑鞋 新百伦")."""
    from knowledge.text.brands import BRAND_ALIASES

    return {alias.casefold(): brands[owner.casefold()]
            for alias, owner in BRAND_ALIASES.items() if owner.casefold() in brands}


async def _variant_values(uow: Any, keys: tuple[str, ...]) -> list[str]:
    """Distinct values of a variant attribute over active variants of active products (SQLite and
    PostgreSQL: SQLAlchemy's JSON index works on both), most used first."""
    from sqlalchemy import func, select

    from store.models.catalog import Product, Variant

    found: dict[str, int] = {}
    for key in keys:
        value = Variant.attributes[key].as_string()
        rows = await uow.session.execute(
            select(value, func.count())
            .join(Product, Variant.product_id == Product.id)
            .where(Variant.is_active.is_(True), Product.is_active.is_(True), value.is_not(None))
            .group_by(value)
        )
        for raw, count in rows:
            text = str(raw).strip()
            if text:
                found[text] = found.get(text, 0) + int(count)
    return sorted(found, key=lambda v: (-found[v], v))
