"""Builders for catalog tests: products through the real service, and catalog files to import."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from store.catalog import ProductInput, ProductView, VariantInput, upsert_product
from store.catalog.import_rows import STANDARD_COLUMNS
from store.money import Money
from store.uow import UnitOfWorkFactory

__all__ = ["make_product", "seed_catalog", "write_csv", "write_json", "generated_rows"]


async def make_product(
    uows: UnitOfWorkFactory,
    external_id: str,
    *,
    price: int = 1000,
    currency: str = "USD",
    stock: int = 10,
    skus: Sequence[str] | None = None,
    category: str | None = "Home > Kitchen > Mugs",
    title: str | None = None,
    is_digital: bool = False,
    attributes: Mapping[str, Any] | None = None,
) -> ProductView:
    """A product with one variant per SKU (default one SKU ``<external_id>-1``), all at ``price`` minor units."""
    variants = [VariantInput(sku, Money(price, currency), stock, {"size": str(i)})
                for i, sku in enumerate(skus or [f"{external_id}-1"])]
    async with uows() as uow:
        return await upsert_product(uow, ProductInput(
            external_id=external_id, title=title or f"Product {external_id}", variants=variants,
            category_path=category, brand="Acme", attributes=dict(attributes or {}), is_digital=is_digital))


async def seed_catalog(uows: UnitOfWorkFactory) -> dict[str, ProductView]:
    """A small mixed catalog: mugs and a lamp in USD, a digital sticker pack in Stars."""
    return {
        "mug": await make_product(uows, "MUG", price=1250, skus=["MUG-R", "MUG-B"], stock=20),
        "lamp": await make_product(uows, "LAMP", price=8000, category="Home > Lighting", stock=5),
        "stickers": await make_product(uows, "STK", price=50, currency="XTR", category="Digital > Stickers",
                                       stock=1000, is_digital=True),
    }


def write_csv(path: Path, rows: Iterable[Mapping[str, Any]], columns: Sequence[str] = STANDARD_COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return path


def write_json(path: Path, rows: Iterable[Mapping[str, Any]]) -> Path:
    path.write_text(json.dumps(list(rows), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def generated_rows(count: int, *, variants_per_product: int = 2) -> Iterable[dict[str, Any]]:
    """Deterministic synthetic rows (for the streaming test and the benchmark)."""
    colors = ("Red", "Blue", "Green", "Black")
    for i in range(count):
        p = i // variants_per_product
        yield {
            "product_id": f"P{p:07d}", "sku": f"SKU{i:08d}", "title": f"Generated product {p}",
            "description": f"Synthetic item number {p} for testing the importer.",
            "category": f"Dept {p % 7} > Aisle {p % 23}", "brand": f"Brand {p % 50}",
            "price": f"{(p % 500) + 1}.{i % 100:02d}", "currency": "USD", "stock": str(i % 40),
            "attributes": f"color={colors[i % variants_per_product % 4]};material=steel",
            "image_url": f"https://img.example/{p}.png",
        }
