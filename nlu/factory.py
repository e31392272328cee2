"""Building the configured NLU backend from plain parameters (the bot passes its settings' values).

WHY here and not in bot/: the CLI, the bench and the bot all need "the NLU for this model dir", and nlu must
not import bot.settings, so paths and choices come in as arguments.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.encoders.base import Encoder
from nlu.artifact import load_or_train
from nlu.pipeline import NLU, BuiltinNLU
from nlu.rasa_backend import RasaNLU

__all__ = ["DEFAULT_DATA_DIR", "DEFAULT_DEV", "DEFAULT_HELDOUT", "DEFAULT_HELDOUTS", "build_builtin", "build_nlu"]

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
_EVAL = Path(__file__).resolve().parent / "eval"
# Test sets: never trained or tuned on; only aggregate figures are looked at.
DEFAULT_HELDOUT = _EVAL / "heldout.yml"
DEFAULT_HELDOUTS = (DEFAULT_HELDOUT, _EVAL / "heldout_2.yml")
# Development set: its individual errors may be studied to decide what training data is missing.
DEFAULT_DEV = _EVAL / "dev.yml"


def build_builtin(model_dir: Path, encoder: Encoder, data_dir: Path = DEFAULT_DATA_DIR) -> BuiltinNLU:
    return BuiltinNLU(load_or_train(model_dir, data_dir, encoder), encoder)


def build_nlu(
    backend: str,
    model_dir: Path,
    encoder: Encoder,
    rasa_url: str = "http://127.0.0.1:5005",
    data_dir: Path = DEFAULT_DATA_DIR,
) -> NLU:
    builtin = build_builtin(model_dir, encoder, data_dir)
    if backend == "builtin":
        return builtin
    if backend == "rasa":
        return RasaNLU(rasa_url, builtin, threshold=builtin.fallback_threshold, entity_extractor=builtin.entities)
    raise ValueError(f"unknown NLU backend {backend!r}; use 'builtin' or 'rasa'")
