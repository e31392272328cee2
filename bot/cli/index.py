"""`shopbot index rebuild`: re-index the whole catalog for product search (after changing EMBEDDING_MODEL,
or to compact an index that has absorbed many changes). Unchanged texts come from the embedding cache."""

from __future__ import annotations

import asyncio
import time

import typer

from bot.cli.store_context import open_store, settings_or_exit

__all__ = ["app"]

app = typer.Typer(help="Product search index.", no_args_is_help=True)


@app.command("rebuild")
def rebuild(quiet: bool = typer.Option(False, "--quiet", help="No progress bar.")) -> None:
    """Encode every active product and write a fresh index to SHOPBOT_DATA_DIR/index/products."""
    from knowledge.encoders.registry import load_encoder, warm_up
    from knowledge.search.service import ProductSearch, index_path

    settings = settings_or_exit()

    async def run() -> int:
        async with open_store(settings) as uows:
            encoder = load_encoder(settings.embedding_model, settings.index_dir)
            await asyncio.to_thread(warm_up, encoder)
            service = ProductSearch(uows, encoder, settings.index_dir, log_zero_results=False)
            return await service.rebuild(progress=not quiet)

    started = time.perf_counter()
    count = asyncio.run(run())
    typer.echo(f"Indexed {count} products with {settings.embedding_model} in {time.perf_counter() - started:.1f} s "
               f"-> {index_path(settings.index_dir)}")
