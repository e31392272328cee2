"""Redeem codes: 16 random symbols from an alphabet without look-alikes (no 0/O, 1/I/L), in groups of four.

About 79 bits (31 symbols, 16 places) from ``secrets`` make a collision practically impossible; the UNIQUE
column makes it impossible.
"""

from __future__ import annotations

import secrets

from store.models.digital import DigitalKind

__all__ = ["ALPHABET", "new_code", "normalize"]

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 symbols
_PREFIX = {DigitalKind.GIFT_CARD: "GC", DigitalKind.CODE: "DC"}


def new_code(kind: DigitalKind) -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return "-".join([_PREFIX.get(kind, "DC"), *(body[i:i + 4] for i in range(0, 16, 4))])


def normalize(code: str) -> str:
    """A code as a person types it ("gc 7k2m-qx9p...") in its stored form."""
    raw = "".join(c for c in code.upper() if c.isalnum())
    if len(raw) != 18:
        return code.strip().upper()
    body = raw[2:]
    return "-".join([raw[:2], *(body[i:i + 4] for i in range(0, 16, 4))])
