"""`shopbot catalog import FILE` / `shopbot catalog export FILE` (CSV or JSON by extension)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import typer

from bot.cli.store_context import open_store, settings_or_exit

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

__all__ = ["app", "RichImportProgress"]

app = typer.Typer(help="Catalog import and export.", no_args_is_help=True)

_PHASES = {"check": "Checking rows", "import": "Importing"}


class RichImportProgress:
    """A rich progress bar per import phase (checking: bytes of the file; importing: rows); terminal only."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

        self._progress: Progress = Progress(
            TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False)
        self._task: TaskID | None = None

    def __enter__(self) -> RichImportProgress:
        self._progress.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._progress.stop()

    def start(self, phase: str, total: int) -> None:
        if self._task is not None:
            self._progress.update(self._task, completed=self._progress.tasks[-1].total)
        self._task = self._progress.add_task(_PHASES.get(phase, phase), total=total)

    def advance(self, amount: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, amount)


def wants_progress() -> bool:
    return sys.stderr.isatty()


@app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="A .csv or .json file."),
    check: bool = typer.Option(False, "--check", help="Only validate the file; change nothing."),
) -> None:
    """Import (or update) products from FILE, all or nothing; every bad row is reported with its line."""
    from store.catalog import CatalogFormatError, CatalogImportFailed, check_catalog_file, import_catalog

    settings = settings_or_exit()

    async def run() -> str:
        progress = RichImportProgress() if wants_progress() else None
        if check:
            if progress is None:
                plan = check_catalog_file(file, settings.currency)
            else:
                with progress:
                    plan = check_catalog_file(file, settings.currency, progress)
            return f"{file.name}: {plan.rows} rows, {len(plan.first_line)} products, all valid."
        async with open_store(settings) as uows, uows() as uow:
            if progress is None:
                result = await import_catalog(uow, file, default_currency=settings.currency)
            else:
                with progress:
                    result = await import_catalog(uow, file, default_currency=settings.currency,
                                                  progress=progress)
        retired = (f" {result.products_retired} products left without SKUs were taken off sale."
                   if result.products_retired else "")
        return (f"Imported {result.rows} rows from {result.file_name}: {result.products} products "
                f"({result.products_created} new, {result.products_updated} updated), "
                f"{result.variants_created} new and {result.variants_updated} updated variants, "
                f"{result.categories_created} new categories.{retired}")

    try:
        typer.echo(asyncio.run(run()))
    except CatalogImportFailed as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(1) from None
    except CatalogFormatError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(1) from None


@app.command("export")
def export_cmd(file: Path = typer.Argument(..., dir_okay=False, help="A .csv or .json file to write.")) -> None:
    """Export the catalog (one record per SKU, the import's format) to FILE."""
    from store.catalog import CatalogFormatError, export_catalog

    settings = settings_or_exit()

    async def run() -> str:
        async with open_store(settings) as uows, uows() as uow:
            result = await export_catalog(uow, file)
        return f"Exported {result.rows} SKUs of {result.products} products to {file}."

    try:
        typer.echo(asyncio.run(run()))
    except CatalogFormatError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(1) from None
