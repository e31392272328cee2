"""Which FAISS index a catalogue gets and how wide its searches look (see knowledge/search/vector_index.py).

WHY apart from the index: these are the measured trade-offs (docs/search.md "ANN settings") that the index,
its compaction and the search benchmark share; the index module keeps the slot bookkeeping.

Kind is chosen from the catalog size:

* up to ``FLAT_MAX`` (20 000) products an exact ``IndexFlatIP``: brute force over 20k x 512 floats takes
  about 3 ms on the reference 2-core machine, so exactness costs nothing;
* above it ``IndexHNSWFlat`` (M=32, efConstruction=80, efSearch 128; 512 from 500 000 products): a flat
  scan of 100k vectors already takes about 17 ms per query, over the 10 ms budget, while HNSW stays
  around 1 ms. Measured recall@10 against exact search: 0.981 at 100k (efSearch 128), 0.937 at 1M
  (efSearch 512, on the bench's near-duplicate vectors); see docs/search.md "ANN settings".
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Any

import faiss as _faiss

# The FAISS SWIG module is only partly typed; treat it as dynamic.
faiss: Any = _faiss

__all__ = ["IndexKind", "FLAT_MAX", "HNSW_M", "EF_CONSTRUCTION", "EF_SEARCH", "EF_SEARCH_LARGE", "LARGE",
           "choose_kind", "ef_search_for", "new_faiss", "omp_threads", "BULK_THREADS"]

FLAT_MAX = 20_000
HNSW_M = 32
EF_CONSTRUCTION = 80
# efSearch grows with the catalog (see ``ef_search_for``); a search for k neighbours always uses at least k.
EF_SEARCH = 128
EF_SEARCH_LARGE = 512
LARGE = 500_000


class IndexKind(StrEnum):
    FLAT = "flat"
    HNSW = "hnsw"


def omp_threads(n: int) -> None:
    """FAISS's OpenMP thread count is per calling thread: bulk adds use every core, single-query searches
    one (a 2-thread OpenMP region for one query spends longer in barriers than in the scan, and collapses
    when the other core is busy encoding)."""
    faiss.omp_set_num_threads(n)


BULK_THREADS = max(1, os.cpu_count() or 1)


def choose_kind(n: int) -> IndexKind:
    return IndexKind.FLAT if n <= FLAT_MAX else IndexKind.HNSW


def ef_search_for(n: int) -> int:
    """HNSW search breadth for a catalog of ``n`` products (measured trade-off, docs/search.md "ANN settings")."""
    return EF_SEARCH if n < LARGE else EF_SEARCH_LARGE


def new_faiss(kind: IndexKind, dim: int) -> Any:
    if kind is IndexKind.FLAT:
        return faiss.IndexFlatIP(dim)
    index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = EF_CONSTRUCTION
    return index
