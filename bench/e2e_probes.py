"""What the e2e bot process measures about itself while the load runs: every SQL statement and how long each
transaction held its connection (``SqlProfile``), and how late the event loop serves a 10 ms timer, with the
garbage collector's share (``LoopLag``).

WHY a module of its own: these are instruments, the same for either bot, read by the orchestrator over the
control pipe (bench/e2e_bots.py ``_run``); the bots and their run loop are the other half of that file.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

__all__ = ["SqlProfile", "LoopLag"]


class SqlProfile:
    """Every SQL statement the bot runs, by its text: count and wall time from execute to result (waits for the
    connection's thread and SQLite's lock included)."""

    def __init__(self, engine: Any) -> None:
        from collections import defaultdict

        from sqlalchemy import event

        self.stats: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            conn.info.setdefault("bench_t0", []).append(time.perf_counter())

        self.holds: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])

        @event.listens_for(engine.sync_engine, "after_cursor_execute")
        def _after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            now = time.perf_counter()
            t0 = conn.info["bench_t0"].pop()
            entry = self.stats[" ".join(statement.split())[:160]]
            entry[0] += 1
            entry[1] += now - t0
            if statement.startswith("BEGIN"):
                kind = "W " if "IMMEDIATE" in statement else ""  # a writer: SQLite's write lock is held
                conn.info["bench_tx"] = (now, kind + _where())

        def _end(conn: Any) -> None:
            started = conn.info.pop("bench_tx", None)
            if started is not None:
                held = time.perf_counter() - started[0]
                entry = self.holds[started[1]]
                entry[0] += 1
                entry[1] += held
                entry[2] = max(entry[2], held)

        event.listen(engine.sync_engine, "commit", _end)
        event.listen(engine.sync_engine, "rollback", _end)


def _where() -> str:
    """The functions of ours (bot/, store/, knowledge/) that opened a transaction. The SQL runs in a greenlet
    whose stack stops at SQLAlchemy; the caller's coroutines are on the parent greenlet's stack."""
    import greenlet

    parent = greenlet.getcurrent().parent
    frame: Any = parent.gr_frame if parent is not None else None
    names: list[str] = []
    while frame is not None and len(names) < 4:
        if any(k in frame.f_code.co_filename for k in ("/bot/", "/store/", "/knowledge/")):
            names.append(frame.f_code.co_qualname)
        frame = frame.f_back
    return " < ".join(names) or "?"


class LoopLag:
    """How late a 10 ms timer fires: the time the event loop was busy with something else (a blocking call, a
    long callback, a garbage collection) and could not serve other shoppers."""

    def __init__(self) -> None:
        import gc

        self.lags: list[float] = []
        self.gc_s = [0.0, 0.0, 0.0]
        self.gc_n = [0, 0, 0]
        self._gc_t0 = 0.0

        def timing(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                self._gc_t0 = time.perf_counter()
            else:
                self.gc_s[info["generation"]] += time.perf_counter() - self._gc_t0
                self.gc_n[info["generation"]] += 1

        gc.callbacks.append(timing)

    async def run(self) -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(0.01)
            self.lags.append((time.perf_counter() - t - 0.01) * 1000)

    def read(self) -> dict[str, Any]:
        lags, self.lags = sorted(self.lags), []
        gc_s, gc_n, self.gc_s, self.gc_n = self.gc_s, self.gc_n, [0.0, 0.0, 0.0], [0, 0, 0]
        out: dict[str, Any] = {"gc_s": gc_s, "gc_n": gc_n}
        if not lags:
            return {**out, "p99_ms": 0.0, "max_ms": 0.0, "over_50ms_s": 0.0}
        return {**out, "p99_ms": lags[int(0.99 * (len(lags) - 1))], "max_ms": lags[-1],
                "over_50ms_s": sum(x for x in lags if x > 50) / 1000}
