"""Benchmark: catalog import of N generated rows vs. a bare executemany INSERT of the same rows.

    python -m bench.catalog_import --rows 100000 [--database URL]

The default database is a fresh SQLite file in a temporary directory. On PostgreSQL the run creates a private
schema (``bench_<random>``), migrates it and drops it at the end, so it never touches real data. The floor is the
least any importer must do: parse the CSV and executemany one INSERT per row into an unindexed table, in one
transaction, through the same driver. Prints a table and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from store.catalog.importer import import_catalog
from store.db import async_url, create_engine, is_sqlite, session_factory
from store.migrate import upgrade_async
from store.uow import UnitOfWorkFactory

COLUMNS = ("product_id", "sku", "title", "description", "category", "brand", "price", "currency", "stock",
           "attributes", "image_url")
_COLORS = ("Red", "Blue", "Green", "Black")


def generate_rows(count: int) -> Iterator[list[str]]:
    """Two variants per product, 7 x 23 categories, key=value attributes: a realistic shop export."""
    for i in range(count):
        p = i // 2
        yield [f"P{p:07d}", f"SKU{i:08d}", f"Generated product {p}", f"Synthetic item number {p}.",
               f"Dept {p % 7} > Aisle {p % 23}", f"Brand {p % 50}", f"{p % 500 + 1}.{i % 100:02d}", "USD",
               str(i % 40), f"color={_COLORS[i % 2]};material=steel", f"https://img.example/{p}.png"]


def write_csv(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(generate_rows(count))


async def private_schema(url: str) -> tuple[str, str | None]:
    """On PostgreSQL: a fresh schema for this run and the URL that uses it (SQLite files are fresh already)."""
    if is_sqlite(url):
        return url, None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    base = url.split("?", 1)[0]
    engine = create_engine(base)
    try:
        async with engine.begin() as conn:
            await conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    finally:
        await engine.dispose()
    return f"{base}?search_path={schema}", schema


async def drop_schema(url: str, schema: str) -> None:
    engine = create_engine(url.split("?", 1)[0])
    try:
        async with engine.begin() as conn:
            await conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await engine.dispose()


async def time_import(url: str, path: Path) -> float:
    engine = create_engine(url)
    try:
        uows = UnitOfWorkFactory(session_factory(engine))
        started = time.perf_counter()
        async with uows() as uow:
            await import_catalog(uow, path, default_currency="USD")
        return time.perf_counter() - started
    finally:
        await engine.dispose()


async def time_floor(url: str, path: Path) -> float:
    engine = create_engine(url)
    param = "?" if is_sqlite(url) else "$"
    marks = ", ".join(f"{param}{i + 1}" if param == "$" else "?" for i in range(8))
    try:
        async with engine.begin() as conn:
            await conn.exec_driver_sql("DROP TABLE IF EXISTS bench_floor")
            await conn.exec_driver_sql(
                "CREATE TABLE bench_floor (product_id VARCHAR(64), sku VARCHAR(64), title VARCHAR(300), "
                "category VARCHAR(400), price_minor INTEGER, currency VARCHAR(3), stock INTEGER, attributes TEXT)")
        started = time.perf_counter()
        async with engine.begin() as conn:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                next(reader)
                rows = [(r[0], r[1], r[2], r[4], int(r[6].replace(".", "")), r[7], int(r[8]), r[9]) for r in reader]
            await conn.exec_driver_sql(
                f"INSERT INTO bench_floor (product_id, sku, title, category, price_minor, currency, stock, "
                f"attributes) VALUES ({marks})", rows)
        elapsed = time.perf_counter() - started
        async with engine.begin() as conn:
            await conn.exec_driver_sql("DROP TABLE bench_floor")
        return elapsed
    finally:
        await engine.dispose()


async def main_async(rows: int, database: str | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        url = async_url(database) if database else f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        csv_path = Path(tmp) / "catalog.csv"
        started = time.perf_counter()
        write_csv(csv_path, rows)
        generate_s = time.perf_counter() - started
        url, schema = await private_schema(url)
        try:
            await upgrade_async(url)
            floor_s = await time_floor(url, csv_path)
            import_s = await time_import(url, csv_path)
            reimport_s = await time_import(url, csv_path)
        finally:
            if schema is not None:
                await drop_schema(url, schema)
        return {
            "bench": "catalog_import", "database": "sqlite" if is_sqlite(url) else "postgresql", "rows": rows,
            "file_mb": round(csv_path.stat().st_size / 1e6, 1), "generate_s": round(generate_s, 2),
            "floor_s": round(floor_s, 2), "import_s": round(import_s, 2), "reimport_s": round(reimport_s, 2),
            "import_rows_per_s": round(rows / import_s), "ratio_import_to_floor": round(import_s / floor_s, 2),
        }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.catalog_import", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", default=None, help="SQLAlchemy URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    result = asyncio.run(main_async(args.rows, args.database))
    print(f"catalog import, {result['rows']} rows ({result['file_mb']} MB CSV) on {result['database']}")
    print(f"{'step':<34}{'seconds':>10}")
    for key, label in (("floor_s", "floor: parse + bare executemany"), ("import_s", "shopbot import (new)"),
                       ("reimport_s", "shopbot re-import (all updates)")):
        print(f"{label:<34}{result[key]:>10.2f}")
    print(f"{'import / floor':<34}{result['ratio_import_to_floor']:>10.2f}x")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
