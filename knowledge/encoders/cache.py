"""A persistent embedding cache: re-indexing an unchanged catalog encodes nothing.

Keyed by a hash of (model name, text), so switching models or editing a description misses exactly the
right entries. Not by forward pass: use-multilingual's numpy and bf16 passes (use_multilingual.py) give
vectors of one text that agree to cosine >= 0.9999 (0.99996 at worst on 2000 realistic product texts),
which moved no search figure on the dev or judged sets, so either vector serves both; a key with the pass
in it would make a fall-back (a CPU without AMX, ``SHOPBOT_ENCODER_BULK=numpy``) re-encode a whole catalog
for nothing. Stored in one SQLite file per model under the index directory (stdlib, crash-safe, one
writer at a time, no server). Vectors are stored as raw float32 bytes.

Only document encoding goes through the cache: shopper messages are unique and would grow it forever,
so query paths call ``unwrap(encoder)`` to reach the model directly.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from knowledge.encoders.base import Encoder, Vectors

__all__ = ["CachedEncoder", "unwrap", "cache_key"]

_CHUNK = 500


def cache_key(model: str, text: str) -> bytes:
    return hashlib.blake2b(f"{model}\0{text}".encode(), digest_size=16).digest()


class CachedEncoder:
    def __init__(self, inner: Encoder, cache_dir: Path) -> None:
        self.inner = inner
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.path = cache_dir / f"embeddings-{inner.name}.sqlite3"
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS emb (key BLOB PRIMARY KEY, vec BLOB NOT NULL)")
        self.hits = 0
        self.misses = 0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __len__(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT count(*) FROM emb").fetchone()
        return int(row[0])

    def _lookup(self, keys: list[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        with self._lock:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, vec in self._db.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk):
                    found[bytes(key)] = bytes(vec)
        return found

    def _store(self, rows: list[tuple[bytes, bytes]]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO emb (key, vec) VALUES (?, ?)", rows)
            self._db.execute("COMMIT")

    def split(self, texts: Sequence[str]) -> tuple[Vectors, list[str], list[list[int]]]:
        """Cached vectors already in place, plus the distinct texts still to encode and the rows each fills.

        ``encode`` is ``split`` + the model + ``fill``; bulk indexing (knowledge/search/bulk.py) calls the
        two halves itself so the missing texts can be encoded by worker processes, chunk by chunk.
        """
        dim = self.dim
        out = np.empty((len(texts), dim), dtype=np.float32)
        keys = [cache_key(self.name, t) for t in texts]
        found = self._lookup(keys)
        missing: dict[bytes, list[int]] = {}
        for i, key in enumerate(keys):
            blob = found.get(key)
            if blob is not None and len(blob) == dim * 4:
                out[i] = np.frombuffer(blob, dtype=np.float32)
            else:
                missing.setdefault(key, []).append(i)
        self.hits += len(texts) - sum(len(v) for v in missing.values())
        rows = list(missing.values())
        return out, [texts[r[0]] for r in rows], rows

    def fill(self, out: Vectors, texts: Sequence[str], rows: Sequence[Sequence[int]], vectors: Vectors) -> None:
        """Put freshly encoded ``vectors`` (one per distinct text) into ``out`` and remember them."""
        self.misses += len(texts)
        for where, vec in zip(rows, vectors, strict=True):
            out[list(where)] = vec
        self._store([(cache_key(self.name, t), v.astype(np.float32).tobytes())
                     for t, v in zip(texts, vectors, strict=True)])

    def encode(self, texts: Sequence[str]) -> Vectors:
        out, todo, rows = self.split(texts)
        if todo:
            self.fill(out, todo, rows, self.inner.encode(todo))
        return out


def unwrap(encoder: Encoder) -> Encoder:
    """The model behind a cache (for query encoding), or the encoder itself."""
    return encoder.inner if isinstance(encoder, CachedEncoder) else encoder
