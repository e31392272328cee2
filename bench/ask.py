"""Q&A benchmark: ``python -m bench.ask [--rounds 3] [--set FILE]``.

Loads the demo catalog and the demo FAQ into a scratch SQLite store, starts ``QAService`` with the default
encoder ("use-multilingual"), then asks every question of the evaluation set ``--rounds`` times:

* latency of ``ask`` end to end (query encoding, product lookup for scoped questions, ranking, confidence)
  as p50/p95/p99, next to its floor measured in the same run: encoding the question alone. The timed
  rounds follow a first pass over the set, also reported (``first_ask_ms``): there each question's words
  may be new and are encoded with it (later they come from memory, as a shop's vocabulary repeats);
* hit@1: the answer's matched question is the expected one (or one of ``also_ok``), or the bot correctly
  abstained; split into answerable / abstain / Chinese / cross-language, and for the questions the FAQ
  cannot answer, how the bot replied instead (an FAQ entry, or a sentence of the product's description).
  Next to hit@1: how many questions labelled "FAQ cannot answer" got a description answer (counted wrong by
  the labels, though often right) and hit@1 if all of them were right (an upper bound), so a reader can
  judge.

The set is the sealed, independently judged knowledge/eval/ask_judged.jsonl by default. ``--set
knowledge/eval/dev/ask.jsonl`` measures the development set and ``knowledge/qa/data/tuning.jsonl`` or
``tuning_scope.jsonl`` our tuning sets; all were fitted on, and the output labels them so (they are not
evaluations). Last line: one JSON object.
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
from knowledge.qa.evaluation import DEV_SET, JUDGED_SET, SCOPE_SET, TUNING_SET, demo_store, is_hit, read_labelled
from knowledge.qa.retrieval import QAService
from store.models.knowledge_base import AnswerSource

KINDS = {"judged": "sealed judged set (evaluation: never tuned on)",
         "dev": "DEVELOPMENT set (fitted on: not an evaluation)",
         "tuning": "TUNING set (fitted on: not an evaluation)",
         "other": "a labelled set of your own"}


def set_kind(path: Path) -> str:
    """Which kind of labelled set ``path`` is, by its place in the repository."""
    resolved = path.resolve()
    for kind, known in (("judged", JUDGED_SET), ("dev", DEV_SET), ("tuning", TUNING_SET), ("tuning", SCOPE_SET)):
        if resolved == known.resolve():
            return kind
    return "other"


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
            answers = []
            first_times: list[float] = []
            for item in items:  # the first pass: new words are encoded with their question
                t = time.perf_counter()
                answers.append(await service.ask(item.question, product_external_id=item.product))
                first_times.append(time.perf_counter() - t)
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

    def mean(keep: Any) -> float | None:
        chosen = [h for i, h in zip(items, hits, strict=True) if keep(i)]
        return round(float(np.mean(chosen)), 4) if chosen else None

    unanswerable = [a for i, a in zip(items, answers, strict=True) if not (i.expected_question or i.expected_source)]
    null_described = sum(a.source is AnswerSource.PRODUCT_DESCRIPTION for a in unanswerable)
    ask_p, floor_p = _pct(ask_times), _pct(floor_times)
    kind = set_kind(set_path)
    return {
        "bench": "ask", "set": str(set_path), "set_kind": kind, "judged": kind == "judged",
        "questions": len(items), "kb_questions": kb_questions, "rounds": rounds,
        "encoder": encoder_name, "threshold": service.config.threshold,
        "hit_at_1": round(float(np.mean(hits)), 4),
        "null_answered_from_description": null_described,
        "hit_at_1_if_those_right": round((sum(hits) + null_described) / len(items), 4),
        "hit_at_1_answerable": mean(lambda i: i.expected_question or i.expected_source),
        "hit_at_1_abstain": mean(lambda i: not (i.expected_question or i.expected_source)),
        "hit_at_1_chinese": mean(lambda i: any("\u4e00" <= c <= "\u9fff" for c in i.question)),
        "hit_at_1_cross_language": mean(lambda i: i.cross_language),
        "answerable_answered_from_description": sum(
            a.source is AnswerSource.PRODUCT_DESCRIPTION for i, a in zip(items, answers, strict=True)
            if (i.expected_question and not i.expected_source)),
        "unanswerable": {"questions": len(unanswerable), "abstained": sum(a.answer is None for a in unanswerable),
                         "answered_from_description": sum(a.source is AnswerSource.PRODUCT_DESCRIPTION
                                                          for a in unanswerable),
                         "answered_from_an_entry": sum(a.matched_question is not None for a in unanswerable)},
        "answered": sum(a.answer is not None for a in answers),
        "start_s": round(start_s, 3),
        "ask_ms": ask_p, "floor_encode_ms": floor_p, "first_ask_ms": _pct(first_times),
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
    if result["set_kind"] in ("dev", "tuning"):
        print(f"!! NOTE: this is the {KINDS[result['set_kind']]}. The ranker, confidence and threshold were fitted"
              " on it; only the sealed judged set is an evaluation.")
    print(f"set            {result['set']} ({result['questions']} questions, KB {result['kb_questions']})")
    print(f"kind           {KINDS[result['set_kind']]}")
    u = result["unanswerable"]
    print(f"hit@1          {result['hit_at_1']:.3f}  (answerable {result['hit_at_1_answerable']}, "
          f"abstain {result['hit_at_1_abstain']}, Chinese {result['hit_at_1_chinese']}, "
          f"cross-language {result['hit_at_1_cross_language']})")
    print(f"               {result['null_answered_from_description']} of the {u['questions']} questions labelled "
          f"'FAQ cannot answer' got a description answer, counted wrong; if all were right, hit@1 would be "
          f"{result['hit_at_1_if_those_right']:.3f}")
    print(f"unanswerable   {u['questions']}: abstained {u['abstained']}, answered from the product's description "
          f"{u['answered_from_description']}, answered from an FAQ entry {u['answered_from_an_entry']}")
    print(f"answerable     answered from the product's description instead of the expected entry: "
          f"{result['answerable_answered_from_description']} (counted wrong)")
    print(f"threshold      {result['threshold']}   answered {result['answered']}/{result['questions']}")
    print(f"start()        {result['start_s']:.2f} s (model load + KB index, cold embedding cache)")
    print(f"{'':14} {'p50':>8} {'p95':>8} {'p99':>8}  (ms)")
    for name, key in (("ask", "ask_ms"), ("floor: encode", "floor_encode_ms"), ("first ask", "first_ask_ms")):
        p = result[key]
        print(f"{name:14} {p['p50']:8.2f} {p['p95']:8.2f} {p['p99']:8.2f}")
    print(f"ask / floor at p50: {result['ratio_p50']}x")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
