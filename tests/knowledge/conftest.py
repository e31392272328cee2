"""Search test fixtures: a FakeEncoder engine over the 30-product catalog for logic tests, and
session-scoped real encoders (loaded once per test session) for the few ``model`` tests."""

from __future__ import annotations

import pytest

from knowledge.encoders.base import Encoder
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.engine import EngineConfig, SearchEngine
from tests.helpers.search_catalog import fixture_docs


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder(dim=256)


@pytest.fixture
def search_engine(fake_encoder: FakeEncoder) -> SearchEngine:
    eng = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.25))
    eng.build(fixture_docs())
    return eng


@pytest.fixture(scope="session")
def use_encoder() -> Encoder:
    from knowledge.encoders.registry import load_encoder, warm_up

    encoder = load_encoder("use-multilingual")
    warm_up(encoder)
    return encoder


@pytest.fixture(scope="session")
def minilm_encoder() -> Encoder:
    from knowledge.encoders.registry import load_encoder, warm_up

    encoder = load_encoder("minilm")
    warm_up(encoder)
    return encoder
