"""Store changes committed by other processes, found by polling, handed to an index's updater.

WHY: the product search and the Q&A index follow the store's events, and those reach only the process that made
the change. With two workers, a price set through one stayed stale in the other's search, and a staff answer
given through one was unknown to the other's Q&A; a `shopbot catalog import` or `kb import` next to a running
bot was not seen until a restart. Every ``every`` seconds the feed asks the store what changed since it last
looked: ``since(uow, moment)`` gives (id, when) pairs (store/catalog/changes.py for products,
store/knowledge_changes.py for questions: indexed range reads, nothing when nothing changed).

The look-back overlaps by ``overlap``: a row's ``updated_at`` is set when its statement runs, not when its
transaction commits, so a long import (or clocks of two machines slightly apart) can commit rows dated before
the newest one already seen. Rows seen in the previous round are not handed over twice. This process's own
changes come back once too (its events already applied them): the updater re-reads them and finds them
unchanged, which costs a read and no encoding.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from store.uow import UnitOfWork, UnitOfWorkFactory

Latest = Callable[[UnitOfWork], Awaitable[datetime | None]]
Since = Callable[[UnitOfWork, datetime], Awaitable[list[tuple[int, datetime]]]]

__all__ = ["ChangeFeed"]

log = logging.getLogger(__name__)


class ChangeFeed:
    def __init__(self, uows: UnitOfWorkFactory, latest: Latest, since: Since, on_changed: Callable[[set[int]], None],
                 *, every: float = 5.0, overlap: timedelta = timedelta(seconds=60), name: str = "change-feed") -> None:
        self._uows, self._latest, self._since, self._on_changed = uows, latest, since, on_changed
        self.name = name
        self.every, self.overlap = every, overlap
        self._mark: datetime | None = None  # the newest change seen
        self._seen: set[tuple[int, datetime]] = set()
        self._task: asyncio.Task[None] | None = None
        self._primed = False

    async def prime(self) -> None:
        """Note what the store holds now. Call it before reading everything into the index: what is visible
        here is visible to that read, so only later changes are handed over."""
        async with self._uows.read() as uow:
            self._mark = await self._latest(uow) or datetime.now(UTC)
            self._seen = set(await self._since(uow, self._mark - self.overlap))
        self._primed = True

    async def start(self) -> None:
        """Poll every ``every`` seconds from now on (priming first if the caller did not)."""
        if not self._primed:
            await self.prime()
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def poll(self) -> set[int]:
        """One look: the ids changed since the last one (also handed to ``on_changed``)."""
        since = (self._mark or datetime.now(UTC)) - self.overlap
        async with self._uows.read() as uow:
            rows = set(await self._since(uow, since))
        new = rows - self._seen
        self._seen = rows
        if rows:
            newest = max(when for _, when in rows)
            self._mark = newest if self._mark is None else max(self._mark, newest)
        ids = {pid for pid, _ in new}
        if ids:
            self._on_changed(ids)
        return ids

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            try:
                await self.poll()
            except Exception:  # a database hiccup: the next round looks again from the same mark
                log.exception("%s: polling failed; retrying in %.0f s", self.name, self.every)
