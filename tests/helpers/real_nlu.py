"""The real built-in NLU (the shipped nlu/data, the multilingual USE encoder) for dialogue tests that must hold
with the model shoppers meet, not only with the keyword fake.

Trained like the bot's own artifact (``load_or_train``) into pytest's cache directory, so only a run after
nlu/data or the pipeline changed pays the ~1 minute of training; other runs load it in seconds. Without the
cache plugin (``-p no:cacheprovider``) it trains into a temporary directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.registry import load_encoder
from nlu.artifact import load_or_train
from nlu.factory import DEFAULT_DATA_DIR
from nlu.pipeline import BuiltinNLU

__all__ = ["build_real_nlu"]


def build_real_nlu(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    cache = getattr(config, "cache", None)
    model_dir = Path(cache.mkdir("shopbot_real_nlu")) if cache is not None else tmp_path_factory.mktemp("nlu")
    encoder = load_encoder("use-multilingual")
    return BuiltinNLU(load_or_train(model_dir, DEFAULT_DATA_DIR, encoder), encoder)
