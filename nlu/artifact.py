"""Saving, loading and auto-(re)training the model artifact.

Layout under ``model_dir/nlu/``: one directory per version (``<trained_at>-<hash8>/``) holding
``model.joblib`` (the sklearn parts and lexicon) and ``metadata.json`` (readable without unpickling), plus
``CURRENT`` naming the version in use. WHY: a retrain never overwrites the model a running bot loaded, and
``load_or_train`` can compare the data hash without touching the pickle.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import joblib

from knowledge.encoders.base import Encoder
from nlu.errors import ArtifactError
from nlu.model import FORMAT_VERSION, ModelMetadata, NLUModel
from nlu.training import TrainConfig, train_model
from nlu.training_data import data_files, data_hash, load_training_data

__all__ = ["current_metadata", "is_fresh", "load_model", "load_or_train", "save_model", "train_from_dir"]

log = logging.getLogger(__name__)
_SUBDIR = "nlu"
_KEEP = 3


def _root(model_dir: Path) -> Path:
    return model_dir / _SUBDIR


def save_model(model: NLUModel, model_dir: Path) -> Path:
    root = _root(model_dir)
    target = root / model.metadata.version
    target.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, target / "model.joblib", compress=3)
    (target / "metadata.json").write_text(json.dumps(model.metadata.to_json(), indent=2), encoding="utf-8")
    tmp = root / "CURRENT.tmp"
    tmp.write_text(model.metadata.version, encoding="utf-8")
    os.replace(tmp, root / "CURRENT")
    _prune(root, keep=model.metadata.version)
    return target


def _prune(root: Path, keep: str) -> None:
    """Keep the newest ``_KEEP`` versions. Only directories that hold a saved model count: anything else a
    person (or an older release) left under ``models/nlu`` is not ours to delete."""
    versions = sorted((p for p in root.iterdir() if (p / "metadata.json").is_file()), key=lambda p: p.name)
    for old in versions[:-_KEEP]:
        if old.name != keep:
            for f in old.iterdir():
                f.unlink()
            old.rmdir()


def current_metadata(model_dir: Path) -> ModelMetadata | None:
    root = _root(model_dir)
    pointer = root / "CURRENT"
    if not pointer.exists():
        return None
    meta_path = root / pointer.read_text(encoding="utf-8").strip() / "metadata.json"
    try:
        raw = json.loads(meta_path.read_text(encoding="utf-8"))
        return ModelMetadata(
            version=raw["version"],
            data_hash=raw["data_hash"],
            encoder_name=raw["encoder_name"],
            trained_at=raw["trained_at"],
            intents=tuple(raw["intents"]),
            threshold=float(raw["threshold"]),
            temperature=float(raw["temperature"]),
            n_examples=int(raw["n_examples"]),
            format_version=int(raw["format_version"]),
            cv=dict(raw.get("cv", {})),
            config_hash=str(raw.get("config_hash", "")),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ArtifactError(f"cannot read NLU model metadata {meta_path}: {exc}") from None


def load_model(model_dir: Path) -> NLUModel:
    meta = current_metadata(model_dir)
    if meta is None:
        raise ArtifactError(f"no NLU model in {_root(model_dir)} (run `shopbot nlu train`)")
    if meta.format_version != FORMAT_VERSION:
        raise ArtifactError(f"NLU model format {meta.format_version} is not {FORMAT_VERSION}; retrain it")
    path = _root(model_dir) / meta.version / "model.joblib"
    try:
        model = joblib.load(path)
    except Exception as exc:  # a corrupt or foreign pickle: unpickling can raise anything
        raise ArtifactError(f"cannot load NLU model {path}: {exc}") from exc
    if not isinstance(model, NLUModel):
        raise ArtifactError(f"{path} does not hold an NLU model")
    return model


def train_from_dir(data_dir: Path, encoder: Encoder, config: TrainConfig = TrainConfig()) -> NLUModel:
    files = data_files(data_dir)
    return train_model(load_training_data(files), encoder, data_hash(files), config)


def is_fresh(model_dir: Path, data_dir: Path, encoder_name: str, config: TrainConfig = TrainConfig()) -> bool:
    """Whether the current model was trained on exactly this data, encoder, pipeline settings and format
    (read from metadata.json; the model itself is not loaded)."""
    try:
        meta = current_metadata(model_dir)
    except ArtifactError:
        return False
    return (
        meta is not None
        and meta.data_hash == data_hash(data_files(data_dir))
        and meta.encoder_name == encoder_name
        and meta.config_hash == config.digest()
        and meta.format_version == FORMAT_VERSION
    )


def load_or_train(model_dir: Path, data_dir: Path, encoder: Encoder, config: TrainConfig = TrainConfig()) -> NLUModel:
    """Load the current model; train and save a new one when there is none, it is unreadable, or the
    training data, the encoder or the pipeline settings/format changed since it was trained."""
    files = data_files(data_dir)
    digest = data_hash(files)
    try:
        meta = current_metadata(model_dir)
    except ArtifactError as exc:
        log.warning("%s; retraining", exc)
        meta = None
    fresh = meta is not None and is_fresh(model_dir, data_dir, encoder.name, config)
    if fresh:
        try:
            return load_model(model_dir)
        except ArtifactError as exc:
            log.warning("%s; retraining", exc)
    elif meta is not None:
        log.info("NLU training data or encoder changed since %s; retraining", meta.version)
    model = train_model(load_training_data(files), encoder, digest, config)
    save_model(model, model_dir)
    return model
