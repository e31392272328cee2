"""First-time indexing of realistic product texts, measured for real (no projection from a sample).

``measure_indexing(model, n)`` builds ``n`` distinct products shaped like the demo catalog's
(bench/search_catalog.py), then times what `shopbot index rebuild` does after reading the store: encode
every semantic text with an empty embedding cache (worker processes, knowledge/search/bulk.py), tokenise
the keyword texts for BM25, build FAISS + bm25s, and save the index. Reading the products from the
database is not included (the documents are built in memory). In the same run: the one-process,
one-thread encoding rate on a sample of the same texts (the floor the workers are compared with), a
re-index of the unchanged catalog (must encode nothing), and a restart (memory-mapped load + reconcile).
CPU seconds include the worker processes; ``cpu_per_core_s`` (CPU seconds / cores) is a lower bound for a
quiet machine (serial parts cannot use both cores).
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.search_catalog import realistic_docs
from knowledge.encoders.cache import CachedEncoder, unwrap
from knowledge.encoders.registry import load_encoder, warm_up
from knowledge.search import bulk
from knowledge.search.documents import semantic_text
from knowledge.search.engine import SearchEngine
from knowledge.search.persistence import load_engine, reconcile, save_engine

__all__ = ["measure_indexing"]

FLOOR_SAMPLE = 1000


def _cpu_s() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure_indexing(model: str, n: int) -> dict[str, Any]:
    docs = realistic_docs(n)
    with tempfile.TemporaryDirectory() as tmp:
        encoder = load_encoder(model, Path(tmp))
        assert isinstance(encoder, CachedEncoder)
        warm_up(encoder)
        inner = unwrap(encoder)
        sample = [semantic_text(d) for d in docs[-FLOOR_SAMPLE:]]
        count = getattr(inner, "count_tokens", None)
        tokens = float(np.mean(count(sample))) if callable(count) else None
        t0 = time.perf_counter()
        inner.encode(sample)  # one process, one thread, not cached: the floor
        floor_rate = len(sample) / (time.perf_counter() - t0)

        load_before, cpu0, start = os.getloadavg()[0], _cpu_s(), time.perf_counter()
        encoded_at: list[float] = []

        def progress(done: int, total: int) -> None:
            if done == total and not encoded_at:
                encoded_at.append(time.perf_counter())

        engine = SearchEngine(encoder)
        engine.build(docs, progress)
        built = time.perf_counter()
        save_engine(engine, Path(tmp) / "products")
        saved = time.perf_counter()
        total_s = saved - start
        cpu_s = _cpu_s() - cpu0
        load_after = os.getloadavg()[0]

        misses = encoder.misses
        t0 = time.perf_counter()
        SearchEngine(encoder).build(docs)
        reindex_s, reencoded = time.perf_counter() - t0, encoder.misses - misses

        t0 = time.perf_counter()
        restarted = SearchEngine(encoder)
        load_engine(restarted, Path(tmp) / "products")
        reencoded_on_start, _ = reconcile(restarted, docs)
        restart_s = time.perf_counter() - t0
        encoder.close()
    encoded = encoded_at[0] if encoded_at else built
    return {
        "products": n, "workers": bulk.worker_count(), "tokens_per_doc": round(tokens, 1) if tokens else None,
        "floor_1proc_docs_per_s": round(floor_rate, 1),
        "index_s": round(total_s, 1), "docs_per_s": round(n / total_s, 1),
        "encode_phase_s": round(encoded - start, 1), "index_phase_s": round(built - encoded, 1),
        "save_s": round(saved - built, 1),
        "cpu_s": round(cpu_s, 1), "cpu_per_core_s": round(cpu_s / max(1, os.cpu_count() or 1), 1),
        "load_before": round(load_before, 2), "load_after": round(load_after, 2),
        "reindex_unchanged_s": round(reindex_s, 1), "reindex_encoded": reencoded,
        "restart_s": round(restart_s, 1), "restart_encoded": reencoded_on_start,
        "target_s": 180, "met": total_s <= 180,
    }
