"""Nearest-neighbour features: for each intent, how close the message is to that intent's closest examples.

WHY: the linear SVM draws one flat boundary per intent over the sentence embedding, so a phrasing that sits
near a small cluster of examples of another intent ("有适合跑步的耳机吗" near "有X吗" product queries, far from
most "ask_question" examples) is lost. The mean cosine similarity to the ``k`` most similar examples of each
intent gives the SVM that local evidence. Measured by 5-fold CV on nlu/data (k=3, weight 1.0, 128 dims):
accuracy 0.914 -> 0.918 (EN) and 0.904 -> 0.909 (ZH), out_of_scope recall most; on the original data alone
ZH 0.911 -> 0.916, EN unchanged.

Training rows are scored leave-one-out (a row is never its own neighbour), so the classifier learns from the
same kind of value it will see for a new message; otherwise every training row would be its own perfect match.
Vectors are projected on their first 128 principal components: the same accuracy in CV as all 512 dimensions
at a quarter of the cost (one message scans every training example, so this is the per-parse price).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from knowledge.blas import one_blas_thread
from knowledge.encoders.base import Vectors

__all__ = ["NeighbourFeatures"]

FloatArray = npt.NDArray[np.float32]
_PAD = -1.0  # the lowest cosine similarity: what a missing neighbour counts as
_CHUNK = 512  # query rows scored at a time (bounds memory to chunk x training examples)
_SPREAD = 4.0  # > the range of cosine similarities, so sorting "intent x spread - similarity" groups by intent


class NeighbourFeatures:
    def __init__(self, k: int = 3, dims: int = 128) -> None:
        if k < 1 or dims < 1:
            raise ValueError("k and dims must be at least 1")
        self.k = k
        self.dims = dims
        self._mean: FloatArray = np.zeros(0, dtype=np.float32)
        self._projection: FloatArray = np.zeros((0, 0), dtype=np.float32)
        self._vectors: FloatArray = np.zeros((0, 0), dtype=np.float32)  # projected, sorted by intent
        self._order: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)  # sorted position -> training row
        self._offsets: FloatArray = np.zeros(0, dtype=np.float32)  # intent number x _SPREAD per sorted row
        self._take: npt.NDArray[np.int64] = np.zeros((0, 0), dtype=np.int64)  # intent -> its k first positions

    def fit(self, vectors: Vectors, labels: Sequence[str], classes: Sequence[str]) -> NeighbourFeatures:
        """``classes`` fixes the column order (the classifier's); every label must be one of them."""
        raw = np.asarray(vectors, dtype=np.float32)
        column = {c: i for i, c in enumerate(classes)}
        intent = np.array([column[label] for label in labels], dtype=np.int64)
        self._order = np.argsort(intent, kind="stable")
        self._mean = raw.mean(axis=0)
        with one_blas_thread():
            # principal directions: eigenvectors of the (dim x dim) scatter matrix, largest eigenvalues first
            # (cheaper than an SVD of the examples x dim matrix, and the same directions)
            centred = (raw - self._mean).astype(np.float64)
            eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred)
            top = np.argsort(eigenvalues)[::-1][: self.dims]
            self._projection = np.ascontiguousarray(eigenvectors[:, top], dtype=np.float32)
            self._vectors = self._project(raw[self._order])
        sorted_intent = intent[self._order]
        self._offsets = (sorted_intent * _SPREAD).astype(np.float32)
        starts = np.searchsorted(sorted_intent, np.arange(len(classes)))
        counts = np.bincount(sorted_intent, minlength=len(classes))
        pad = len(self._order)  # the padding column appended after the sorted similarities
        self._take = np.array(
            [[s + j if j < n else pad for j in range(self.k)] for s, n in zip(starts, counts, strict=True)],
            dtype=np.int64,
        )
        return self

    def transform(self, vectors: Vectors) -> FloatArray:
        """Features of new messages: one column per intent."""
        with one_blas_thread():
            return self._scores(self._project(np.asarray(vectors, dtype=np.float32)), leave_out=None)

    def transform_training(self) -> FloatArray:
        """Leave-one-out features of the rows ``fit`` saw, in their original order."""
        with one_blas_thread():
            sorted_scores = self._scores(self._vectors, leave_out=np.arange(len(self._order)))
        out = np.empty_like(sorted_scores)
        out[self._order] = sorted_scores
        return out

    def _project(self, raw: FloatArray) -> FloatArray:
        reduced = (raw - self._mean) @ self._projection
        norms = np.linalg.norm(reduced, axis=1, keepdims=True)
        return np.asarray(reduced / np.where(norms == 0, 1.0, norms), dtype=np.float32)

    def _scores(self, queries: FloatArray, leave_out: npt.NDArray[np.int64] | None) -> FloatArray:
        """Mean of the k highest similarities per intent. Training rows are sorted by intent, so one sort of
        ``offset - similarity`` per query puts each intent's best matches first within its own segment."""
        out = np.empty((len(queries), self._take.shape[0]), dtype=np.float32)
        n = len(self._order)
        for start in range(0, len(queries), _CHUNK):
            sims = queries[start : start + _CHUNK] @ self._vectors.T
            if leave_out is not None:  # a training row is not its own neighbour
                rows = np.arange(len(sims))
                sims[rows, leave_out[start : start + len(sims)]] = _PAD
            key = self._offsets - sims
            key.sort(axis=1)
            best = np.empty((len(sims), n + 1), dtype=np.float32)
            best[:, :n] = self._offsets - key
            best[:, n] = _PAD
            out[start : start + len(sims)] = best[:, self._take].mean(axis=2)
        return out
