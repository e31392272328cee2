"""Typed errors of the NLU package. WHY: callers (CLI, dialogue core) turn each into a clear message."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ArtifactError", "NLUError", "RasaUnavailableError", "TrainingDataError"]


class NLUError(Exception):
    """Base class for everything the NLU raises on purpose."""


class TrainingDataError(NLUError):
    """Malformed training data; the message names the file and line so the author can fix it."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {message}")


class ArtifactError(NLUError):
    """A saved model could not be read (corrupt, wrong format version, other encoder)."""


class RasaUnavailableError(NLUError):
    """The Rasa server did not answer, or answered with something that is not a parse result."""
