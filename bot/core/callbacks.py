"""Typed, short button payloads bound to the user who may press them (like aiogram's CallbackData).

Wire form: ``prefix:arg1:arg2~sig`` where sig is 6 chars of an HMAC over the owner's user id and the payload.
Owner 0 means "anyone in the chat" (a flash-sale button posted in a group). Everything is validated on the way
in: a forged, truncated or someone-else's payload is refused, never acted on.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

__all__ = ["CallbackError", "CallbackPayload", "CallbackCodec"]

_ARG = re.compile(r"^[A-Za-z0-9_\-.]{0,40}$")
_PREFIX = re.compile(r"^[a-z][a-z0-9_]{0,11}$")


class CallbackError(ValueError):
    """Malformed, forged or foreign button data."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "malformed" | "forged" | "not_yours"


@dataclass(frozen=True)
class CallbackPayload:
    prefix: str
    args: tuple[str, ...] = ()
    anyone: bool = False

    def arg(self, index: int, default: str = "") -> str:
        return self.args[index] if index < len(self.args) else default

    def int_arg(self, index: int, default: int = 0) -> int:
        try:
            return int(self.arg(index, str(default)))
        except ValueError:
            raise CallbackError("malformed") from None


class CallbackCodec:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sig(self, owner: int, body: str) -> str:
        mac = hmac.new(self._secret, f"{owner}|{body}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac)[:6].decode()

    def encode(self, owner: int, prefix: str, *args: object, anyone: bool = False) -> str:
        parts = [str(a) for a in args]
        if not _PREFIX.match(prefix) or not all(_ARG.match(p) for p in parts):
            raise ValueError(f"callback parts must be short codes: {prefix!r} {parts!r}")
        body = ":".join([prefix, *parts])
        owner = 0 if anyone else owner
        data = f"{body}~{'*' if anyone else ''}{self._sig(owner, body)}"
        if len(data.encode()) > 64:
            raise ValueError(f"callback data over 64 bytes: {data!r}")
        return data

    def decode(self, presser: int, data: str) -> CallbackPayload:
        body, sep, sig = data.rpartition("~")
        if not sep or not body:
            raise CallbackError("malformed")
        anyone = sig.startswith("*")
        sig = sig.lstrip("*")
        prefix, *args = body.split(":")
        if not _PREFIX.match(prefix) or not all(_ARG.match(a) for a in args):
            raise CallbackError("malformed")
        owner = 0 if anyone else presser
        if hmac.compare_digest(sig, self._sig(owner, body)):
            return CallbackPayload(prefix, tuple(args), anyone)
        raise CallbackError("not_yours" if len(sig) == 6 else "forged")
