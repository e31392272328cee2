"""`shopbot kb ...`: manage the community Q&A knowledge base (import FAQ files, see the pending queue)."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.store_context import settings_or_exit

__all__ = ["app"]

app = typer.Typer(help="Q&A knowledge base.", no_args_is_help=True)


@app.command("import")
def import_cmd(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV or JSON: question,answer,sku,tags,source"),
    merge: bool = typer.Option(True, "--merge/--no-merge",
                               help="Merge near-duplicate questions (loads the embedding model)."),
) -> None:
    """Import question/answer pairs: all or nothing, problems reported with their line numbers."""
    settings = settings_or_exit()

    async def run() -> None:
        from bot.cli.store_context import open_store
        from knowledge.qa import QAService
        from knowledge.qa.errors import KBImportError
        from knowledge.qa.importer import import_kb

        async with open_store(settings) as uow_factory:
            service = None
            if merge:
                service = QAService.from_settings(uow_factory, settings.embedding_model, settings.index_dir)
                await service.start()
            try:
                result = await import_kb(uow_factory, path, service=service)
            except KBImportError as exc:
                typer.secho(str(exc), fg="red", err=True)
                raise typer.Exit(1) from None
        typer.echo(f"{result.rows} rows: {result.questions_created} new questions, {result.merged} merged into "
                   f"known questions, {result.answers_added} answers added, {result.unchanged} already there.")

    from bot.cli.errors import run_friendly

    run_friendly(run())


@app.command("pending")
def pending_cmd(limit: int = typer.Option(50, help="How many to show.")) -> None:
    """List questions waiting for an answer from the community or staff, oldest first."""
    settings = settings_or_exit()

    async def run() -> None:
        from bot.cli.store_context import open_store
        from store.knowledge_pending import list_pending

        async with open_store(settings) as uow_factory, uow_factory() as uow:
            rows = await list_pending(uow, limit=limit)
        if not rows:
            typer.echo("No pending questions.")
        for row in rows:
            where = row.posted_to.value if row.posted_to else "not posted"
            typer.echo(f"#{row.id} [{row.created_at:%Y-%m-%d %H:%M}] ({where}) user {row.asker_id}: {row.text}")

    from bot.cli.errors import run_friendly

    run_friendly(run())
