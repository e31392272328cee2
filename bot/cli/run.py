"""`shopbot run`: serve the shop on Telegram with python-telegram-bot (default) or aiogram.

Long polling by default; ``--webhook URL`` registers that URL with Telegram's ``secret_token`` (from
SHOPBOT_WEBHOOK_SECRET) and serves it on ``--listen``/``--port``, refusing any request without the secret (403).
Start-up: getMe (the username feeds mention detection), setMyCommands in English and Chinese, then
deleteWebhook + getUpdates, or setWebhook; every call goes to TELEGRAM_API_BASE_URL.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from bot.cli.errors import run_friendly
from bot.cli.store_context import settings_or_exit

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.transports.base import TelegramTransport

__all__ = ["run", "serve_telegram", "TransportName"]

log = logging.getLogger("shopbot.run")


class TransportName(StrEnum):
    PTB = "ptb"
    AIOGRAM = "aiogram"


def build_transport(name: TransportName | str, settings: Settings, *, rate_limit: bool = True) -> TelegramTransport:
    from bot.transports.rate_limit import OutgoingLimiter

    limiter = OutgoingLimiter(enabled=rate_limit)
    if TransportName(name) is TransportName.AIOGRAM:
        from bot.transports.aiogram.app import AiogramTransport

        return AiogramTransport(settings, limiter=limiter)
    from bot.transports.ptb.app import PtbTransport

    return PtbTransport(settings, limiter=limiter)


async def serve_telegram(settings: Settings, transport_name: TransportName | str, webhook: str | None = None,
                         listen: str = "127.0.0.1", port: int = 8443, *, stop: asyncio.Event | None = None,
                         ready: asyncio.Event | None = None, core_options: dict[str, Any] | None = None) -> None:
    """Run until ``stop`` is set (SIGINT/SIGTERM set it when run from the command line). ``core_options``
    go to ShopBot (tests pass a fake NLU and no encoder)."""
    from bot.core.app import ShopBot
    from bot.transports.errors import ConfigurationError

    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if webhook and not secret:
        raise ConfigurationError("SHOPBOT_WEBHOOK_SECRET must be set for --webhook (Telegram sends it back in "
                                 "X-Telegram-Bot-Api-Secret-Token; requests without it are refused)")
    transport = build_transport(transport_name, settings)
    stop = stop or asyncio.Event()
    try:
        identity = await transport.start()
        async with ShopBot(settings, transport="telegram", bot_username=identity.username,
                           **{"jobs": True, **(core_options or {})}) as core:
            transport.attach(core)
            await transport.set_commands()
            if webhook:
                await transport.start_webhook(webhook, listen, port, secret)
                mode = f"webhook {webhook} (listening on {listen}:{port})"
            else:
                await transport.start_polling()
                mode = "long polling"
            typer.secho(f"shopbot @{identity.username} on Telegram via {transport.name}, {mode}. Ctrl-C to stop.",
                        fg="green", bold=True)
            if ready is not None:
                ready.set()
            await stop.wait()
    finally:
        await transport.stop()


async def _main(settings: Settings, transport: TransportName, webhook: str | None, listen: str, port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve_telegram(settings, transport, webhook, listen, port, stop=stop)


def run(
    transport: TransportName = typer.Option(TransportName.PTB, "--transport", help="Telegram library to use."),
    webhook: str | None = typer.Option(None, "--webhook", help="Public HTTPS URL for Telegram to POST updates to."),
    listen: str = typer.Option("127.0.0.1", "--listen", help="Address the webhook server listens on."),
    port: int = typer.Option(8443, "--port", help="Port the webhook server listens on."),
) -> None:
    """Serve the shop on Telegram (long polling, or a webhook with --webhook)."""
    from bot.transports.errors import ConfigurationError

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    settings = settings_or_exit()
    try:
        run_friendly(_main(settings, transport, webhook, listen, port))
    except ConfigurationError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from None
