"""An in-process queue in front of SQLite's single write lock.

WHY: every writing transaction on SQLite starts with ``BEGIN IMMEDIATE`` (see store.db), and a second writer
waits in SQLite's busy handler, which polls by sleeping 1, 2, 5, ... up to 100 ms. Under load the e2e benchmark
measured 176 ms of waiting per ``BEGIN IMMEDIATE`` while each writer held the lock ~13-40 ms: writers of one
process slept past the moment the lock came free, and the non-search p99 followed. Queueing the writers of a
process on an ``asyncio.Lock`` first hands the lock over the moment the previous writer ends, in arrival order.
Writers of other processes still meet in SQLite's busy handler, as before.

The gate never makes things worse than SQLite alone: a task that already holds it (a nested unit of work) goes
straight on, and a writer that waited ``timeout`` seconds goes on to SQLite's own lock (logged), so a writer
that waits for another task's writer cannot deadlock here.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any

__all__ = ["WriterGate", "gate_for"]

log = logging.getLogger(__name__)


class WriterGate:
    def __init__(self, timeout: float = 5.0) -> None:
        self.timeout = timeout
        self._lock: asyncio.Lock | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._holder: asyncio.Task[Any] | None = None

    async def acquire(self) -> bool:
        """Wait for this process's earlier writers; True when the caller now holds the gate (and must release)."""
        task = asyncio.current_task()
        if task is not None and task is self._holder:
            return False
        loop = asyncio.get_running_loop()
        if self._lock is None or self._loop is not loop:
            # A lock belongs to one event loop; tests and CLI commands run several loops one after another.
            self._lock, self._loop, self._holder = asyncio.Lock(), loop, None
        try:
            # WHY asyncio.timeout and not wait_for: Python 3.11's wait_for returns the lock when the waiter is
            # cancelled just as the lock comes free, swallowing the cancellation. A job cancelled at shutdown then
            # ran on and slept, and `shopbot chat` never exited (walks 6 and 7).
            async with asyncio.timeout(self.timeout):
                await self._lock.acquire()
        except TimeoutError:
            log.warning("a store writer waited %.0f s for this process's writer queue; going on to SQLite's lock",
                        self.timeout)
            return False
        self._holder = task
        return True

    def release(self) -> None:
        self._holder = None
        if self._lock is not None and self._lock.locked():
            self._lock.release()


_GATES: weakref.WeakKeyDictionary[Any, WriterGate] = weakref.WeakKeyDictionary()


def gate_for(engine: Any) -> WriterGate:
    """The one gate of a (sync) SQLite engine, shared by every unit-of-work factory built on it."""
    gate = _GATES.get(engine)
    if gate is None:
        gate = _GATES[engine] = WriterGate()
    return gate
