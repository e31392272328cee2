"""`shopbot db ...`: migrations."""

from __future__ import annotations

import asyncio

import typer

from bot.cli.store_context import settings_or_exit
from store.db import create_engine
from store.migrate import current_revision, head_revision, upgrade

app = typer.Typer(help="Database migrations.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_cmd(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Migrate the configured database (DATABASE_URL, default a SQLite file in SHOPBOT_DATA_DIR)."""
    settings = settings_or_exit()
    upgrade(settings.database_url, revision)
    typer.echo(f"Database at {head_revision() if revision == 'head' else revision}.")


@app.command("current")
def current_cmd() -> None:
    """Print the database's migration revision and the code's head."""
    settings = settings_or_exit()

    async def run() -> str | None:
        engine = create_engine(settings.database_url)
        try:
            return await current_revision(engine)
        finally:
            await engine.dispose()

    typer.echo(f"current: {asyncio.run(run()) or '(empty)'}  head: {head_revision()}")


@app.command("revision")
def revision_cmd(
    message: str = typer.Argument(..., help="What the migration does."),
    rev_id: str | None = typer.Option(None, help="Revision id, e.g. 0002."),
) -> None:
    """(Developers) autogenerate a migration from the models against a scratch SQLite database."""
    import tempfile
    from pathlib import Path

    from alembic import command

    from store.migrate import alembic_config

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'scratch.sqlite3'}"
        upgrade(url)
        command.revision(alembic_config(url), message=message, autogenerate=True, rev_id=rev_id)
