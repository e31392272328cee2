"""Webhook mode for the PTB adapter: PTB's own tornado server, with Telegram's secret token required.

PTB's webhook handler refuses a request whose ``X-Telegram-Bot-Api-Secret-Token`` header is missing or wrong
with 403, and ``start_webhook`` calls setWebhook(url, secret_token) on the configured API root.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from telegram.ext import Updater

from bot.transports.base import ALLOWED_UPDATES
from bot.transports.errors import ConfigurationError

__all__ = ["start_webhook"]


async def start_webhook(updater: Updater | Any, url: str, listen: str, port: int, secret: str) -> None:
    if not secret:
        raise ConfigurationError("SHOPBOT_WEBHOOK_SECRET is required in webhook mode")
    await updater.start_webhook(listen=listen, port=port, url_path=urlsplit(url).path.lstrip("/"),
                                webhook_url=url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
