from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.search import faiss_kinds
from knowledge.search import vector_index as vi
from knowledge.search.errors import IndexMismatch
from knowledge.search.vector_index import IndexKind, VectorIndex, choose_kind


def _unit(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_kind_is_chosen_by_size() -> None:
    assert choose_kind(vi.FLAT_MAX) is IndexKind.FLAT
    assert choose_kind(vi.FLAT_MAX + 1) is IndexKind.HNSW


@pytest.mark.parametrize("kind", [IndexKind.FLAT, IndexKind.HNSW])
def test_search_update_remove(kind: IndexKind) -> None:
    x = _unit(50)
    index = VectorIndex.build(16, list(range(100, 150)), x, kind=kind)
    assert index.search(x[3], 1)[0][0] == 103
    index.upsert([103], x[7:8])            # product 103 now looks like 107
    top = [pid for pid, _ in index.search(x[7], 2)]
    assert set(top) == {103, 107} and index.tombstones == 1
    index.remove([107])
    assert 107 not in [pid for pid, _ in index.search(x[7], 50)]
    assert len(index) == 49


@pytest.mark.parametrize("kind", [IndexKind.FLAT, IndexKind.HNSW])
def test_allowed_restricts_results(kind: IndexKind, monkeypatch: pytest.MonkeyPatch) -> None:
    x = _unit(60)
    index = VectorIndex.build(16, list(range(60)), x, kind=kind)
    expected = sorted([10, 20], key=lambda p: -float(x[p] @ x[0]))
    assert [p for p, _ in index.search(x[0], 5, allowed={10, 20})] == expected
    monkeypatch.setattr(vi, "EXACT_SUBSET_MAX", 2)  # force the FAISS selector path
    assert {p for p, _ in index.search(x[0], 5, allowed={10, 20, 30})} == {10, 20, 30}


def test_compaction_drops_tombstones_and_switches_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faiss_kinds, "FLAT_MAX", 10)
    x = _unit(30)
    index = VectorIndex(16, IndexKind.FLAT)
    index.upsert(list(range(30)), x)
    assert index.needs_compaction()
    index.compact()
    assert index.kind is IndexKind.HNSW and index.tombstones == 0 and len(index) == 30
    assert index.search(x[5], 1)[0][0] == 5


def test_save_and_mmap_load_round_trip(tmp_path: Path) -> None:
    x = _unit(20)
    index = VectorIndex.build(16, list(range(20)), x, model="fake")
    index.remove([4])
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, dim=16, model="fake")
    assert len(loaded) == 19 and 4 not in loaded
    assert loaded.search(x[9], 1)[0][0] == 9
    loaded.upsert([99], x[4:5])           # a memory-mapped index still takes additions
    assert loaded.search(x[4], 1)[0][0] == 99
    with pytest.raises(IndexMismatch, match="shopbot index rebuild"):
        VectorIndex.load(tmp_path, dim=16, model="other")


def test_bad_input_is_rejected() -> None:
    index = VectorIndex(16)
    with pytest.raises(ValueError, match="dimension"):
        index.upsert([1], np.zeros((1, 8), dtype=np.float32))
    with pytest.raises(ValueError, match="duplicate"):
        index.upsert([1, 1], _unit(2))
    assert index.search(_unit(1)[0], 5) == []


def test_recent_changes_are_found_exactly_even_far_from_the_hnsw_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    """A product renamed to something unlike the rest of the catalog must still be found (HNSW alone can miss
    a late-inserted outlier; recent changes are also scored exactly)."""
    base = _unit(1, 16)[0]
    cluster = base + 0.05 * _unit(500, 16, seed=1)
    cluster /= np.linalg.norm(cluster, axis=1, keepdims=True)
    index = VectorIndex.build(16, list(range(500)), cluster, kind=IndexKind.HNSW)
    outlier = -base + 0.3 * _unit(1, 16, seed=2)[0]
    outlier /= np.linalg.norm(outlier)
    index.upsert([250], outlier.reshape(1, -1))
    assert index.search(outlier, 3)[0][0] == 250
    monkeypatch.setattr(vi, "FRESH_MAX", 0)
    index.upsert([7], cluster[250:251])
    assert 7 in [p for p, _ in index.search(cluster[250], 3)]


def test_ef_search_grows_with_the_catalog_and_survives_save_and_load(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert vi.ef_search_for(100_000) == vi.EF_SEARCH and vi.ef_search_for(1_000_000) == vi.EF_SEARCH_LARGE
    assert vi.EF_SEARCH_LARGE >= vi.EF_SEARCH
    monkeypatch.setattr(faiss_kinds, "LARGE", 40)
    x = _unit(50)
    small = VectorIndex.build(16, list(range(30)), x[:30], kind=IndexKind.HNSW)
    large = VectorIndex.build(16, list(range(50)), x, kind=IndexKind.HNSW, model="fake")
    assert small.ef_search == vi.EF_SEARCH and large.ef_search == vi.EF_SEARCH_LARGE
    large.save(tmp_path)
    assert VectorIndex.load(tmp_path, dim=16, model="fake").ef_search == vi.EF_SEARCH_LARGE
    assert large.search(x[7], 1)[0][0] == 7
