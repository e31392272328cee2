"""Export, and export -> import round trips on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.catalog import delete_product, export_catalog, get_product, import_catalog, list_products
from store.catalog.import_rows import STANDARD_COLUMNS
from store.db import create_engine, session_factory
from store.uow import UnitOfWorkFactory
from tests.helpers.catalog_builders import generated_rows, write_csv, write_json
from tests.helpers.migrated import migrate_async

ROWS = [
    {"product_id": "P1", "sku": "P1-S", "title": "Tee", "description": "Soft, \"cotton\"\nshirt",
     "category": "Apparel > Tops", "brand": "Acme", "price": "19.90", "stock": 3,
     "attributes": {"color": "Red", "size": "S", "fit": "slim", "title_zh": "T恤", "rating": "4.5",
                    "sales_count": 7}},
    {"product_id": "P1", "sku": "P1-M", "title": "Tee", "category": "Apparel > Tops", "brand": "Acme",
     "price": "21.00", "stock": 0, "attributes": {"color": "Red", "size": "M", "fit": "slim"}},
    {"sku": "STARS", "title": "Emoji pack", "price": "75", "currency": "XTR", "stock": 100,
     "attributes": {"digital": True}},
]


async def _import(uows: UnitOfWorkFactory, path: Path) -> None:
    async with uows() as uow:
        await import_catalog(uow, path, default_currency="USD")


async def _export(uows: UnitOfWorkFactory, path: Path) -> Path:
    async with uows() as uow:
        await export_catalog(uow, path)
    return path


def _shape(products: list) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (p.external_id, p.title, p.title_zh, p.description, p.brand, p.category_path, dict(p.attributes),
         p.image_url, p.rating_tenths, p.sales_count, p.is_digital,
         [(v.sku, v.price, v.stock, dict(v.attributes)) for v in p.variants])
        for p in products
    ]


async def test_json_export_shape(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await _import(uow_factory, write_json(tmp_path / "in.json", ROWS))
    records = json.loads((await _export(uow_factory, tmp_path / "out.json")).read_text(encoding="utf-8"))
    assert [r["sku"] for r in records] == ["P1-S", "P1-M", "STARS"]  # one object per SKU
    assert all(list(r) == list(STANDARD_COLUMNS) for r in records)  # exactly the import's keys, in order
    assert all(isinstance(r["attributes"], dict) and isinstance(r["price"], str) for r in records)
    assert records[1]["price"] == "21.00" and records[1]["attributes"] == {  # product fields on every SKU
        "color": "Red", "fit": "slim", "rating": "4.5", "sales_count": 7, "size": "M", "title_zh": "T恤"}
    assert records[0]["description"] == 'Soft, "cotton"\nshirt' and records[0]["category"] == "Apparel > Tops"
    first = records[0]
    assert first["price"] == "19.90" and first["currency"] == "USD" and first["stock"] == 3
    assert first["attributes"] == {"color": "Red", "fit": "slim", "rating": "4.5", "sales_count": 7,
                                   "size": "S", "title_zh": "T恤"}
    assert records[2]["price"] == "75" and records[2]["attributes"] == {"digital": True}
    assert records[2]["product_id"] == "STARS"


@pytest.mark.parametrize("fmt", ["csv", "json"])
async def test_export_then_import_round_trips(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, fmt: str
) -> None:
    await _import(uow_factory, write_json(tmp_path / "in.json", ROWS))
    await _import(uow_factory, write_csv(tmp_path / "more.csv", generated_rows(30, variants_per_product=3)))
    first = await _export(uow_factory, tmp_path / f"first.{fmt}")
    other_url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    await migrate_async(other_url)
    engine = create_engine(other_url)
    try:
        other = UnitOfWorkFactory(session_factory(engine))
        await _import(other, first)
        second = await _export(other, tmp_path / f"second.{fmt}")
        async with uow_factory() as a, other() as b:
            original, copy = await list_products(a, 0, 1000), await list_products(b, 0, 1000)
    finally:
        await engine.dispose()
    assert first.read_bytes() == second.read_bytes()
    assert _shape(original) == _shape(copy)


async def test_deleted_products_are_not_exported(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await _import(uow_factory, write_json(tmp_path / "in.json", ROWS))
    async with uow_factory() as uow:
        await delete_product(uow, "P1")
    records = json.loads((await _export(uow_factory, tmp_path / "out.json")).read_text(encoding="utf-8"))
    assert [r["sku"] for r in records] == ["STARS"]
    await _import(uow_factory, write_json(tmp_path / "in.json", ROWS))  # a re-import brings it back
    async with uow_factory() as uow:
        assert (await get_product(uow, "P1")).is_active
