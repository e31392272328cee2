"""Catalog export: one record per SKU with the import's keys, so ``export`` then ``import`` round-trips.

Records are written while paging through products by id, so memory stays flat however big the catalog is;
the file appears only when complete (written to a temporary name, then renamed). ``attributes`` merges the
product's and the variant's attributes and carries the well-known keys (``title_zh``, ``rating``,
``sales_count``, ``digital``); keys are sorted so SQLite and PostgreSQL exports are byte-identical.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from store.catalog.import_rows import STANDARD_COLUMNS
from store.catalog.queries import list_products
from store.catalog.readers import file_format
from store.catalog.views import ProductView
from store.uow import UnitOfWork

__all__ = ["ExportResult", "export_catalog", "export_records"]


@dataclass(frozen=True)
class ExportResult:
    file_name: str
    products: int
    rows: int


def export_records(product: ProductView) -> Iterator[dict[str, Any]]:
    """The import-shaped records of one product, one per active variant."""
    for variant in product.variants:
        if not variant.is_active:
            continue
        attributes: dict[str, Any] = {**product.attributes, **variant.attributes}
        if product.title_zh:
            attributes["title_zh"] = product.title_zh
        if product.rating is not None:
            attributes["rating"] = str(product.rating)
        if product.sales_count:
            attributes["sales_count"] = product.sales_count
        if product.is_digital:
            attributes["digital"] = True
        yield {
            "product_id": product.external_id, "sku": variant.sku, "title": product.title,
            "description": product.description, "category": product.category_path or "",
            "brand": product.brand or "", "price": str(variant.price.to_major()),
            "currency": variant.price.currency, "stock": variant.stock,
            "attributes": dict(sorted(attributes.items())), "image_url": product.image_url or "",
        }


async def export_catalog(
    uow: UnitOfWork, path: Path, *, page_size: int = 500, on_product: Callable[[int], None] | None = None
) -> ExportResult:
    fmt = file_format(path)
    tmp = path.with_name(f".{path.name}.partial")
    products = rows = 0
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = _CsvOut(fh) if fmt == "csv" else _JsonOut(fh)
            after = 0
            while True:
                page = await list_products(uow, after, page_size)
                if not page:
                    break
                for product in page:
                    for record in export_records(product):
                        writer.write(record)
                        rows += 1
                    products += 1
                if on_product is not None:
                    on_product(len(page))
                after = page[-1].id
            writer.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return ExportResult(file_name=path.name, products=products, rows=rows)


class _CsvOut:
    def __init__(self, fh: TextIO) -> None:
        self._writer = csv.writer(fh)
        self._writer.writerow(STANDARD_COLUMNS)

    def write(self, record: dict[str, Any]) -> None:
        values = dict(record, attributes=json.dumps(record["attributes"], ensure_ascii=False, sort_keys=True)
                      if record["attributes"] else "")
        self._writer.writerow([values[c] for c in STANDARD_COLUMNS])

    def close(self) -> None:
        pass


class _JsonOut:
    def __init__(self, fh: TextIO) -> None:
        self._fh = fh
        self._first = True
        fh.write("[")

    def write(self, record: dict[str, Any]) -> None:
        self._fh.write("\n" if self._first else ",\n")
        self._fh.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
        self._first = False

    def close(self) -> None:
        self._fh.write("\n]\n")
