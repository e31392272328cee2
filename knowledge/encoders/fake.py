"""A deterministic stand-in encoder for fast tests: hashed bag of words, no model, no threads.

Texts that share words get similar vectors (each word maps to a fixed pseudo-random direction), so tests
of ranking, fusion and filtering behave like they would with a real model, only cruder. Chinese is cut
into characters and character bigrams.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from knowledge.encoders.base import Vectors

__all__ = ["FakeEncoder"]

_WORD = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]+")


@lru_cache(maxsize=65536)
def _direction(token: str, dim: int) -> Vectors:
    seed = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
    vec = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def _features(text: str) -> list[str]:
    feats: list[str] = []
    for tok in _WORD.findall(text.lower()):
        if tok[0] >= "\u4e00":
            feats.extend(tok)
            feats.extend(tok[i:i + 2] for i in range(len(tok) - 1))
        else:
            feats.append(tok.rstrip("s") if len(tok) > 3 else tok)
    return feats


class FakeEncoder:
    """Counts calls so tests can assert that the cache or the encode-once path really skipped work."""

    def __init__(self, dim: int = 64, name: str = "fake") -> None:
        self._dim = dim
        self._name = name
        self.calls = 0
        self.texts_encoded = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._dim

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        self.texts_encoded += len(texts)
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, text in enumerate(texts):
            feats = _features(text) or ["\0empty"]
            for feat in feats:
                out[i] += _direction(feat, self._dim)
            out[i] /= max(float(np.linalg.norm(out[i])), 1e-12)
        return out
