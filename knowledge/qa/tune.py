"""Tune the Q&A weights and thresholds on our own tuning set (never the judged evaluation set).

    python -m knowledge.qa.tune [--set knowledge/qa/data/tuning.jsonl] [--encoder use-multilingual]

Builds the demo knowledge base in a scratch database, encodes each tuning question once, then grid-searches
weights, bonuses and the two thresholds, scoring hit@1 (right question, right abstention, or a description
answer where one was expected). Among the best settings it prefers the middle of the widest threshold
plateau, so the chosen threshold is not balanced on a single question. Prints the table and the winner;
copy the winner into knowledge/qa/config.py and docs/qa.md.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from knowledge.encoders import load_encoder
from knowledge.encoders.base import Vectors
from knowledge.qa.config import DEFAULT_CONFIG, QAConfig
from knowledge.qa.description import SentenceHit
from knowledge.qa.evaluation import TUNING_SET, LabelledQuestion, demo_store, is_hit, read_labelled
from knowledge.qa.retrieval import QAService, ScoredQuestion, decide, rank
from store.knowledge_base_records import ProductScope, detect_language

__all__ = ["Prepared", "prepare", "evaluate", "grid_search", "main"]

THRESHOLDS = [round(float(x), 2) for x in np.arange(0.30, 0.801, 0.01)]
DESC_THRESHOLDS = [round(float(x), 2) for x in np.arange(0.30, 0.801, 0.02)]


@dataclass(frozen=True)
class Prepared:
    item: LabelledQuestion
    vector: Vectors
    tokens: list[str]
    scope: ProductScope | None
    language: str


async def prepare(service: QAService, items: Sequence[LabelledQuestion]) -> list[Prepared]:
    out = []
    for item in items:
        scope = await service.scope_for(item.product) if item.product else None
        out.append(Prepared(item, await service.encode_query(item.question), service.tokenizer(item.question),
                            scope, detect_language(item.question)))
    return out


def _candidates(service: QAService, prepared: Sequence[Prepared],
                config: QAConfig) -> list[tuple[list[ScoredQuestion], SentenceHit | None]]:
    """Ranking and best description sentence per question: they depend on weights, not on thresholds."""
    out = []
    for p in prepared:
        pid = p.scope.product_id if p.scope else None
        ranked = rank(service.index, config, p.vector, p.tokens, pid, p.language)
        sentence = service.descriptions.best(pid, config, p.vector, p.tokens) if pid else None
        out.append((ranked, sentence))
    return out


def evaluate(service: QAService, prepared: Sequence[Prepared], config: QAConfig) -> list[bool]:
    return [is_hit(p.item, decide(config, ranked, sentence, p.scope))
            for p, (ranked, sentence) in zip(prepared, _candidates(service, prepared, config), strict=True)]


def _plateau_middle(values: list[float], ok: list[bool]) -> float:
    """The middle of the longest run of acceptable values."""
    best: tuple[int, int] = (0, 0)
    start = None
    for i, good in enumerate([*ok, False]):
        if good and start is None:
            start = i
        elif not good and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return values[(best[0] + best[1] - 1) // 2]


def _weight_grid() -> list[QAConfig]:
    grid = []
    for wq, wa, wal, lang, scope in itertools.product((0.4, 0.5, 0.6, 0.7), (0.0, 0.1, 0.2), (0.0, 0.1, 0.2),
                                                      (0.0, 0.03, 0.06, 0.09), (0.03, 0.08)):
        if wq + wa + wal <= 1.0:
            grid.append(replace(DEFAULT_CONFIG, w_question=wq, w_answer=wa, w_answer_lexical=wal,
                                language_bonus=lang, scope_bonus=scope))
    return grid


def grid_search(service: QAService, prepared: Sequence[Prepared]) -> tuple[QAConfig, float, list[str]]:
    """Best hit@1 per weight setting; the winner is the widest threshold plateau among settings within one
    question of the best hit@1 (a wide plateau means the threshold is not fitted to single questions)."""
    report: list[str] = []
    results: list[tuple[float, int, QAConfig]] = []
    for base in _weight_grid():
        candidates = _candidates(service, prepared, base)
        table = np.zeros((len(THRESHOLDS), len(DESC_THRESHOLDS)))
        for i, t in enumerate(THRESHOLDS):
            for j, d in enumerate(DESC_THRESHOLDS):
                config = replace(base, threshold=t, description_threshold=d)
                table[i, j] = np.mean([is_hit(p.item, decide(config, ranked, sentence, p.scope))
                                       for p, (ranked, sentence) in zip(prepared, candidates, strict=True)])
        best = float(table.max())
        i_ok = [bool(table[i].max() >= best) for i in range(len(THRESHOLDS))]
        t = _plateau_middle(THRESHOLDS, i_ok)
        d = _plateau_middle(DESC_THRESHOLDS, [bool(v >= best) for v in table[THRESHOLDS.index(t)]])
        width = sum(i_ok)
        report.append(f"w_q={base.w_question:.1f} w_a={base.w_answer:.1f} w_bm25={base.w_lexical:.1f} "
                      f"w_abm25={base.w_answer_lexical:.1f} lang={base.language_bonus:.2f} "
                      f"scope={base.scope_bonus:.2f}  hit@1={best:.3f} threshold={t:.2f} (plateau {width}) "
                      f"description={d:.2f}")
        results.append((best, width, replace(base, threshold=t, description_threshold=d)))
    top = max(r[0] for r in results)
    near = [r for r in results if r[0] >= top - 1.0 / len(prepared) - 1e-9]
    winner = max(near, key=lambda r: (r[1], r[0]))
    return winner[2], winner[0], report


async def _run(path: Path, encoder_name: str, cache_dir: Path | None) -> dict[str, object]:
    items = read_labelled(path)
    with tempfile.TemporaryDirectory() as tmp:
        async with demo_store(Path(tmp)) as uows:
            service = QAService(uows, load_encoder(encoder_name, cache_dir or Path(tmp) / "emb"))
            await service.start()
            prepared = await prepare(service, items)
            current = float(np.mean(evaluate(service, prepared, DEFAULT_CONFIG)))
            config, best, report = await asyncio.to_thread(grid_search, service, prepared)
    print("\n".join(report))
    print(f"\ncurrent defaults: hit@1={current:.3f}")
    print(f"best: hit@1={best:.3f}  {config}")
    return {"set": str(path), "items": len(items), "current_hit_at_1": round(current, 4),
            "best_hit_at_1": round(best, 4), "w_question": config.w_question, "w_answer": config.w_answer,
            "w_answer_lexical": config.w_answer_lexical, "language_bonus": config.language_bonus,
            "scope_bonus": config.scope_bonus, "threshold": config.threshold,
            "description_threshold": config.description_threshold}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.qa.tune", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=TUNING_SET, help="labelled questions (JSON lines)")
    parser.add_argument("--encoder", default="use-multilingual")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache directory")
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(_run(args.set, args.encoder, args.cache_dir)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
