"""Unit of work: one transaction per service call that rolls back unless the service commits.

Side effects (messages, index updates) are collected as events and handed out only after commit, so a
rolled-back checkout never tells anyone anything.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

__all__ = ["UnitOfWork", "UnitOfWorkFactory"]


class UnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
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
        self._session = self._sessions()
        self._pending_events = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        try:
            await self._session.rollback()
        finally:
            await self._session.close()
            self._session = None

    def emit(self, event: Any) -> None:
        """Queue a domain event; it is published only if the transaction commits."""
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


class UnitOfWorkFactory:
    """Makes units of work; listeners registered here (e.g. the search index) see every committed event."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions
        self._listeners: list[Callable[[list[Any]], None]] = []

    def subscribe(self, listener: Callable[[list[Any]], None]) -> None:
        self._listeners.append(listener)

    def __call__(self) -> UnitOfWork:
        uow = UnitOfWork(self.sessions)
        for listener in self._listeners:
            uow.on_commit(listener)
        return uow
