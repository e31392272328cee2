"""The cards of a reply (search results, recommendations) are loaded together: one read-only transaction and
the same few statements whatever the number of cards (it was three queries per card, each one more moment a
SQLite transaction stayed open)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.core.skills.shopping.products import load_shown
from store.catalog.service import delete_product
from store.db import create_engine, session_factory
from store.uow import UnitOfWorkFactory
from tests.helpers.catalog_builders import make_product
from tests.helpers.migrated import migrate_async

NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[tuple[UnitOfWorkFactory, list[str]]]:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    await migrate_async(url)
    engine = create_engine(url)
    statements: list[str] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if not statement.startswith("PRAGMA"):
            statements.append(statement if statement.startswith("BEGIN") else statement.split()[0].upper())

    yield UnitOfWorkFactory(session_factory(engine)), statements
    await engine.dispose()


async def test_cards_load_in_one_read_only_transaction_whatever_their_number(
    store: tuple[UnitOfWorkFactory, list[str]]
) -> None:
    uows, statements = store
    products = [await make_product(uows, f"P{i}", skus=[f"P{i}-A", f"P{i}-B"]) for i in range(8)]
    counts = []
    for n in (2, 8):
        statements.clear()
        shown = await load_shown(uows, [p.id for p in products[:n]], NOW)
        assert [s.product.id for s in shown] == [p.id for p in products[:n]]
        assert [x for x in statements if x.startswith("BEGIN")] == ["BEGIN DEFERRED"]  # one, read-only
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4  # BEGIN, the products (with categories), their variants, flash sales


async def test_cards_keep_the_ranking_order_and_skip_products_gone_since(
    store: tuple[UnitOfWorkFactory, list[str]]
) -> None:
    uows, _ = store
    a, b, c = [await make_product(uows, f"P{i}") for i in range(3)]
    async with uows() as uow:
        await delete_product(uow, b.external_id)
    shown = await load_shown(uows, [c.id, b.id, 9999, a.id], NOW)
    assert [s.product.id for s in shown] == [c.id, a.id]


async def test_products_named_reads_every_reference_in_three_statements(
    store: tuple[UnitOfWorkFactory, list[str]]
) -> None:
    """The products on screen and seen earlier (up to ~28 references) are looked up for one message: it was two
    statements per reference (a SKU lookup, then the product), the costliest read of a turn."""
    from bot.core.skills.shopping.products import products_named, resolve_ref

    uows, statements = store
    products = [await make_product(uows, f"P{i}", skus=[f"P{i}-A", f"P{i}-B"]) for i in range(12)]
    async with uows() as uow:
        await delete_product(uow, "P3")
        await uow.commit()
    variant_id = products[5].variants[1].id
    refs = [p.external_id for p in products] + ["P7-B", f"v.{variant_id}", "nope", "", " P2 "]
    statements.clear()
    found = await products_named(uows, refs)
    assert [x for x in statements if x.startswith("BEGIN")] == ["BEGIN DEFERRED"]
    assert len(statements) <= 4  # BEGIN, the variants named, the products (with categories), their variants
    expected = []
    async with uows.read() as uow:
        for ref in refs:
            try:
                expected.append((await resolve_ref(uow, ref))[0] if ref.strip() else None)
            except Exception:
                expected.append(None)
    assert [p.id if p else None for p in found] == [p.id if p else None for p in expected]
    assert [p.external_id if p else None for p in found][-5:] == ["P7", "P5", None, None, "P2"]
    assert found[3] is not None and not found[3].is_active  # deleted: named, as one lookup returns it
