"""Flash-sale benchmark: N concurrent buyers race through ``claim_flash_sale`` for M units.

In the same run it times the floor: the same number of bare conditional
``UPDATE variants SET stock = stock - 1 WHERE id = :id AND stock >= 1`` statements, each in its own
transaction, through the same engine/driver at the same concurrency. The result reads as a ratio
(service throughput / raw SQL throughput), which is comparable across machines.

It never touches real data: on PostgreSQL it migrates a private schema (``?search_path=bench_...``),
created and dropped by the run; on SQLite it uses a fresh temporary database file.

    python -m bench.flash_sale [--claims N] [--units M] [--database URL] [--concurrency C]

Prints a table and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import async_url, create_engine, is_sqlite, session_factory
from store.flash_sales import claim_flash_sale
from store.migrate import upgrade_async
from store.models.catalog import Product, Variant
from store.models.orders import Order
from store.models.promotions import FlashSale
from store.models.users import User
from store.uow import UnitOfWorkFactory

__all__ = ["main", "run"]

NOW = datetime.now(UTC).replace(microsecond=0)


@dataclass
class Timing:
    seconds: float
    latencies_ms: list[float]

    @property
    def per_s(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, int(q * len(data)))] if data else 0.0


async def _race(count: int, concurrency: int, one: Callable[[int], Awaitable[Any]]) -> tuple[Timing, list[Any]]:
    """Start ``count`` buyers at once; at most ``concurrency`` are inside the database at a time (the pool).

    Latency is measured from the moment a buyer gets its turn (service time, not queueing time)."""
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    results: list[Any] = [None] * count

    async def buyer(i: int) -> None:
        async with gate:
            t0 = time.perf_counter()
            results[i] = await one(i)
            latencies.append((time.perf_counter() - t0) * 1000)

    start = time.perf_counter()
    await asyncio.gather(*(buyer(i) for i in range(count)))
    return Timing(time.perf_counter() - start, latencies), results


async def _seed(uows: UnitOfWorkFactory, claims: int, units: int) -> tuple[int, int, int, int]:
    """Users 1..claims, a flash-sale variant (stock above the sale's units) and a raw-floor variant."""
    async with uows() as uow:
        session = uow.session
        for start in range(0, claims, 5000):
            rows = [{"id": uid, "first_name": f"bench{uid}", "language": "en", "consent": False,
                     "created_at": NOW, "updated_at": NOW} for uid in range(start + 1, min(claims, start + 5000) + 1)]
            await session.execute(insert(User), rows)
        sale_product = Product(external_id="BENCH-FLASH", title="Bench flash item", description="")
        sale_product.variants = [Variant(sku="BENCH-FLASH-1", price_minor=5000, currency="USD", stock=units * 2)]
        warm_product = Product(external_id="BENCH-WARM", title="Bench warm-up item", description="")
        warm_product.variants = [Variant(sku="BENCH-WARM-1", price_minor=5000, currency="USD", stock=1_000_000)]
        raw_product = Product(external_id="BENCH-RAW", title="Bench raw floor", description="")
        raw_product.variants = [Variant(sku="BENCH-RAW-1", price_minor=5000, currency="USD", stock=units)]
        session.add_all([sale_product, warm_product, raw_product])
        await session.flush()
        window = {"starts_at": NOW - timedelta(minutes=1), "ends_at": NOW + timedelta(hours=1)}
        sale = FlashSale(variant_id=sale_product.variants[0].id, title="Bench sale", price_minor=990, currency="USD",
                         quantity_total=units, quantity_remaining=units, per_user_limit=1, **window)
        warm = FlashSale(variant_id=warm_product.variants[0].id, title="Warm-up", price_minor=990, currency="USD",
                         quantity_total=1_000_000, quantity_remaining=1_000_000, per_user_limit=1, **window)
        session.add_all([sale, warm])
        await session.flush()
        ids = (sale.id, sale_product.variants[0].id, raw_product.variants[0].id, warm.id)
        await uow.commit()
    return ids


async def run(url: str, claims: int, units: int, concurrency: int) -> dict[str, Any]:
    url = async_url(url)
    cleanup: Callable[[], Awaitable[None]]
    if is_sqlite(url):
        tmp = tempfile.mkdtemp(prefix="shopbot-bench-")
        url = f"sqlite+aiosqlite:///{os.path.join(tmp, 'bench.sqlite3')}"

        async def cleanup() -> None:
            shutil.rmtree(tmp, ignore_errors=True)

        where = "temporary SQLite file"
    else:
        import asyncpg

        schema = f"bench_{uuid.uuid4().hex[:10]}"
        dsn = url.replace("postgresql+asyncpg://", "postgresql://").split("?", 1)[0]
        conn = await asyncpg.connect(dsn)
        await conn.execute(f'CREATE SCHEMA "{schema}"')
        await conn.close()
        url = f"{url.split('?', 1)[0]}?search_path={schema}"

        async def cleanup() -> None:
            c = await asyncpg.connect(dsn)
            try:
                await c.execute(f'DROP SCHEMA "{schema}" CASCADE')
            finally:
                await c.close()

        where = f"PostgreSQL schema {schema}"
    engine: AsyncEngine | None = None
    try:
        await upgrade_async(url)
        pool = {} if is_sqlite(url) else {"pool_size": concurrency, "max_overflow": 0, "pool_timeout": 300}
        engine = create_engine(url, **pool)
        uows = UnitOfWorkFactory(session_factory(engine))
        sale_id, sale_variant, raw_variant, warm_id = await _seed(uows, claims, units)

        async def claim(i: int, sale: int = sale_id) -> Any:
            async with uows() as uow:
                return await claim_flash_sale(uow, sale, i + 1, now=NOW)

        raw_sql = text("UPDATE variants SET stock = stock - 1 WHERE id = :id AND stock >= 1")

        async def raw(_: int) -> int:
            async with engine.begin() as conn:
                return int((await conn.execute(raw_sql, {"id": raw_variant})).rowcount)

        # Warm up pool connections and statement caches on a separate sale (not measured).
        await _race(min(claims, 4 * concurrency), concurrency, lambda i: claim(i, warm_id))
        service, results = await _race(claims, concurrency, claim)
        floor, raw_rows = await _race(claims, concurrency, raw)

        sold = sum(1 for r in results if r.claimed)
        reasons = Counter(r.refusal.value for r in results if not r.claimed)
        async with uows() as uow:
            s = uow.session
            remaining = (await s.execute(
                select(FlashSale.quantity_remaining).where(FlashSale.id == sale_id))).scalar_one()
            stock = (await s.execute(select(Variant.stock).where(Variant.id == sale_variant))).scalar_one()
            orders = (await s.execute(
                select(func.count()).select_from(Order).where(Order.flash_sale_id == sale_id))).scalar_one()
        oversold = max(0, sold - units, orders - units, (units - remaining) - units, -stock)
        consistent = remaining == units - sold and stock == 2 * units - sold and orders == sold
        return {
            "benchmark": "flash_sale",
            "database": "sqlite" if is_sqlite(url) else "postgresql",
            "where": where,
            "claims": claims,
            "units": units,
            "concurrency": concurrency,
            "units_sold": sold,
            "oversold": oversold,
            "consistent": consistent,
            "refusals": dict(reasons),
            "seconds": round(service.seconds, 3),
            "claims_per_s": round(service.per_s, 1),
            "p50_ms": round(service.pct(0.50), 2),
            "p99_ms": round(service.pct(0.99), 2),
            "raw_sql_seconds": round(floor.seconds, 3),
            "raw_sql_claims_per_s": round(floor.per_s, 1),
            "raw_sql_p50_ms": round(floor.pct(0.50), 2),
            "raw_sql_p99_ms": round(floor.pct(0.99), 2),
            "raw_sql_units_sold": sum(raw_rows),
            "ratio_to_raw_sql": round(service.per_s / floor.per_s, 3) if floor.per_s else 0.0,
        }
    finally:
        if engine is not None:
            await engine.dispose()
        await cleanup()


def _table(r: dict[str, Any]) -> str:
    rows = [
        ("", "service (claim_flash_sale)", "raw conditional UPDATE"),
        ("claims", str(r["claims"]), str(r["claims"])),
        ("units sold", f"{r['units_sold']} of {r['units']}", f"{r['raw_sql_units_sold']} of {r['units']}"),
        ("seconds", f"{r['seconds']:.3f}", f"{r['raw_sql_seconds']:.3f}"),
        ("claims/s", f"{r['claims_per_s']:.0f}", f"{r['raw_sql_claims_per_s']:.0f}"),
        ("p50 ms", f"{r['p50_ms']:.2f}", f"{r['raw_sql_p50_ms']:.2f}"),
        ("p99 ms", f"{r['p99_ms']:.2f}", f"{r['raw_sql_p99_ms']:.2f}"),
    ]
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [f"Flash sale on {r['database']} ({r['where']}), concurrency {r['concurrency']}"]
    lines += ["  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)) for row in rows]
    lines.append(f"oversold {r['oversold']}, consistent {r['consistent']}, refusals {r['refusals']}, "
                 f"ratio to raw SQL {r['ratio_to_raw_sql']:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.flash_sale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--database", default=None, help="database URL (default: the configured one)")
    parser.add_argument("--concurrency", type=int, default=32,
                        help="buyers inside the database at once (the PostgreSQL pool size)")
    args = parser.parse_args(argv)
    if args.claims < 1 or args.units < 1 or args.concurrency < 1:
        parser.error("--claims, --units and --concurrency must be positive")
    url = args.database
    if url is None:
        from bot.settings import SettingsError, load_settings

        try:
            url = load_settings().database_url
        except SettingsError as exc:
            print(exc, file=sys.stderr)
            return 2
    result = asyncio.run(run(url, args.claims, args.units, args.concurrency))
    print(_table(result))
    print(json.dumps(result))
    return 0 if result["oversold"] == 0 and result["consistent"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
