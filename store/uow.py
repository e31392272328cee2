"""Unit of work: one transaction per service call that rolls back unless the service commits.

Side effects (messages, index updates) are collected as events and handed out only after commit, so a
rolled-back checkout never tells anyone anything.

Read-only units of work (``uows.read()``) are for the dialogue's hot reads (product cards, a cart view, an order
lookup, the conversation state). WHY they exist: SQLite has one writer, and every writing transaction starts
with ``BEGIN IMMEDIATE`` so racing buyers queue instead of failing; a read that took the same lock made every
shopper's card or cart wait behind every checkout. A read-only one begins a deferred (shared) transaction, which
WAL readers never block, and any write in it is refused (SQLite: a statement that is not a read raises
``ReadOnlyViolation``, see store.db; PostgreSQL: the transaction is ``READ ONLY``): a read-only unit of work that
tries to write fails loudly instead of quietly taking the write lock.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from store.writer_gate import WriterGate, gate_for

__all__ = ["READ_ONLY", "ReadOnlyViolation", "UnitOfWork", "UnitOfWorkFactory"]

# Execution option that marks a connection's transactions as read-only (store.db reads it when one begins).
READ_ONLY = "shopbot_read_only"


class ReadOnlyViolation(RuntimeError):
    """A read-only unit of work was asked to write (a statement, on SQLite) or to emit an event."""


class UnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, bind: AsyncEngine | None = None,
                 read_only: bool = False, writer_gate: WriterGate | None = None) -> None:
        self._sessions = sessions
        self._writer_gate = writer_gate
        self._holds_gate = False
        self._bind = bind
        self.read_only = read_only
        self._session: AsyncSession | None = None
        self._pending_events: list[Any] = []
        self.committed_events: list[Any] = []
        self._after_commit: list[Callable[[list[Any]], None]] = []

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside `async with`")
        return self._session

    async def __aenter__(self) -> Self:
        if self._writer_gate is not None:
            self._holds_gate = await self._writer_gate.acquire()
        self._session = self._sessions(bind=self._bind) if self._bind is not None else self._sessions()
        self._pending_events = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        try:
            await self._session.rollback()
        finally:
            try:
                await self._session.close()
            finally:
                self._session = None
                if self._holds_gate and self._writer_gate is not None:
                    self._holds_gate = False
                    self._writer_gate.release()

    def emit(self, event: Any) -> None:
        """Queue a domain event; it is published only if the transaction commits."""
        if self.read_only:
            raise ReadOnlyViolation(f"a read-only unit of work cannot emit {type(event).__name__}")
        self._pending_events.append(event)

    def on_commit(self, listener: Callable[[list[Any]], None]) -> None:
        self._after_commit.append(listener)

    async def commit(self) -> None:
        await self.session.commit()
        events, self._pending_events = self._pending_events, []
        self.committed_events.extend(events)
        for listener in self._after_commit:
            listener(events)

    async def rollback(self) -> None:
        self._pending_events = []
        await self.session.rollback()


def _read_only_bind(sessions: async_sessionmaker[AsyncSession]) -> AsyncEngine | None:
    """The sessions' engine with the read-only options (it shares the engine's pool)."""
    bind = sessions.kw.get("bind")
    if not isinstance(bind, AsyncEngine):
        return None
    options: dict[str, Any] = {READ_ONLY: True}
    if bind.dialect.name == "postgresql":
        options["postgresql_readonly"] = True
    return bind.execution_options(**options)


class UnitOfWorkFactory:
    """Makes units of work; listeners registered here (e.g. the search index) see every committed event."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions
        self._listeners: list[Callable[[list[Any]], None]] = []
        self._read_bind = _read_only_bind(sessions)
        bind = sessions.kw.get("bind")
        # SQLite has one writer: this process's writers queue here first (see store.writer_gate).
        self._writer_gate = (gate_for(bind.sync_engine)
                             if isinstance(bind, AsyncEngine) and bind.dialect.name == "sqlite" else None)

    def subscribe(self, listener: Callable[[list[Any]], None]) -> None:
        self._listeners.append(listener)

    def __call__(self) -> UnitOfWork:
        uow = UnitOfWork(self.sessions, writer_gate=self._writer_gate)
        for listener in self._listeners:
            uow.on_commit(listener)
        return uow

    def read(self) -> UnitOfWork:
        """A unit of work that only reads: a shared transaction on SQLite, ``READ ONLY`` on PostgreSQL; any
        write in it fails. Use it where nothing is written (cards, cart and order views, state loads)."""
        if self._read_bind is None:
            raise RuntimeError("read-only units of work need sessions bound to an AsyncEngine")
        return UnitOfWork(self.sessions, bind=self._read_bind, read_only=True)
