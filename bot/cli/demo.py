"""`shopbot demo`: get a demo shop ready with no configuration.

``prepare_demo`` is the reusable part (the chat front end will call it before opening the web chat): it
migrates the configured store, imports the demo catalog when the store lacks it or it changed, writes the
product images and loads the demo promotions. Everything is idempotent, and the second run only checks.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path

import typer

from bot.cli.store_context import settings_or_exit
from bot.settings import Settings

__all__ = ["DemoSummary", "prepare_demo", "demo_command"]


@dataclass(frozen=True)
class DemoSummary:
    database_url: str
    media_dir: Path
    catalog_imported: bool
    products: int
    variants: int
    images_written: int
    coupons_created: int
    offers_created: int
    flash_sales_created: int
    flash_sales_renewed: int
    faq_added: int
    seconds: float
    warnings: tuple[str, ...]

    def lines(self) -> list[str]:
        catalog = "imported" if self.catalog_imported else "already up to date"
        out = [
            f"Store: {self.database_url}",
            f"Catalog {catalog}: {self.products} products, {self.variants} SKUs",
            f"Images: {self.images_written} written to {self.media_dir / 'images'}",
            f"Promotions: {self.coupons_created} coupons, {self.offers_created} offers, "
            f"{self.flash_sales_created} flash sales created, {self.flash_sales_renewed} renewed",
            f"FAQ: {self.faq_added} questions added to the knowledge base",
            f"Ready in {self.seconds:.1f} s.",
        ]
        return out + [f"warning: {w}" for w in self.warnings]


def _missing_images(rows: list[dict[str, object]], media_dir: Path) -> list[dict[str, object]]:
    return [r for r in rows if not (media_dir / "images" / f"{r.get('product_id')}.png").exists()]


async def prepare_demo(settings: Settings, *, progress: bool = False) -> DemoSummary:
    from knowledge.qa.importer import DEMO_FAQ, load_demo_faq
    from store.db import create_engine, session_factory
    from store.demo.groups import load_demo_groups
    from store.demo.images import write_demo_images
    from store.demo.loader import CATALOG_FILE, load_demo
    from store.migrate import upgrade_async
    from store.models.base import utcnow
    from store.uow import UnitOfWorkFactory

    started = time.perf_counter()
    await upgrade_async(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        uows = UnitOfWorkFactory(session_factory(engine))
        bar = None
        if progress:
            from bot.cli.catalog import RichImportProgress

            bar = RichImportProgress()
        if bar is not None:
            with bar:
                loaded = await load_demo(uows, now=utcnow(), default_currency=settings.currency, progress=bar)
        else:
            loaded = await load_demo(uows, now=utcnow(), default_currency=settings.currency)
        faq_added = await load_demo_faq(uows, DEMO_FAQ)
        await load_demo_groups(uows)
    finally:
        await engine.dispose()
    rows = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    todo = rows if loaded.catalog_imported else _missing_images(rows, settings.media_dir)
    images = await asyncio.to_thread(write_demo_images, todo, settings.media_dir, progress) if todo else 0
    return DemoSummary(
        database_url=settings.database_url, media_dir=settings.media_dir, catalog_imported=loaded.catalog_imported,
        products=loaded.products, variants=loaded.variants, images_written=images,
        coupons_created=loaded.coupons_created, offers_created=loaded.offers_created,
        flash_sales_created=loaded.flash_sales_created, flash_sales_renewed=loaded.flash_sales_renewed,
        faq_added=faq_added, seconds=time.perf_counter() - started, warnings=tuple(loaded.warnings),
    )


def demo_command(
    console: bool = typer.Option(False, "--console", help="Chat in this terminal instead of the browser."),
    prepare_only: bool = typer.Option(False, "--prepare-only", help="Only prepare the demo store, then exit."),
    host: str = typer.Option("127.0.0.1", help="Web chat address."),
    port: int = typer.Option(8080, help="Web chat port."),
) -> None:
    """Prepare the demo shop (SQLite in SHOPBOT_DATA_DIR: catalog, images, promotions, FAQ) and open the
    local web chat on http://127.0.0.1:8080 (or the console chat with --console)."""
    import sys

    from store.demo.errors import DemoCatalogError

    settings = settings_or_exit()
    try:
        summary = asyncio.run(prepare_demo(settings, progress=sys.stderr.isatty()))
    except DemoCatalogError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(1) from None
    for line in summary.lines():
        typer.echo(line)
    if prepare_only:
        return
    if console:
        from bot.cli.chat import chat

        chat(script=None, as_json=False, user=1_000_001, language=settings.locale)
        return
    from bot.cli.web import web

    typer.echo("Loading the language model and building the search index (the first run takes a minute)...")
    web(host=host, port=port)
