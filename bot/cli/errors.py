"""Run a command's coroutine and turn known failures into one clear line and an exit code, not a traceback."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import typer

from store.errors import DatabaseNotMigrated, StoreError

__all__ = ["run_friendly"]

T = TypeVar("T")


def run_friendly(coro: Coroutine[Any, Any, T]) -> T:
    try:
        return asyncio.run(coro)
    except DatabaseNotMigrated as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(3) from None
    except StoreError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from None
