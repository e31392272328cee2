"""Time normalisation for order logic.

SQLite hands DateTime columns back without a timezone even though we store UTC; PostgreSQL returns aware
values. Every comparison and every view goes through ``as_utc`` so both databases behave the same.
"""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["as_utc", "as_utc_or_none"]


def as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def as_utc_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)
