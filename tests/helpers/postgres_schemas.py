"""Migrated PostgreSQL schemas for tests: made once, emptied and handed to the next test.

Every store test runs on PostgreSQL too, each on a schema of its own. Creating, migrating and dropping one
costs ~1 s of DDL on this machine (hundreds of tests: minutes of the suite); emptying a used one costs ~20 ms.
A schema goes back to the pool only when it could be emptied completely; one whose tables a test left locked
(a connection not closed) is dropped at the end instead, so no test ever sees another's rows.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field

import asyncpg

from tests.helpers.migrated import postgres_script

__all__ = ["SchemaPool"]

# Commits here need not survive a crash of the test server: skip the WAL flush DDL and bulk deletes wait on.
_FAST = {"synchronous_commit": "off"}


@dataclass
class SchemaPool:
    dsn: str
    free: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)

    def take(self) -> str:
        """A migrated, empty schema's URL (``search_path`` set)."""
        schema = self.free.pop() if self.free else self._make()
        sep = "&" if "?" in self.dsn else "?"
        return f"{self.dsn}{sep}search_path={schema}"

    def give_back(self, url: str) -> None:
        schema = url.rsplit("search_path=", 1)[1]
        if asyncio.run(self._empty(schema)):
            self.free.append(schema)

    def close(self) -> None:
        asyncio.run(self._run(*(f'DROP SCHEMA IF EXISTS "{s}" CASCADE' for s in self.made)))
        self.free.clear()
        self.made.clear()

    def _make(self) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        self.made.append(schema)
        asyncio.run(self._run(f'CREATE SCHEMA "{schema}"', f'SET search_path TO "{schema}"', postgres_script()))
        return schema

    async def _run(self, *statements: str) -> None:
        conn = await asyncpg.connect(self.dsn, server_settings=_FAST)
        try:
            for sql in statements:
                await conn.execute(sql)
        finally:
            await conn.close()

    async def _empty(self, schema: str) -> bool:
        """Delete every row and restart every sequence: the schema is as the migration left it."""
        conn = await asyncpg.connect(self.dsn, server_settings={**_FAST, "lock_timeout": "5s"})
        try:
            tables = [r[0] for r in await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'alembic_version'", schema)]
            sequences = [r[0] for r in await conn.fetch(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = $1", schema)]
            statements = [f'DELETE FROM "{schema}"."{t}";' for t in tables]
            statements += [f'ALTER SEQUENCE "{schema}"."{s}" RESTART;' for s in sequences]
            async with conn.transaction():
                # Foreign keys are triggers: skipping them lets the tables be emptied in any order.
                await conn.execute("SET LOCAL session_replication_role = replica; " + " ".join(statements))
            return True
        except asyncpg.PostgresError:  # a lock a test left (lock_timeout) or any other refusal: not reused
            return False
        finally:
            await conn.close()
