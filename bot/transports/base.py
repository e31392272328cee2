"""What `shopbot run`, the tests and the benchmark need from a Telegram adapter, whichever library it uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from bot.transports.bridge import Core

__all__ = ["BotIdentity", "TelegramTransport", "ALLOWED_UPDATES", "api_root"]

# Everything the core understands; Telegram does not send chat_member updates unless asked.
ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "pre_checkout_query"]


def api_root(base_url: str) -> str:
    """TELEGRAM_API_BASE_URL is the server root (https://api.telegram.org or a self-hosted Bot API server)."""
    return base_url.rstrip("/")


@dataclass(frozen=True)
class BotIdentity:
    id: int
    username: str


class TelegramTransport(Protocol):
    name: str

    async def start(self) -> BotIdentity:
        """Open the library's HTTP session and call getMe."""
    def attach(self, core: Core) -> None:
        """Route updates to the core (after start, because the core wants the bot's username)."""
    async def set_commands(self) -> None: ...
    async def start_polling(self, poll_timeout: float = 10.0) -> None:
        """deleteWebhook, then long-poll getUpdates in the background."""
    async def start_webhook(self, url: str, listen: str, port: int, secret: str) -> None:
        """setWebhook(url, secret_token) and serve it; requests without the secret get 403."""
    async def feed(self, update: dict[str, Any]) -> None:
        """Handle one raw update JSON (malformed ones are logged and dropped, never raised)."""
    async def stop(self) -> None: ...
