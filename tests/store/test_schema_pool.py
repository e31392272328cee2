"""The suite's PostgreSQL schemas are reused: a test must never see the rows or ids a previous one left."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from tests.helpers.postgres_schemas import SchemaPool

pytestmark = pytest.mark.postgres


async def _rows(url: str, sql: str) -> list[asyncpg.Record]:
    dsn, schema = url.rsplit("?search_path=", 1)
    conn = await asyncpg.connect(dsn, server_settings={"search_path": schema})
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


def test_a_schema_comes_back_empty_with_its_ids_restarted(postgres_schemas: SchemaPool) -> None:
    url = postgres_schemas.take()
    insert = "INSERT INTO categories (name, path) VALUES ('Shoes', 'Shoes') RETURNING id"
    first = asyncio.run(_rows(url, insert))[0]["id"]
    asyncio.run(_rows(url, insert.replace("Shoes", "Boots")))
    postgres_schemas.give_back(url)

    again = postgres_schemas.take()
    assert again == url  # the same schema, reused
    assert asyncio.run(_rows(again, "SELECT count(*) AS n FROM categories"))[0]["n"] == 0
    assert asyncio.run(_rows(again, insert))[0]["id"] == first
    assert asyncio.run(_rows(again, "SELECT version_num FROM alembic_version"))  # still migrated
    postgres_schemas.give_back(again)
