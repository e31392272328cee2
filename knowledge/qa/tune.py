"""Fit the Q&A ranker, confidence model and threshold on our tuning set plus the development set, with
cross-validated figures (never the sealed judged set).

    python -m knowledge.qa.tune [--set FILE ...] [--encoder use-multilingual] [--seeds 3] [--c 1.0]

Builds the demo knowledge base in a scratch database, encodes each labelled question once, then

1. scores the current ``DEFAULT_CONFIG`` on each set (the operating point in use);
2. cross-validates the whole fit (ranker, confidence, threshold; see ``knowledge/qa/fit.py``): stratified
   5-fold repeated over ``--seeds`` seeds, and 5 folds grouped by FAQ entry (questions about entries the fit
   never saw). Every figure is out-of-fold;
3. fits on everything and prints the resulting ``QAConfig`` fields: paste them into knowledge/qa/config.py
   and the figures into docs/qa.md.

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

import numpy as np

from knowledge.encoders import load_encoder
from knowledge.qa.config import DEFAULT_CONFIG, QAConfig
from knowledge.qa.evaluation import DEV_SET, TUNING_SET, LabelledQuestion, demo_store, is_hit, read_labelled
from knowledge.qa.fit import Sample, Scores, answer, cross_validate, fit_all, group_folds, score, stratified_folds
from knowledge.qa.retrieval import QAService
from store.knowledge_base_records import detect_language

__all__ = ["prepare", "main"]


async def prepare(service: QAService, items: Sequence[LabelledQuestion], set_name: str) -> list[Sample]:
    """Features of each labelled question against the whole index (as ``ask`` computes them)."""
    out = []
    for item in items:
        scope = await service.scope_for(item.product) if item.product else None
        vector = await service.encode_query(item.question)
        tokens = service.tokenizer(item.question)
        pid = scope.product_id if scope else None
        sentence = service.descriptions.best(pid, service.config, vector, tokens) if pid is not None else None
        out.append(Sample(item, detect_language(item.question), service.index.features(vector, tokens), scope,
                          pid is not None and service.index.has_product_qa(pid), sentence, set_name))
    return out


def _by_set(samples: Sequence[Sample], hits: Sequence[float], desc: Sequence[bool]) -> dict[str, Scores]:
    out = {"all": score(samples, hits, desc)}
    for name in dict.fromkeys(s.set_name for s in samples):
        idx = [i for i, s in enumerate(samples) if s.set_name == name]
        out[name] = score([samples[i] for i in idx], [hits[i] for i in idx], [desc[i] for i in idx])
    return out


def _report(title: str, table: dict[str, Scores]) -> None:
    print(title)
    for name, scores in table.items():
        print(f"  {name:8} {scores.row()}")


async def _samples(paths: Sequence[Path], encoder_name: str, cache_dir: Path | None) -> list[Sample]:
    with tempfile.TemporaryDirectory() as tmp:
        async with demo_store(Path(tmp)) as uows:
            service = QAService(uows, load_encoder(encoder_name, cache_dir or Path(tmp) / "emb"))
            await service.start()
            samples: list[Sample] = []
            for path in paths:
                samples += await prepare(service, read_labelled(path), path.parent.name + "/" + path.name)
    return samples


def run(samples: Sequence[Sample], seeds: int, c: float) -> dict[str, Any]:
    current = _by_set(samples, *_hits(DEFAULT_CONFIG, samples))
    _report("current DEFAULT_CONFIG (in-sample where it was fitted on these sets):", current)
    runs = []
    for seed in range(seeds):
        runs.append(cross_validate(samples, DEFAULT_CONFIG, stratified_folds(samples, 5, seed), c))
    hits = list(np.mean([r[0] for r in runs], axis=0))
    desc = [bool(np.mean([r[1][i] for r in runs]) >= 0.5) for i in range(len(samples))]
    cv = _by_set(samples, hits, desc)
    _report(f"cross-validated, stratified 5-fold x {seeds} seeds (out-of-fold):", cv)
    grouped = _by_set(samples, *cross_validate(samples, DEFAULT_CONFIG, group_folds(samples, 5), c))
    _report("cross-validated, 5 folds grouped by FAQ entry (out-of-fold):", grouped)
    fitted = fit_all(samples, DEFAULT_CONFIG, c)
    _report("fitted on everything (in-sample):", _by_set(samples, *_hits(fitted, samples)))
    fields = {k: v for k, v in asdict(fitted).items()
              if k in ("rank_weights", "confidence_weights", "confidence_bias", "threshold")}
    print("QAConfig fields to paste into knowledge/qa/config.py:")
    for k, v in fields.items():
        print(f"    {k} = {v}")
    return {"sets": sorted({s.set_name for s in samples}), "questions": len(samples), "c": c, "seeds": seeds,
            "current": {k: asdict(v) for k, v in current.items()}, "cv": {k: asdict(v) for k, v in cv.items()},
            "cv_grouped": {k: asdict(v) for k, v in grouped.items()}, "fitted": fields}


def _hits(config: QAConfig, samples: Sequence[Sample]) -> tuple[list[float], list[bool]]:
    answers = [answer(config, s) for s in samples]
    return ([float(is_hit(s.item, a)) for s, a in zip(samples, answers, strict=True)],
            [a.source is not None and a.source.value == "product_description" for a in answers])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.qa.tune", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, action="append", default=None,
                        help="labelled questions (JSON lines); repeat for several (default: tuning + dev)")
    parser.add_argument("--encoder", default="use-multilingual")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache directory")
    parser.add_argument("--seeds", type=int, default=3, help="repeats of the stratified cross-validation")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 regularisation of both models")
    args = parser.parse_args(argv)
    paths = args.set or [TUNING_SET, DEV_SET]
    if any(p.name == "ask_judged.jsonl" for p in paths):
        parser.error("the judged set is sealed: never tune on it")
    samples = asyncio.run(_samples(paths, args.encoder, args.cache_dir))
    print(json.dumps(run(samples, args.seeds, args.c), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
