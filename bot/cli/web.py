"""`shopbot web`: serve the local web chat on 127.0.0.1:8080 over the configured store."""

from __future__ import annotations

import asyncio
import logging

import typer

from bot.cli.store_context import settings_or_exit

__all__ = ["web", "serve_web"]

log = logging.getLogger("shopbot.web")


async def serve_web(settings: object, host: str, port: int, ready: asyncio.Event | None = None) -> None:
    """Run the web chat until cancelled (Ctrl-C)."""
    from aiohttp import web as aioweb

    from bot.core.app import ShopBot
    from bot.transports.web.server import build_web_app

    async with ShopBot(settings, transport="web", jobs=True) as bot:  # type: ignore[arg-type]
        app = build_web_app(bot, bot.settings.media_dir, bot.settings.locale)
        runner = aioweb.AppRunner(app, access_log=None)
        await runner.setup()
        site = aioweb.TCPSite(runner, host, port)
        await site.start()
        typer.secho(f"shopbot web chat: http://{host}:{port}/  (Ctrl-C to stop)", fg="green", bold=True)
        if ready is not None:
            ready.set()
        try:
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()


def web(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8080, help="Port to listen on."),
) -> None:
    """Chat with the shop in your browser (buttons, photos, test payments)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("faiss.loader", "bm25s", "alembic.runtime.migration", "jieba"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    settings = settings_or_exit()
    from bot.cli.errors import run_friendly

    try:
        run_friendly(serve_web(settings, host, port))
    except KeyboardInterrupt:
        typer.echo("bye")
