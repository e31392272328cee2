"""The real models, kept few and small: shape contract, cross-lingual meaning, search on 30 products."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from knowledge.encoders.base import Encoder
from knowledge.search.engine import SearchEngine
from knowledge.search.models import SearchQuery
from tests.helpers.search_catalog import fixture_docs

pytestmark = pytest.mark.model

PAIRS = [("wireless noise cancelling headphones", "无线降噪耳机"), ("men's running shoes", "男士跑步鞋"),
         ("a camping tent for two people", "双人露营帐篷"), ("scented candle", "香薰蜡烛")]


@pytest.mark.parametrize("fixture", ["use_encoder", "minilm_encoder"])
def test_encoder_contract(fixture: str, request: pytest.FixtureRequest) -> None:
    encoder: Encoder = request.getfixturevalue(fixture)
    out = encoder.encode(["red mug", "", "红色马克杯"])
    assert out.shape == (3, encoder.dim) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-4)
    assert np.isfinite(out).all()


def test_multilingual_use_aligns_english_and_chinese(use_encoder: Encoder) -> None:
    en = use_encoder.encode([p[0] for p in PAIRS])
    zh = use_encoder.encode([p[1] for p in PAIRS])
    sims = en @ zh.T
    assert (np.argmax(sims, axis=1) == np.arange(len(PAIRS))).all()
    assert float(np.diag(sims).mean()) > float(sims.mean()) + 0.3


def test_use_search_in_both_languages(use_encoder: Encoder) -> None:
    engine = SearchEngine(use_encoder)
    engine.build(fixture_docs())
    for text, expected in [("noise cancelling headphones", "P09"), ("something to boil water", "P25"),
                           ("降噪耳机", "P09"), ("瑜伽垫", "P19"), ("P13-BLA", "P13")]:
        assert engine.search(SearchQuery(text, limit=3)).hits[0].external_id == expected, text


def test_use_finds_english_only_products_from_chinese_queries(use_encoder: Encoder) -> None:
    """No Chinese title at all: only the multilingual vector can bridge the languages."""
    engine = SearchEngine(use_encoder)
    engine.build([replace(d, title_zh=None) for d in fixture_docs()])
    top = [h.external_id for h in engine.search(SearchQuery("帐篷", limit=3)).hits]   # "tent"
    assert "P21" in top
