"""Typed support errors, carrying what a reply needs."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["TicketClosed"]


@dataclass
class TicketClosed(StoreError):
    """A message or action arrived for a ticket that is already closed."""

    number: str
    code: ErrorCode = ErrorCode.ILLEGAL_TRANSITION

    def __str__(self) -> str:
        return f"ticket {self.number} is closed"
