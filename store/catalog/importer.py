"""Catalog import: CSV or JSON file -> products, variants and categories, all or nothing.

Two streaming passes. Pass 1 (``plan.py``) reads the file once, validates every row and reports all bad
rows at once (if there is any, the database is not touched); valid rows go to a temporary spool file
(marshal, not pickle: plain values only). Pass 2 replays the spool and writes chunks of rows with
one bulk ``INSERT ... ON CONFLICT DO UPDATE`` per table per chunk, all inside the caller's single
transaction, so a 100k-row file never becomes 100k ORM objects and a failure half-way leaves nothing behind.
Re-importing matches products by ``product_id`` (Product.external_id) and variants by SKU, so it updates
instead of duplicating (a re-import replaces every imported field; a SKU listed under another product moves
there, and a product left without any SKU that way is taken off sale, as ``delete_product`` would). Products
not in the file are left as they are.
"""

from __future__ import annotations

import hashlib
import marshal
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import Table, select, update

from store.catalog.categories import ensure_category_paths
from store.catalog.errors import CatalogImportFailed
from store.catalog.events import ProductChanged
from store.catalog.import_rows import ImportRow
from store.catalog.plan import ImportPlan, plan_import
from store.catalog.upsert import upsert_statement
from store.models.base import utcnow
from store.models.catalog import Product, Variant
from store.models.catalog_imports import CatalogImport
from store.uow import UnitOfWork

__all__ = ["ImportProgress", "ImportResult", "import_catalog", "check_catalog_file", "file_sha256"]

_PRODUCT_FIELDS = (
    "title", "title_zh", "description", "brand", "category_id", "attributes", "image_url", "rating_tenths",
    "sales_count", "is_digital", "is_active",
)
_VARIANT_FIELDS = ("product_id", "price_minor", "currency", "stock", "attributes", "is_active")


class ImportProgress(Protocol):
    """Receives progress per phase: "check" counts bytes of the file, "import" counts rows."""

    def start(self, phase: str, total: int) -> None: ...

    def advance(self, amount: int) -> None: ...


@dataclass(frozen=True)
class ImportResult:
    file_name: str
    sha256: str
    rows: int
    products: int
    products_created: int
    products_updated: int
    variants_created: int
    variants_updated: int
    categories_created: int
    import_id: int
    products_retired: int = 0  # products whose every SKU moved to another product_id in this file


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_catalog_file(path: Path, default_currency: str, progress: ImportProgress | None = None) -> ImportPlan:
    """Validate without touching the database; raises CatalogImportFailed listing every bad row."""
    if progress is not None:
        progress.start("check", path.stat().st_size)
    plan = plan_import(path, default_currency, progress.advance if progress else None)
    if plan.problems:
        raise CatalogImportFailed(file_name=path.name, problems=tuple(plan.problems), rows_read=plan.rows)
    return plan


