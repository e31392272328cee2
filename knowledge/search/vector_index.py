"""Nearest-neighbour index over product vectors (FAISS, inner product = cosine on unit vectors).

The kind (exact flat or HNSW) follows the catalog size: knowledge/search/faiss_kinds.py.

Ids: FAISS labels are *slots* (insertion positions); a parallel list maps slot -> product id. HNSW cannot
delete, so a change tombstones the old slot and its new vector waits in an exact buffer (``_fresh``) until
a batch flush; searches exclude tombstones with a FAISS
ID selector. When tombstones pass a quarter of the index (or a flat index outgrows ``2 * FLAT_MAX``),
``compact()`` rebuilds from the live vectors and re-chooses the kind.

Persistence: knowledge/search/vector_files.py.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import faiss as _faiss
import numpy as np

from knowledge.encoders.base import Vectors
from knowledge.search import faiss_kinds
from knowledge.search.faiss_kinds import (
    BULK_THREADS,
    EF_SEARCH,
    EF_SEARCH_LARGE,
    FLAT_MAX,
    IndexKind,
    choose_kind,
    ef_search_for,
    new_faiss,
    omp_threads,
)
from knowledge.search.vector_files import index_files_exist, read_index, save_index

# The FAISS SWIG module is only partly typed; treat it as dynamic.
faiss: Any = _faiss

__all__ = ["IndexKind", "VectorIndex", "FLAT_MAX", "choose_kind", "ef_search_for", "EF_SEARCH", "EF_SEARCH_LARGE"]

# Incremental changes to an HNSW index wait in an exact buffer of this size (see ``_fresh``).
FRESH_MAX = 2048

# Allowed sets up to this size are scored exactly from reconstructed vectors (cheaper than a filtered walk).
EXACT_SUBSET_MAX = 4096


def _as_matrix(vectors: Vectors, dim: int) -> Vectors:
    arr = np.ascontiguousarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.shape[1] != dim:
        raise ValueError(f"vectors have dimension {arr.shape[1]}, index expects {dim}")
    return arr


class VectorIndex:
    """Thread-safe: searches and updates take one lock (updates are a few ms; searches ~1 ms)."""

    def __init__(self, dim: int, kind: IndexKind = IndexKind.FLAT, model: str = "") -> None:
        self.dim = dim
        self.model = model
        self.kind = kind
        self._index: Any = new_faiss(kind, dim)
        self._slot_ids: list[int] = []
        self._slots: dict[int, int] = {}
        self._dead: set[int] = set()
        self._dead_selector: Any = None
        self._dead_batch: Any = None
        # Incremental upserts into an HNSW index go to this exact buffer first, flushed into the graph in one
        # batch when it passes FRESH_MAX (or on save/compaction). Two reasons, both measured: (1) the first
        # add after a bulk build makes FAISS reallocate the whole vector store (5.5 s at 1M products), a
        # batch pays that once per FRESH_MAX changes instead of once per change; (2) HNSW links a late node
        # only to its own neighbourhood, so a product renamed to something unlike the rest of the catalog
        # could be unreachable, while the buffer is scored exactly.
        self._fresh: OrderedDict[int, Vectors] = OrderedDict()
        self._fresh_matrix: tuple[list[int], Vectors] | None = None
        self._lock = threading.RLock()
        # Fixed when the index is built, compacted or loaded (the bench sets it to sweep values).
        self.ef_search = EF_SEARCH

    # ---- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, dim: int, ids: Sequence[int], vectors: Vectors, *, model: str = "",
              kind: IndexKind | None = None) -> VectorIndex:
        index = cls(dim, kind or choose_kind(len(ids)), model)
        index.ef_search = ef_search_for(len(ids))
        index.upsert(ids, vectors, fresh=False)
        return index

    def upsert(self, ids: Sequence[int], vectors: Vectors, *, fresh: bool = True) -> None:
        """Add products or replace their vectors (an old slot becomes a tombstone)."""
        matrix = _as_matrix(vectors, self.dim)
        if len(ids) != matrix.shape[0]:
            raise ValueError("ids and vectors differ in length")
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate product ids in one upsert")
        with self._lock:
            self._tombstone(ids)
            if fresh and self.kind is IndexKind.HNSW:
                for pid, row in zip(ids, matrix, strict=True):
                    self._fresh[int(pid)] = row.copy()
                self._fresh_matrix = None
                if len(self._fresh) > FRESH_MAX:
                    self.flush()
                return
            self._add(list(ids), matrix)

    def _add(self, ids: list[int], matrix: Vectors) -> None:
        start = self._index.ntotal
        omp_threads(BULK_THREADS if len(matrix) > 64 else 1)
        self._index.add(matrix)
        for offset, pid in enumerate(ids):
            self._slot_ids.append(int(pid))
            self._slots[int(pid)] = start + offset

    def flush(self) -> None:
        """Move the buffered changes into the FAISS index in one batch.

        The add runs on a clone, outside the lock, and the clone is swapped in: the add reallocates the
        vector store (seconds at 1M products) and searches must not wait for it. Only the single writer
        (the updater) mutates the index, so nothing changes between clone and swap.
        """
        with self._lock:
            if not self._fresh:
                return
            ids = list(self._fresh)
            matrix = np.stack([self._fresh[p] for p in ids])
        omp_threads(BULK_THREADS)
        clone = faiss.clone_index(self._index)
        start = clone.ntotal
        clone.add(matrix)
        with self._lock:
            self._index = clone
            for offset, pid in enumerate(ids):
                self._slot_ids.append(int(pid))
                self._slots[int(pid)] = start + offset
            self._fresh, self._fresh_matrix = OrderedDict(), None

    def remove(self, ids: Collection[int]) -> None:
        with self._lock:
            self._tombstone(ids)

    def _tombstone(self, ids: Collection[int]) -> None:
        for pid in ids:
            if self._fresh.pop(int(pid), None) is not None:
                self._fresh_matrix = None
            slot = self._slots.pop(int(pid), None)
            if slot is not None:
                self._slot_ids[slot] = -1
                self._dead.add(slot)
                self._dead_selector = None

    def needs_compaction(self) -> bool:
        total = self._index.ntotal
        if self._dead and len(self._dead) > max(1024, total // 4):
            return True
        return self.kind is IndexKind.FLAT and len(self) > 2 * faiss_kinds.FLAT_MAX

    def compact(self) -> None:
        """Rebuild from live vectors, dropping tombstones and re-choosing flat vs HNSW."""
        with self._lock:
            ids = self.ids()
            vectors = self.vectors_of(ids)
            fresh = VectorIndex.build(self.dim, ids, vectors, model=self.model)
            self.kind, self._index, self.ef_search = fresh.kind, fresh._index, fresh.ef_search
            self._slot_ids, self._slots = fresh._slot_ids, fresh._slots
            self._dead, self._dead_selector = set(), None
            self._fresh, self._fresh_matrix = OrderedDict(), None

    # ---- reading --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slots) + len(self._fresh)

    def __contains__(self, product_id: object) -> bool:
        return product_id in self._slots or product_id in self._fresh

    @property
    def tombstones(self) -> int:
        return len(self._dead)

    def ids(self) -> list[int]:
        with self._lock:
            return [*self._slots, *self._fresh]

    def vectors_of(self, ids: Sequence[int]) -> Vectors:
        with self._lock:
            out = np.zeros((len(ids), self.dim), dtype=np.float32)
            in_index = [i for i, p in enumerate(ids) if int(p) not in self._fresh]
            for i, p in enumerate(ids):
                if int(p) in self._fresh:
                    out[i] = self._fresh[int(p)]
            if in_index:
                slots = np.asarray([self._slots[int(ids[i])] for i in in_index], dtype=np.int64)
                out[in_index] = np.asarray(self._index.reconstruct_batch(slots), dtype=np.float32)
            return out

    def search(self, query: Vectors, k: int, allowed: Collection[int] | None = None) -> list[tuple[int, float]]:
        """Top ``k`` (product id, cosine) pairs, best first; ``allowed`` restricts to those products."""
        q = _as_matrix(query, self.dim)
        omp_threads(1)
        with self._lock:
            found = self._search_index(q, k, allowed)
            if not self._fresh:
                return found
            best = dict(found)
            for pid, score in self._search_fresh(q[0], allowed):
                best[pid] = max(score, best.get(pid, -2.0))
        return sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:k]

    def _search_fresh(self, q: Vectors, allowed: Collection[int] | None) -> list[tuple[int, float]]:
        if self._fresh_matrix is None:
            self._fresh_matrix = (list(self._fresh), np.stack(list(self._fresh.values())))
        ids, matrix = self._fresh_matrix
        scores = matrix @ q
        return [(pid, float(s)) for pid, s in zip(ids, scores, strict=True) if allowed is None or pid in allowed]

    def _search_index(self, q: Vectors, k: int, allowed: Collection[int] | None) -> list[tuple[int, float]]:
        if k <= 0 or not self._slots:
            return []
        if allowed is not None:
            slots = np.fromiter((self._slots[p] for p in allowed if p in self._slots), dtype=np.int64)
            if len(slots) == 0:
                return []
            if len(slots) <= EXACT_SUBSET_MAX:
                return self._exact_subset(q[0], slots, k)
            selector: Any = faiss.IDSelectorBatch(slots)
        else:
            selector = self._tombstone_selector()
        params = self._params(selector, k)
        scores, labels = self._index.search(q, min(k, self._index.ntotal), params=params)
        out: list[tuple[int, float]] = []
        for slot, score in zip(labels[0], scores[0], strict=True):
            if slot < 0:
                continue
            pid = self._slot_ids[int(slot)]
            if pid >= 0:
                out.append((pid, float(score)))
        return out

    def _params(self, selector: Any, k: int) -> Any:
        if self.kind is IndexKind.HNSW:
            params = faiss.SearchParametersHNSW()
            params.efSearch = max(self.ef_search, k)
        elif selector is None:
            return None
        else:
            params = faiss.SearchParameters()
        if selector is not None:
            params.sel = selector
        return params

    def _tombstone_selector(self) -> Any:
        if not self._dead:
            return None
        if self._dead_selector is None:
            batch = faiss.IDSelectorBatch(np.fromiter(self._dead, dtype=np.int64))
            # Keep the wrapped selector alive as long as the Not that points at it.
            self._dead_selector = faiss.IDSelectorNot(batch)
            self._dead_batch = batch
        return self._dead_selector

    def _exact_subset(self, q: Vectors, slots: np.ndarray[Any, np.dtype[np.int64]],
                      k: int) -> list[tuple[int, float]]:
        vectors = np.asarray(self._index.reconstruct_batch(slots), dtype=np.float32)
        scores = vectors @ q
        top = np.argsort(-scores)[:k]
        return [(self._slot_ids[int(slots[i])], float(scores[i])) for i in top]

    # ---- persistence (knowledge/search/vector_files.py) -------------------------------------------
    def save(self, directory: Path) -> None:
        with self._lock:
            self.flush()
            save_index(directory, self._index, self._slot_ids,
                       {"dim": self.dim, "kind": self.kind.value, "model": self.model, "live": len(self._slots)})

    @staticmethod
    def exists(directory: Path) -> bool:
        return index_files_exist(directory)

    @classmethod
    def load(cls, directory: Path, *, dim: int, model: str, mmap: bool = True) -> VectorIndex:
        kind, faiss_index, slot_ids = read_index(directory, dim=dim, model=model, mmap=mmap)
        index = cls(dim, IndexKind(kind), model)
        index._index, index._slot_ids = faiss_index, slot_ids
        index._slots = {pid: slot for slot, pid in enumerate(slot_ids) if pid >= 0}
        index._dead = {slot for slot, pid in enumerate(slot_ids) if pid < 0}
        index.ef_search = ef_search_for(len(index._slots))
        return index
