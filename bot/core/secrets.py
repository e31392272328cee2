"""The secret that signs Telegram invoice payloads (``store.payments.payload``).

WHY a key file: a payload signed before a restart must still verify after it (a shopper may pay an invoice
sent yesterday), so the secret must be stable, and it must never be a constant in the source (anyone could
forge payloads). ``SHOPBOT_PAYMENT_SECRET`` wins; otherwise 32 random bytes are written once to
``<data dir>/secret.key`` (mode 0600, created exclusively so two workers starting together agree) and the
payment secret is derived from it with an HMAC, so the same key file can serve other purposes later.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from bot.settings import Settings

__all__ = ["payment_secret", "KEY_FILE"]

KEY_FILE = "secret.key"
_KEY_BYTES = 32


def _read_or_create_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_bytes()
        if len(key) < _KEY_BYTES:
            raise RuntimeError(f"{path} is shorter than {_KEY_BYTES} bytes; delete it to make a new one "
                               "(unpaid invoices sent with the old key will then be refused)") from None
        return key
    key = secrets.token_bytes(_KEY_BYTES)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


@lru_cache(maxsize=16)
def _derived(key_path: Path) -> bytes:
    return hmac.new(_read_or_create_key(key_path), b"shopbot/payment-payload/v1", hashlib.sha256).digest()


def payment_secret(settings: Settings) -> bytes:
    """The configured secret, else one derived from the data dir's key file (read once per process)."""
    if settings.payment_secret is not None and settings.payment_secret.get_secret_value():
        return settings.payment_secret.get_secret_value().encode()
    return _derived((settings.data_dir / KEY_FILE).resolve())