class _Writer:
    """Pass 2: turns chunks of validated rows into bulk upserts, remembering product ids across chunks."""

    def __init__(self, uow: UnitOfWork, plan: ImportPlan, category_ids: dict[str, int]) -> None:
        self.uow, self.plan, self.category_ids = uow, plan, category_ids
        self.product_ids: dict[str, int] = {}
        self.products_created = self.products_updated = 0
        self.variants_created = self.variants_updated = 0
        self.vacated: set[int] = set()  # products a SKU of this file moved away from
        self.now = utcnow()

    async def write(self, chunk: Sequence[ImportRow]) -> None:
        session = self.uow.session
        firsts = [r for r in chunk if self.plan.first_line[r.product_id] == r.line]
        if firsts:
            ext_ids = [r.product_id for r in firsts]
            existing = set((await session.scalars(
                select(Product.external_id).where(Product.external_id.in_(ext_ids)))).all())
            self.products_created += len(ext_ids) - len(existing)
            self.products_updated += len(existing)
            stmt = upsert_statement(session, cast(Table, Product.__table__), ["external_id"], _PRODUCT_FIELDS,
                                    {"updated_at": self.now})
            await session.execute(stmt, [self._product_params(r) for r in firsts])
            rows = await session.execute(
                select(Product.external_id, Product.id).where(Product.external_id.in_(ext_ids)))
            for ext, pid in rows:
                self.product_ids[ext] = pid
                self.uow.emit(ProductChanged(product_id=pid, external_id=ext, kind="upserted"))
        skus = [r.sku for r in chunk]
        homes = {sku: pid for sku, pid in await session.execute(
            select(Variant.sku, Variant.product_id).where(Variant.sku.in_(skus)))}
        self.variants_created += len(skus) - len(homes)
        self.variants_updated += len(homes)
        self.vacated.update(home for r in chunk if (home := homes.get(r.sku)) is not None
                            and home != self.product_ids[r.product_id])
        stmt = upsert_statement(session, cast(Table, Variant.__table__), ["sku"], _VARIANT_FIELDS,
                                {"updated_at": self.now})
        await session.execute(stmt, [self._variant_params(r) for r in chunk])

    async def retire_emptied(self) -> int:
        """Take off sale the products this import emptied (every SKU moved elsewhere); returns how many."""
        session = self.uow.session
        candidates = sorted(self.vacated - set(self.product_ids.values()))
        retired = 0
        for start in range(0, len(candidates), 500):
            batch = candidates[start:start + 500]
            kept = set((await session.scalars(select(Variant.product_id).where(
                Variant.product_id.in_(batch), Variant.is_active.is_(True)))).all())
            empty = [pid for pid in batch if pid not in kept]
            if not empty:
                continue
            rows = await session.execute(
                update(Product).where(Product.id.in_(empty), Product.is_active.is_(True))
                .values(is_active=False, updated_at=self.now)
                .returning(Product.id, Product.external_id)
                .execution_options(synchronize_session=False))
            for pid, ext in rows:
                self.uow.emit(ProductChanged(product_id=pid, external_id=ext, kind="deleted"))
                retired += 1
        return retired

    def _product_params(self, row: ImportRow) -> dict[str, Any]:
        vkeys = self.plan.variant_keys[row.product_id]
        return {
            "external_id": row.product_id, "title": row.title, "title_zh": row.title_zh,
            "description": row.description, "brand": row.brand,
            "category_id": self.category_ids[row.category] if row.category else None,
            "attributes": {k: v for k, v in row.attributes.items() if k not in vkeys},
            "image_url": row.image_url, "rating_tenths": row.rating_tenths, "sales_count": row.sales_count,
            "is_digital": row.is_digital, "is_active": True, "created_at": self.now, "updated_at": self.now,
        }

    def _variant_params(self, row: ImportRow) -> dict[str, Any]:
        vkeys = self.plan.variant_keys[row.product_id]
        return {
            "product_id": self.product_ids[row.product_id], "sku": row.sku, "price_minor": row.price_minor,
            "currency": row.currency, "stock": row.stock,
            "attributes": {k: v for k, v in row.attributes.items() if k in vkeys},
            "is_active": True, "created_at": self.now, "updated_at": self.now,
        }


async def import_catalog(
    uow: UnitOfWork,
    path: Path,
    *,
    default_currency: str,
    source: str = "cli",
    actor: str = "system",
    progress: ImportProgress | None = None,
    chunk_size: int = 2000,
) -> ImportResult:
    """Import ``path`` (.csv or .json) in the unit of work's one transaction and commit.

    Raises CatalogFormatError for an unreadable file and CatalogImportFailed (every bad row with its line)
    for bad rows; in both cases nothing is written.
    """
    sha = file_sha256(path)
    with tempfile.TemporaryFile() as spool:
        if progress is not None:
            progress.start("check", path.stat().st_size)
        plan = plan_import(path, default_currency, progress.advance if progress else None, spool)
        if plan.problems:
            raise CatalogImportFailed(file_name=path.name, problems=tuple(plan.problems), rows_read=plan.rows)
        category_ids, categories_created = await ensure_category_paths(uow.session, plan.categories)
        writer = _Writer(uow, plan, category_ids)
        if progress is not None:
            progress.start("import", plan.rows)
        spool.seek(0)
        chunk: list[ImportRow] = []
        while True:
            try:
                batch = marshal.load(spool)
            except EOFError:
                batch = None
            if batch is not None:
                chunk.extend(ImportRow.from_tuple(values) for values in batch)
            while chunk and (len(chunk) >= chunk_size or batch is None):
                await writer.write(chunk[:chunk_size])
                if progress is not None:
                    progress.advance(min(len(chunk), chunk_size))
                chunk = chunk[chunk_size:]
            if batch is None:
                break
    retired = await writer.retire_emptied()
    record = CatalogImport(
        source=source, file_name=path.name[:300], sha256=sha, rows=plan.rows, products=len(plan.first_line),
        categories_created=categories_created, actor=actor,
    )
    uow.session.add(record)
    await uow.session.flush()
    await uow.commit()
    return ImportResult(
        file_name=path.name, sha256=sha, rows=plan.rows, products=len(plan.first_line),
        products_created=writer.products_created, products_updated=writer.products_updated,
        variants_created=writer.variants_created, variants_updated=writer.variants_updated,
        categories_created=categories_created, import_id=record.id, products_retired=retired,
    )
