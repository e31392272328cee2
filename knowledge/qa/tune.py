"""Fit the Q&A ranker, confidence model, description model and thresholds on our tuning sets plus the
development set, with cross-validated figures (never the sealed judged set).

    python -m knowledge.qa.tune [--set FILE ...] [--encoder use-multilingual] [--seeds 3] [--c 1.0]

Builds the demo knowledge base in a scratch database, prepares each labelled question once (as ``ask`` does:
``QAService.prepare``), then

1. scores the current ``DEFAULT_CONFIG`` on each set (the operating point in use);
2. cross-validates the whole fit (ranker, description, confidence, thresholds; see ``knowledge/qa/fit.py``):
   stratified 5-fold repeated over ``--seeds`` seeds, and 5 folds grouped by FAQ entry or product
   (questions about entries the fit never saw). Every figure is out-of-fold;
3. fits on everything and prints the resulting ``QAConfig`` fields: paste them into knowledge/qa/config.py
   and the figures into docs/qa.md.

Figures are given per set and, for our scope tuning set, per kind of question.

Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from knowledge.encoders import load_encoder
from knowledge.qa.answer import Answer
from knowledge.qa.config import CONFIDENCE_FEATURES, DEFAULT_CONFIG, QAConfig
from knowledge.qa.evaluation import DEV_SET, SCOPE_SET, TUNING_SET, LabelledQuestion, demo_store, read_labelled
from knowledge.qa.fit import Sample, answer, fit_all
from knowledge.qa.fit_measure import Scores, cross_validate, group_folds, score, stratified_folds
from knowledge.qa.retrieval import QAService

__all__ = ["prepare", "main"]


async def prepare(service: QAService, items: Sequence[LabelledQuestion], set_name: str) -> list[Sample]:
    """Each labelled question prepared exactly as ``ask`` prepares it."""
    return [Sample(item, await service.prepare(item.question, product_external_id=item.product), set_name)
            for item in items]


def _by_set(samples: Sequence[Sample], runs: Sequence[Sequence[Answer]]) -> dict[str, Scores]:
    out = {"all": score(samples, runs)}
    groups = [*dict.fromkeys(s.set_name for s in samples),
              *dict.fromkeys(f"{s.set_name}:{s.item.kind}" for s in samples if s.item.kind)]
    for name in groups:
        idx = [i for i, s in enumerate(samples) if name in (s.set_name, f"{s.set_name}:{s.item.kind}")]
        out[name] = score([samples[i] for i in idx], [[run[i] for i in idx] for run in runs])
    return out


def _report(title: str, table: dict[str, Scores]) -> None:
    print(title)
    for name, scores in table.items():
        print(f"  {name:40} {scores.row()}")


async def _samples(paths: Sequence[Path], encoder_name: str, cache_dir: Path | None) -> list[Sample]:
    with tempfile.TemporaryDirectory() as tmp:
        async with demo_store(Path(tmp)) as uows:
            service = QAService(uows, load_encoder(encoder_name, cache_dir or Path(tmp) / "emb"))
            await service.start()
            samples: list[Sample] = []
            for path in paths:
                samples += await prepare(service, read_labelled(path), path.parent.name + "/" + path.name)
    return samples


def run(samples: Sequence[Sample], seeds: int, c: float,
        columns: Sequence[str] = CONFIDENCE_FEATURES, base: QAConfig = DEFAULT_CONFIG) -> dict[str, Any]:
    current = _by_set(samples, [[answer(base, s) for s in samples]])
    _report("current config (in-sample where it was fitted on these sets):", current)
    runs = [cross_validate(samples, base, stratified_folds(samples, 5, seed), c, columns=columns)
            for seed in range(seeds)]
    cv = _by_set(samples, runs)
    _report(f"cross-validated, stratified 5-fold x {seeds} seeds (out-of-fold):", cv)
    grouped = _by_set(samples, [cross_validate(samples, base, group_folds(samples, 5), c, columns=columns)])
    _report("cross-validated, 5 folds grouped by FAQ entry or product (out-of-fold):", grouped)
    fitted = fit_all(samples, base, c, columns)
    _report("fitted on everything (in-sample):", _by_set(samples, [[answer(fitted, s) for s in samples]]))
    fields = {k: v for k, v in asdict(fitted).items()
              if k in ("rank_weights", "confidence_weights", "confidence_bias", "threshold", "description_weights",
                       "description_bias", "description_threshold")}
    print("QAConfig fields to paste into knowledge/qa/config.py:")
    for k, v in fields.items():
        print(f"    {k} = {v}")
    return {"sets": sorted({s.set_name for s in samples}), "questions": len(samples), "c": c, "seeds": seeds,
            "current": {k: asdict(v) for k, v in current.items()}, "cv": {k: asdict(v) for k, v in cv.items()},
            "cv_grouped": {k: asdict(v) for k, v in grouped.items()}, "fitted": fields}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.qa.tune", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, action="append", default=None,
                        help="labelled questions (JSON lines); repeat for several (default: tuning + dev)")
    parser.add_argument("--encoder", default="use-multilingual")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache directory")
    parser.add_argument("--seeds", type=int, default=3, help="repeats of the stratified cross-validation")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 regularisation of the models")
    parser.add_argument("--confidence-features", default=",".join(CONFIDENCE_FEATURES),
                        help="comma-separated CONFIDENCE_FEATURES to use (the others get weight 0)")
    args = parser.parse_args(argv)
    paths = args.set or [TUNING_SET, SCOPE_SET, DEV_SET]
    if any(p.name == "ask_judged.jsonl" for p in paths):
        parser.error("the judged set is sealed: never tune on it")
    columns = [c for c in args.confidence_features.split(",") if c]
    unknown = [c for c in columns if c not in CONFIDENCE_FEATURES]
    if unknown:
        parser.error(f"unknown confidence features: {', '.join(unknown)}")
    samples = asyncio.run(_samples(paths, args.encoder, args.cache_dir))
    print(json.dumps(run(samples, args.seeds, args.c, columns), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
