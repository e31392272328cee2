"""Train the small bilingual fixture once per session with the deterministic fake encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.fake import FakeEncoder
from nlu.model import NLUModel
from nlu.pipeline import BuiltinNLU
from nlu.training import TrainConfig, train_model
from nlu.training_data import data_files, data_hash, load_training_data
from tests.helpers.nlu import write_small_data

SMALL_CONFIG = TrainConfig(folds=3)


@pytest.fixture(scope="session")
def small_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_data(tmp_path_factory.mktemp("nlu_data"))


@pytest.fixture(scope="session")
def fake_encoder() -> FakeEncoder:
    return FakeEncoder(dim=64)


@pytest.fixture(scope="session")
def small_model(small_data_dir: Path, fake_encoder: FakeEncoder) -> NLUModel:
    files = data_files(small_data_dir)
    return train_model(load_training_data(files), fake_encoder, data_hash(files), SMALL_CONFIG)


@pytest.fixture
def small_nlu(small_model: NLUModel, fake_encoder: FakeEncoder) -> BuiltinNLU:
    return BuiltinNLU(small_model, fake_encoder)
