"""Q&A benchmark: ``python -m bench.ask [--rounds 3] [--set FILE]``.

Loads the demo catalog and the demo FAQ into a scratch SQLite store, starts ``QAService`` with the default
encoder ("use-multilingual"), then asks every question of the evaluation set ``--rounds`` times:

* latency of ``ask`` end to end (query encoding, product lookup for scoped questions, hybrid scoring) as
  p50/p95/p99, next to its floor measured in the same run: encoding the question alone;
* hit@1: the answer's matched question is the expected one, or the bot correctly abstained.

The set is the independently judged knowledge/eval/ask_judged.jsonl when it exists; otherwise our own
tuning set, and the output says so loudly (a score on the tuning set is not an evaluation: the threshold
was fitted on it). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.encoders.registry import load_encoder
from knowledge.qa.evaluation import JUDGED_SET, TUNING_SET, demo_store, is_hit, read_labelled
from knowledge.qa.retrieval import QAService


def _pct(values: list[float]) -> dict[str, float]:
    arr = np.asarray(values) * 1000.0
    return {f"p{p}": round(float(np.percentile(arr, p)), 2) for p in (50, 95, 99)}


async def _run(set_path: Path, rounds: int, encoder_name: str) -> dict[str, Any]:
    items = read_labelled(set_path)
    with tempfile.TemporaryDirectory() as tmp:
        async with demo_store(Path(tmp)) as uows:
            service = QAService(uows, load_encoder(encoder_name, Path(tmp) / "emb"))
            t0 = time.perf_counter()
            await service.start()
            start_s = time.perf_counter() - t0
            answers = [await service.ask(i.question, product_external_id=i.product) for i in items]  # warm
            ask_times: list[float] = []
            floor_times: list[float] = []
            for _ in range(rounds):
                for item in items:
                    t = time.perf_counter()
                    service.query_encoder.encode([item.question])
                    floor_times.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    await service.ask(item.question, product_external_id=item.product)
                    ask_times.append(time.perf_counter() - t)
            kb_questions = len(service.index)
    hits = [is_hit(i, a) for i, a in zip(items, answers, strict=True)]
    answerable = [h for i, h in zip(items, hits, strict=True) if i.expected_question or i.expected_source]
    abstain = [h for i, h in zip(items, hits, strict=True) if not (i.expected_question or i.expected_source)]
    zh = [h for i, h in zip(items, hits, strict=True) if any("\u4e00" <= c <= "\u9fff" for c in i.question)]
    ask_p, floor_p = _pct(ask_times), _pct(floor_times)
    return {
        "bench": "ask", "set": str(set_path), "judged": set_path == JUDGED_SET or set_path.name.endswith(
            "ask_judged.jsonl"), "questions": len(items), "kb_questions": kb_questions, "rounds": rounds,
        "encoder": encoder_name, "threshold": service.config.threshold,
        "hit_at_1": round(float(np.mean(hits)), 4),
        "hit_at_1_answerable": round(float(np.mean(answerable)), 4) if answerable else None,
        "hit_at_1_abstain": round(float(np.mean(abstain)), 4) if abstain else None,
        "hit_at_1_chinese": round(float(np.mean(zh)), 4) if zh else None,
        "answered": sum(a.answer is not None for a in answers),
        "start_s": round(start_s, 3),
        "ask_ms": ask_p, "floor_encode_ms": floor_p,
        "ratio_p50": round(ask_p["p50"] / floor_p["p50"], 2) if floor_p["p50"] else None,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ask", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=None, help="labelled questions (default: judged set)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--encoder", default="use-multilingual")
    args = parser.parse_args(argv)
    path = args.set or (JUDGED_SET if JUDGED_SET.exists() else TUNING_SET)
    result = asyncio.run(_run(path, args.rounds, args.encoder))
    if not result["judged"]:
        print("!! NOTE: the judged set knowledge/eval/ask_judged.jsonl is missing; these figures are on the"
              " TUNING set, which the threshold was fitted on. They are not an evaluation.")
    print(f"set            {result['set']} ({result['questions']} questions, KB {result['kb_questions']})")
    print(f"hit@1          {result['hit_at_1']:.3f}  (answerable {result['hit_at_1_answerable']}, "
          f"abstain {result['hit_at_1_abstain']}, Chinese {result['hit_at_1_chinese']})")
    print(f"threshold      {result['threshold']}   answered {result['answered']}/{result['questions']}")
    print(f"start()        {result['start_s']:.2f} s (model load + KB index, cold embedding cache)")
    print(f"{'':14} {'p50':>8} {'p95':>8} {'p99':>8}  (ms)")
    for name, key in (("ask", "ask_ms"), ("floor: encode", "floor_encode_ms")):
        p = result[key]
        print(f"{name:14} {p['p50']:8.2f} {p['p95']:8.2f} {p['p99']:8.2f}")
    print(f"ask / floor at p50: {result['ratio_p50']}x")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
