"""Open the configured store for one CLI command: engine, unit-of-work factory, migration check."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import typer

from bot.settings import Settings, SettingsError, load_settings
from store.db import create_engine, session_factory
from store.errors import DatabaseNotMigrated
from store.migrate import ensure_migrated
from store.uow import UnitOfWorkFactory

__all__ = ["settings_or_exit", "open_store"]


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from None


@asynccontextmanager
async def open_store(settings: Settings, *, check_migrated: bool = True) -> AsyncIterator[UnitOfWorkFactory]:
    engine = create_engine(settings.database_url)
    try:
        if check_migrated:
            try:
                await ensure_migrated(engine)
            except DatabaseNotMigrated as exc:
                typer.secho(str(exc), fg="red", err=True)
                raise typer.Exit(3) from None
        yield UnitOfWorkFactory(session_factory(engine))
    finally:
        await engine.dispose()
