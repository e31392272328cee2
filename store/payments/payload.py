"""Signed invoice payloads: ``v1.<order id>.<amount>.<currency>.<signature>``.

The payload comes back to us in pre-checkout queries and successful payments. Signing order id, amount and
currency with an HMAC (SHA-256, truncated to 128 bits) means a forged or edited payload is recognised
without a database read, and the amount the shopper saw is bound to the order. Always far below Telegram's
128-byte limit (about 45 bytes).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

__all__ = ["PayloadClaims", "sign_payload", "verify_payload", "MAX_PAYLOAD_BYTES"]

MAX_PAYLOAD_BYTES = 128
_VERSION = "v1"


@dataclass(frozen=True)
class PayloadClaims:
    order_id: int
    amount: int
    currency: str


def _signature(secret: bytes, body: str) -> str:
    digest = hmac.new(secret, body.encode(), hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def sign_payload(secret: bytes, order_id: int, amount: int, currency: str) -> str:
    if not secret:
        raise ValueError("a payment payload secret is required")
    body = f"{_VERSION}.{order_id}.{amount}.{currency}"
    payload = f"{body}.{_signature(secret, body)}"
    assert len(payload.encode()) <= MAX_PAYLOAD_BYTES
    return payload


def verify_payload(secret: bytes, payload: str) -> PayloadClaims | None:
    """The claims if the payload is ours and untouched, else None."""
    if len(payload.encode()) > MAX_PAYLOAD_BYTES:
        return None
    parts = payload.split(".")
    if len(parts) != 5 or parts[0] != _VERSION:
        return None
    body = ".".join(parts[:4])
    if not hmac.compare_digest(_signature(secret, body), parts[4]):
        return None
    try:
        return PayloadClaims(int(parts[1]), int(parts[2]), parts[3])
    except ValueError:
        return None
