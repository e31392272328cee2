from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.encoders.fake import FakeEncoder
from nlu.artifact import current_metadata, load_model, load_or_train, save_model
from nlu.errors import ArtifactError
from nlu.model import NLUModel
from tests.nlu.conftest import SMALL_CONFIG


def test_save_and_load_round_trip(small_model: NLUModel, tmp_path: Path) -> None:
    path = save_model(small_model, tmp_path)
    assert (path / "model.joblib").exists() and (path / "metadata.json").exists()
    loaded = load_model(tmp_path)
    assert loaded.metadata == small_model.metadata
    assert loaded.intents == small_model.intents


def test_missing_and_corrupt_models(tmp_path: Path, small_model: NLUModel) -> None:
    with pytest.raises(ArtifactError, match="no NLU model"):
        load_model(tmp_path)
    path = save_model(small_model, tmp_path)
    (path / "model.joblib").write_bytes(b"not a pickle")
    with pytest.raises(ArtifactError, match="cannot load"):
        load_model(tmp_path)


def test_load_or_train_trains_loads_and_retrains_on_change(
    small_data_dir: Path, tmp_path: Path, fake_encoder: FakeEncoder
) -> None:
    data = tmp_path / "data"
    shutil.copytree(small_data_dir, data)
    models = tmp_path / "models"
    first = load_or_train(models, data, fake_encoder, SMALL_CONFIG)
    assert current_metadata(models) == first.metadata
    again = load_or_train(models, data, fake_encoder, SMALL_CONFIG)
    assert again.metadata.version == first.metadata.version  # loaded, not retrained
    with (data / "en_small.yml").open("a", encoding="utf-8") as fh:
        fh.write("- intent: thanks\n  examples: |\n    - thanks\n    - thank you\n    - thx\n    - cheers\n")
    changed = load_or_train(models, data, fake_encoder, SMALL_CONFIG)
    assert changed.metadata.data_hash != first.metadata.data_hash
    assert "thanks" in changed.intents
    other = load_or_train(models, data, FakeEncoder(dim=64, name="fake-2"), SMALL_CONFIG)
    assert other.metadata.encoder_name == "fake-2"


def test_corrupt_artifact_is_retrained(small_data_dir: Path, tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    first = load_or_train(tmp_path, small_data_dir, fake_encoder, SMALL_CONFIG)
    (tmp_path / "nlu" / first.metadata.version / "model.joblib").write_bytes(b"garbage")
    model = load_or_train(tmp_path, small_data_dir, fake_encoder, SMALL_CONFIG)
    assert model.metadata.data_hash == first.metadata.data_hash
    assert isinstance(load_model(tmp_path), NLUModel)


def test_pipeline_settings_change_retrains(small_data_dir: Path, tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    from dataclasses import replace

    first = load_or_train(tmp_path, small_data_dir, fake_encoder, SMALL_CONFIG)
    changed = replace(SMALL_CONFIG, seed=SMALL_CONFIG.seed + 1)
    second = load_or_train(tmp_path, small_data_dir, fake_encoder, changed)
    assert second.metadata.config_hash == changed.digest() != first.metadata.config_hash
