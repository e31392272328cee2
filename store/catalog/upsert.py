"""Dialect-specific ``INSERT ... ON CONFLICT DO UPDATE`` for bulk upserts on SQLite and PostgreSQL.

Both dialects spell it the same way in SQLAlchemy but through different ``insert`` constructs; executed with
a list of parameter dicts it becomes one driver-level executemany per chunk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

__all__ = ["upsert_statement", "dialect_name"]


def dialect_name(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def upsert_statement(
    session: AsyncSession, table: Table, keys: Sequence[str], update: Sequence[str], extra: dict[str, Any] | None = None
) -> Insert:
    """Insert into ``table``; on a conflict on ``keys`` overwrite the ``update`` columns (plus ``extra`` values)."""
    if dialect_name(session) == "postgresql":
        pg = postgresql.insert(table)
        values: dict[str, Any] = {c: pg.excluded[c] for c in update}
        values.update(extra or {})
        return pg.on_conflict_do_update(index_elements=list(keys), set_=values)
    lite = sqlite.insert(table)
    values = {c: lite.excluded[c] for c in update}
    values.update(extra or {})
    return lite.on_conflict_do_update(index_elements=list(keys), set_=values)
