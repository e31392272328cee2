"""Typed encoder errors: what went wrong and which model, so a start-up failure names its fix."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EncoderError", "UnknownEncoder", "EncoderUnavailable"]


class EncoderError(Exception):
    """Base class for encoder problems."""


@dataclass
class UnknownEncoder(EncoderError):
    name: str
    known: tuple[str, ...]

    def __str__(self) -> str:
        return f"unknown embedding model {self.name!r}; choose one of: {', '.join(self.known)}"


@dataclass
class EncoderUnavailable(EncoderError):
    name: str
    reason: str

    def __str__(self) -> str:
        return f"embedding model {self.name!r} cannot be loaded: {self.reason}"
