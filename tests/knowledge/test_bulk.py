"""Bulk indexing: worker processes give the same vectors and BM25 tokens as one process, fill the embedding
cache so a re-index encodes nothing, report progress, and fall back to one process if workers fail."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.encoders.cache import CachedEncoder
from knowledge.encoders.fake import FakeEncoder
from knowledge.search import bulk
from knowledge.search.documents import keyword_text, semantic_text
from knowledge.search.engine import SearchEngine, fingerprint
from knowledge.search.models import SearchQuery
from knowledge.text import tokenize
from tests.helpers.search_catalog import fixture_docs


def _texts() -> tuple[list[str], list[str]]:
    docs = fixture_docs()
    return [semantic_text(d) for d in docs], [keyword_text(d) for d in docs]


@pytest.fixture
def force_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "PARALLEL_MIN_TEXTS", 1)
    monkeypatch.setattr(bulk, "CHUNK", 7)            # several chunks, finishing in any order
    monkeypatch.setattr(bulk, "TOKENIZE_CHUNK", 11)
    monkeypatch.setenv("SHOPBOT_INDEX_WORKERS", "2")


def test_workers_match_one_process_and_fill_the_cache(force_workers: None, tmp_path: Path) -> None:
    semantic, keyword = _texts()
    expected = FakeEncoder(dim=32).encode(semantic)
    cached = CachedEncoder(FakeEncoder(dim=32), tmp_path)
    seen: list[tuple[int, int]] = []
    vectors, tokens = bulk.prepare(cached, semantic, keyword, lambda done, total: seen.append((done, total)))
    assert np.allclose(vectors, expected, atol=1e-6)
    assert tokens == [tokenize(t) for t in keyword]
    assert cached.misses == len(set(semantic)) and len(cached) == len(set(semantic))
    assert seen[0] == (0, len(semantic)) and seen[-1] == (len(semantic), len(semantic))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    # Re-indexing the unchanged texts encodes nothing: everything comes from the cache.
    again, _ = bulk.prepare(cached, semantic, keyword)
    assert cached.misses == len(set(semantic)) and np.allclose(again, vectors)
    cached.close()


def test_failed_workers_fall_back_to_one_process(force_workers: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(bulk, "ProcessPoolExecutor", broken)
    semantic, keyword = _texts()
    encoder = FakeEncoder(dim=32)
    vectors, tokens = bulk.prepare(encoder, semantic, keyword)
    assert encoder.texts_encoded == len(semantic)
    assert np.allclose(vectors, FakeEncoder(dim=32).encode(semantic))
    assert tokens == [tokenize(t) for t in keyword]


def test_small_jobs_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPBOT_INDEX_WORKERS", "2")
    semantic, keyword = _texts()
    encoder = FakeEncoder(dim=32)
    bulk.prepare(encoder, semantic, keyword)
    assert encoder.texts_encoded == len(semantic)   # counted here, so it ran in this process


def test_worker_count_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPBOT_INDEX_WORKERS", "3")
    assert bulk.worker_count() == 3
    monkeypatch.setenv("SHOPBOT_INDEX_WORKERS", "")
    assert 1 <= bulk.worker_count() <= bulk.MAX_WORKERS
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("SHOPBOT_INDEX_WORKERS", bad)
        with pytest.raises(ValueError, match="SHOPBOT_INDEX_WORKERS must be"):
            bulk.worker_count()


def test_engine_build_fingerprints_from_the_texts_it_indexed() -> None:
    docs = fixture_docs()
    engine = SearchEngine(FakeEncoder(dim=256))
    engine.build(docs)
    assert engine.fingerprints == {d.product_id: fingerprint(d) for d in docs}
    assert engine.search(SearchQuery("yoga mat", limit=1)).hits[0].external_id == "P19"
