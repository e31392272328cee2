"""Typed transport errors: what can go wrong between a neutral reply and a Telegram call."""

from __future__ import annotations

__all__ = ["TransportError", "MediaNotFound", "MediaRejected", "EditFailed", "ConfigurationError"]


class TransportError(Exception):
    """Base class for transport failures."""


class ConfigurationError(TransportError):
    """A setting the transport needs is missing or wrong (the message names the environment variable)."""


class MediaNotFound(TransportError):
    """A Photo points at a local file that does not exist or lies outside the media directory."""

    def __init__(self, ref: str, reason: str) -> None:
        super().__init__(f"media {ref!r}: {reason}")
        self.ref, self.reason = ref, reason


class EditFailed(TransportError):
    """Telegram refused an edit (message too old, deleted, not the bot's); the outbox sends a new message."""


class MediaRejected(TransportError):
    """Telegram refused a file id we sent (it no longer knows it); the outbox uploads the file again."""
