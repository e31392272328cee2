"""Encoder plumbing with the fake model: cache, registry, the fake itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.encoders import Encoder, load_encoder
from knowledge.encoders.cache import CachedEncoder, unwrap
from knowledge.encoders.errors import UnknownEncoder
from knowledge.encoders.fake import FakeEncoder


def test_fake_encoder_is_deterministic_unit_length_and_word_sensitive() -> None:
    enc = FakeEncoder(dim=32)
    a, b, c = enc.encode(["red mug", "red mugs", "wireless headphones"])
    again = FakeEncoder(dim=32).encode(["red mug"])[0]
    assert np.allclose(a, again)
    assert np.allclose(np.linalg.norm([a, b, c], axis=1), 1.0, atol=1e-5)
    assert float(a @ b) > 0.9 > float(a @ c)
    assert isinstance(enc, Encoder)


def test_cache_persists_and_reindexing_unchanged_texts_encodes_nothing(tmp_path: Path) -> None:
    inner = FakeEncoder()
    cached = CachedEncoder(inner, tmp_path)
    first = cached.encode(["a mug", "a lamp", "a mug"])
    assert inner.texts_encoded == 2  # duplicates within a batch are encoded once
    cached.close()

    inner2 = FakeEncoder()
    reopened = CachedEncoder(inner2, tmp_path)
    second = reopened.encode(["a lamp", "a mug", "a new kettle"])
    assert inner2.texts_encoded == 1
    assert np.allclose(second[0], first[1]) and np.allclose(second[1], first[0])
    assert len(reopened) == 3 and unwrap(reopened) is inner2
    reopened.close()


def test_cache_is_keyed_by_model_name(tmp_path: Path) -> None:
    CachedEncoder(FakeEncoder(name="fake-a"), tmp_path).encode(["mug"])
    other = FakeEncoder(name="fake-b")
    CachedEncoder(other, tmp_path).encode(["mug"])
    assert other.texts_encoded == 1


def test_registry_names_and_lazy_loading(tmp_path: Path) -> None:
    enc = load_encoder("use-multilingual", tmp_path)
    assert isinstance(enc, CachedEncoder) and enc.name == "use-multilingual" and enc.dim == 512
    assert unwrap(enc)._model is None  # type: ignore[attr-defined]  # nothing loaded until first use
    assert load_encoder("minilm").dim == 384
    with pytest.raises(UnknownEncoder, match="choose one of"):
        load_encoder("bert-huge")


def test_empty_batch_returns_empty_matrix() -> None:
    for name in ("use-multilingual", "minilm"):
        out = load_encoder(name).encode([])
        assert out.shape == (0, load_encoder(name).dim) and out.dtype == np.float32
