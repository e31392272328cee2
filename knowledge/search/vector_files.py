"""The vector index on disk: ``vectors.faiss`` + ``vector_ids.npy`` + ``vectors.json`` in the index directory.

WHY temporary names and a rename: a crash mid-save never leaves half an index. Loading memory-maps the FAISS
file (``IO_FLAG_MMAP``): the OS pages vectors in on demand, so start-up does not read a 2 GB file eagerly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import faiss as _faiss
import numpy as np

from knowledge.search.errors import IndexMismatch

faiss: Any = _faiss  # the FAISS SWIG module is only partly typed

__all__ = ["save_index", "index_files_exist", "read_index"]

INDEX_FILE = "vectors.faiss"
IDS_FILE = "vector_ids.npy"
META_FILE = "vectors.json"


def save_index(directory: Path, index: Any, slot_ids: list[int], meta: dict[str, Any]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    faiss.write_index(index, str(directory / (INDEX_FILE + ".tmp")))
    with open(directory / (IDS_FILE + ".tmp"), "wb") as fh:
        np.save(fh, np.asarray(slot_ids, dtype=np.int64))
    (directory / (META_FILE + ".tmp")).write_text(json.dumps(meta))
    for name in (INDEX_FILE, IDS_FILE, META_FILE):
        os.replace(directory / (name + ".tmp"), directory / name)


def index_files_exist(directory: Path) -> bool:
    return all((directory / n).exists() for n in (INDEX_FILE, IDS_FILE, META_FILE))


def read_index(directory: Path, *, dim: int, model: str, mmap: bool) -> tuple[str, Any, list[int]]:
    """(kind, FAISS index, slot -> product id); IndexMismatch when the files are another model's or torn."""
    meta = json.loads((directory / META_FILE).read_text())
    if meta.get("dim") != dim or meta.get("model") != model:
        raise IndexMismatch(str(directory), f"{model} ({dim}-dim)", f"{meta.get('model')} ({meta.get('dim')}-dim)")
    index = faiss.read_index(str(directory / INDEX_FILE), faiss.IO_FLAG_MMAP if mmap else 0)
    slot_ids: list[int] = np.load(directory / IDS_FILE).tolist()
    if index.ntotal != len(slot_ids):
        raise IndexMismatch(str(directory), f"{len(slot_ids)} vectors", f"{index.ntotal} vectors")
    return str(meta["kind"]), index, slot_ids
