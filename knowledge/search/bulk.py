"""Indexing a whole catalog on every core: sentence encoding and BM25 tokenising in worker processes.

Why processes (measured on the 2-core machine, docs/search.md "Indexing speed"): encoding is a numpy
forward pass whose matrices are small (a few hundred tokens per micro-batch), so two BLAS threads in one
process gain little even on a quiet machine and collapse when another process holds a core (OpenBLAS
threads spin-wait on each other: 33 docs/s instead of 105-194 on one thread in the same minute). The
tokenisers (USE's sentencepiece glue and jieba for BM25) are Python and hold the GIL. Two processes with
one BLAS thread each scale with the cores and stay robust under load. They are *spawned* (not forked):
the bot's process has an event loop, threads and open database connections that must not be copied.

Workers get a pickled copy of the model (``__reduce__`` on the encoders: configuration only, one thread)
and load their own weights. Texts go through the model's ``encode_documents`` where it has one (the
multilingual USE's bfloat16 pass on AMX CPUs, knowledge/encoders/use_bf16.py), else ``encode``. That pass
runs on one torch thread per worker for the same reason: two torch threads in one process took 0.85 to
8.5 s of wall time for 2000 texts that one thread did in 1.4-1.7 s, depending on the other load.
Only texts the embedding cache does not know are sent; each finished chunk goes into the cache at once, so
an interrupted first import resumes where it stopped. Small jobs (an update of a few products, a fixture
catalog) stay in the calling process: starting workers costs ~2 s (~4 CPU-s each with torch). If workers
cannot be started or die, the remaining chunks are done in-process (slower, same result).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any

import numpy as np

from knowledge.encoders.base import Encoder, Vectors
from knowledge.encoders.cache import CachedEncoder, unwrap
from knowledge.text import tokenize

__all__ = ["prepare", "encode_documents", "worker_count", "PARALLEL_MIN_TEXTS", "PARALLEL_MIN_DOCS", "CHUNK"]

log = logging.getLogger(__name__)

# Below these sizes one process wins: worker start-up (~2 s incl. loading the model) would cost more
# than it saves. Texts to *encode* (after the cache) or documents to tokenise for BM25.
PARALLEL_MIN_TEXTS = 1000
PARALLEL_MIN_DOCS = 20_000
CHUNK = 256
TOKENIZE_CHUNK = 2000
MAX_WORKERS = 4
Progress = Callable[[int, int], None]

_worker_encoder: Encoder | None = None


def worker_count() -> int:
    """Processes for bulk work: the cores this process may use (``SHOPBOT_INDEX_WORKERS`` overrides)."""
    configured = os.environ.get("SHOPBOT_INDEX_WORKERS", "").strip()
    if configured:
        if not configured.isdigit() or int(configured) < 1:
            raise ValueError(f"SHOPBOT_INDEX_WORKERS must be a whole number >= 1 (1 = no worker processes), "
                             f"got {configured!r}")
        return int(configured)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def _init_worker(encoder: Encoder) -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    global _worker_encoder
    _worker_encoder = encoder


def encode_documents(model: Encoder, texts: Sequence[str]) -> Vectors:
    """Document vectors: the model's indexing pass if it has one (a faster pass for large batches)."""
    encode = getattr(model, "encode_documents", None)
    return encode(texts) if callable(encode) else model.encode(texts)


def _encode_chunk(texts: list[str]) -> Vectors:
    assert _worker_encoder is not None
    return encode_documents(_worker_encoder, texts)


def _tokenize_chunk(texts: list[str]) -> list[list[str]]:
    return [tokenize(t) for t in texts]


class _Vectors:
    """The output matrix and which rows each text still to encode fills (through the cache if there is one)."""

    def __init__(self, encoder: Encoder, texts: Sequence[str]) -> None:
        self.cache = encoder if isinstance(encoder, CachedEncoder) else None
        self.model = unwrap(encoder)
        if self.cache is not None:
            self.out, self.todo, self.rows = self.cache.split(texts)
        else:
            self.out = np.empty((len(texts), encoder.dim), dtype=np.float32)
            self.todo, self.rows = list(texts), [[i] for i in range(len(texts))]
        self.done = len(texts) - sum(len(r) for r in self.rows)

    def fill(self, start: int, vectors: Vectors) -> None:
        texts, rows = self.todo[start:start + len(vectors)], self.rows[start:start + len(vectors)]
        if self.cache is not None:
            self.cache.fill(self.out, texts, rows, vectors)
        else:
            for where, vec in zip(rows, vectors, strict=True):
                self.out[where] = vec
        self.done += sum(len(r) for r in rows)


def prepare(encoder: Encoder, semantic: Sequence[str], keyword: Sequence[str],
            progress: Progress | None = None) -> tuple[Vectors, list[list[str]]]:
    """Vectors for ``semantic`` texts and BM25 tokens for ``keyword`` texts, on every core when it pays."""
    vectors = _Vectors(encoder, semantic)
    total = len(semantic)
    if progress is not None:
        progress(vectors.done, total)
    starts = list(range(0, len(vectors.todo), CHUNK))
    workers = worker_count()
    tokens: list[list[str]] | None = None
    if workers > 1 and (len(vectors.todo) >= PARALLEL_MIN_TEXTS or len(keyword) >= PARALLEL_MIN_DOCS):
        starts, tokens = _in_workers(vectors, starts, keyword, workers, progress, total)
    for start in starts:  # in-process: small jobs, or what workers could not do
        vectors.fill(start, encode_documents(vectors.model, vectors.todo[start:start + CHUNK]))
        if progress is not None:
            progress(vectors.done, total)
    if tokens is None:
        tokens = [tokenize(t) for t in keyword]
    return vectors.out, tokens


def _in_workers(vectors: _Vectors, starts: list[int], keyword: Sequence[str], workers: int,
                progress: Progress | None, total: int) -> tuple[list[int], list[list[str]] | None]:
    """Run the chunks in a spawned pool; returns the chunk starts left undone and the tokens (None if failed)."""
    left = set(starts)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker, initargs=(vectors.model,)) as pool:
            encoding: dict[Future[Any], int] = {
                pool.submit(_encode_chunk, vectors.todo[s:s + CHUNK]): s for s in starts}
            tokenizing = [pool.submit(_tokenize_chunk, list(keyword[s:s + TOKENIZE_CHUNK]))
                          for s in range(0, len(keyword), TOKENIZE_CHUNK)]
            for future in as_completed(encoding):
                start = encoding[future]
                vectors.fill(start, future.result())
                left.discard(start)
                if progress is not None:
                    progress(vectors.done, total)
            tokens = [t for future in tokenizing for t in future.result()]
        return sorted(left), tokens
    except Exception:  # a worker could not start or died: finish in this process
        log.warning("indexing workers failed; continuing in one process", exc_info=True)
        return sorted(left), None
