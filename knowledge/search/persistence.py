"""Saving the search engine next to the database and catching up with the catalog on start.

On disk (``<index_dir>/products``): the FAISS index, the BM25 index, and a fingerprint per product (hash
of its indexed texts). On start the engine loads the indexes (memory-mapped) and compares fingerprints
with the catalog: unchanged products are adopted as they are, changed/new ones re-indexed (their vectors
mostly come from the embedding cache), vanished ones removed. So a restart never re-encodes the catalog,
and a catalog edited while the bot was down is still searched correctly.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from filelock import FileLock

from knowledge.search.documents import ProductDoc
from knowledge.search.engine import SearchEngine, fingerprint, indexable
from knowledge.search.errors import IndexMismatch
from knowledge.search.keyword import KeywordIndex
from knowledge.search.vector_index import VectorIndex

__all__ = ["save_engine", "load_engine", "reconcile"]

_FP_FILE = "fingerprints.npy"
_META = "search.json"
FORMAT_VERSION = 1


def _index_lock(directory: Path) -> FileLock:
    """One saver or loader of a data dir's index at a time, across processes.

    WHY: the indexes are written to fixed ``*.tmp`` names and swapped in; two processes on one data dir (a
    second worker, or ``shopbot chat`` runs next to the bot) stopping together removed each other's
    temporary BM25 directory mid-save (FileNotFoundError at shutdown), and a load between the two renames
    of a save found no index and rebuilt it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    return FileLock(str(directory / ".index.lock"))


def save_engine(engine: SearchEngine, directory: Path) -> None:
    """Write both indexes; pending BM25 changes are merged first so the saved main index is complete."""
    with _index_lock(directory):
        _save_engine(engine, directory)


def _save_engine(engine: SearchEngine, directory: Path) -> None:
    if engine.keywords.delta_size:
        engine.merge_keywords()
    engine.vectors.save(directory)
    engine.keywords.save(directory)
    pairs = np.asarray(sorted(engine.fingerprints.items()), dtype=np.int64).reshape(-1, 2)
    with open(directory / (_FP_FILE + ".tmp"), "wb") as fh:
        np.save(fh, pairs)
    os.replace(directory / (_FP_FILE + ".tmp"), directory / _FP_FILE)
    meta = {"version": FORMAT_VERSION, "model": engine.encoder.name, "dim": engine.encoder.dim,
            "products": len(engine.fingerprints)}
    (directory / _META).write_text(json.dumps(meta))


def load_engine(engine: SearchEngine, directory: Path, *, mmap: bool = True) -> bool:
    """Load saved indexes into ``engine`` (documents still empty); False if nothing usable is saved."""
    with _index_lock(directory):
        return _load_engine(engine, directory, mmap=mmap)


def _load_engine(engine: SearchEngine, directory: Path, *, mmap: bool) -> bool:
    meta_path = directory / _META
    if not meta_path.exists() or not VectorIndex.exists(directory) or not KeywordIndex.exists(directory):
        return False
    meta = json.loads(meta_path.read_text())
    if meta.get("version") != FORMAT_VERSION:
        return False
    if meta.get("model") != engine.encoder.name:
        raise IndexMismatch(str(directory), engine.encoder.name, str(meta.get("model")))
    engine.vectors = VectorIndex.load(directory, dim=engine.encoder.dim, model=engine.encoder.name, mmap=mmap)
    engine.keywords = KeywordIndex.load(directory, mmap=mmap)
    pairs = np.load(directory / _FP_FILE)
    engine.fingerprints = {int(p): int(f) for p, f in pairs}
    engine.docs = {}
    return True


def reconcile(engine: SearchEngine, docs: Iterable[ProductDoc]) -> tuple[int, int]:
    """Bring a freshly loaded engine in line with the catalog; returns (re-indexed, removed)."""
    seen: set[int] = set()
    changed: list[ProductDoc] = []
    for doc in docs:
        seen.add(doc.product_id)
        if indexable(doc) and engine.fingerprints.get(doc.product_id) == fingerprint(doc) \
                and doc.product_id in engine.vectors:
            engine.adopt(doc)
        else:
            if doc.product_id not in engine.vectors:
                engine.fingerprints.pop(doc.product_id, None)  # force re-encoding
            changed.append(doc)
    removed = [pid for pid in engine.fingerprints if pid not in seen]
    encoded = engine.apply(changed, removed)
    return encoded, len(removed)
