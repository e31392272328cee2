"""The bot loads the model `shopbot nlu train` saved, and trains one where the CLI will find it when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.nlu_setup import load_nlu
from bot.settings import Settings
from knowledge.encoders.fake import FakeEncoder
from nlu.artifact import current_metadata, save_model, train_from_dir
from nlu.model import NLUModel
from nlu.pipeline import BuiltinNLU


async def test_bot_loads_the_artifact_the_cli_saved(
    tmp_path: Path, small_data_dir: Path, fake_encoder: FakeEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "var")
    trained = train_from_dir(small_data_dir, fake_encoder)  # what `shopbot nlu train` does ...
    save_model(trained, settings.model_dir)  # ... and where it saves (bot/cli/nlu.py)

    def no_training(*args: object, **kwargs: object) -> NLUModel:
        raise AssertionError("the bot retrained instead of loading the saved model")

    monkeypatch.setattr("nlu.artifact.train_model", no_training)
    nlu = await load_nlu(settings, fake_encoder, None, small_data_dir)
    assert isinstance(nlu, BuiltinNLU)
    assert nlu.model.metadata.version == trained.metadata.version


async def test_bot_trains_a_missing_model_where_the_cli_finds_it(
    tmp_path: Path, small_data_dir: Path, fake_encoder: FakeEncoder
) -> None:
    settings = Settings(data_dir=tmp_path / "var")
    assert current_metadata(settings.model_dir) is None
    nlu = await load_nlu(settings, fake_encoder, None, small_data_dir)
    assert current_metadata(settings.model_dir) == nlu.model.metadata
    assert not (settings.model_dir / "nlu" / "nlu").exists()
