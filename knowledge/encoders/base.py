"""The encoder interface every part of shopbot shares: NLU, product search and Q&A use one vector per message.

Encoders are CPU-bound: callers on the event loop run them in a thread (``encode_async``), never inline.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = ["Encoder", "Vectors", "encode_async"]

Vectors = npt.NDArray[np.float32]


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension (cosine = inner product)."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Shape (len(texts), dim), float32, each row of unit length."""
        ...


async def encode_async(encoder: Encoder, texts: Sequence[str]) -> Vectors:
    return await asyncio.to_thread(encoder.encode, texts)
