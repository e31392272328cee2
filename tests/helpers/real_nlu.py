"""The real built-in NLU (the shipped nlu/data, the multilingual USE encoder) for dialogue tests that must hold
with the model shoppers meet, not only with the keyword fake.

Trained like the bot's own artifact (``load_or_train``) into pytest's cache directory, so only a run after
nlu/data or the pipeline changed pays the ~1 minute of training; other runs load it in seconds. Without the
cache plugin (``-p no:cacheprovider``) it trains into a temporary directory. Either way it is built once per
test process and shared by every module that asks (each module loading its own encoder and model had cost
the suite several loads, and a training each without the cache). Parallel test workers share the cache
directory: a file lock lets the first train while the others wait and then load its model.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from filelock import FileLock

from knowledge.encoders.base import Encoder
from knowledge.encoders.registry import load_encoder
from nlu.artifact import load_or_train
from nlu.factory import DEFAULT_DATA_DIR
from nlu.pipeline import BuiltinNLU

__all__ = ["build_real_nlu", "real_use_encoder"]

_built: dict[str, BuiltinNLU] = {}


@cache
def real_use_encoder() -> Encoder:
    """The multilingual USE encoder, loaded once per test process."""
    return load_encoder("use-multilingual")


def build_real_nlu(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    if "nlu" not in _built:
        cache_plugin = getattr(config, "cache", None)
        model_dir = (Path(cache_plugin.mkdir("shopbot_real_nlu")) if cache_plugin is not None
                     else tmp_path_factory.mktemp("nlu"))
        encoder = real_use_encoder()
        with FileLock(str(model_dir / ".training.lock")):
            model = load_or_train(model_dir, DEFAULT_DATA_DIR, encoder)
        _built["nlu"] = BuiltinNLU(model, encoder)
    return _built["nlu"]
