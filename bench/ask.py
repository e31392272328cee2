"""Q&A benchmark: ``python -m bench.ask [--rounds 3] [--set FILE]``.

Loads the demo catalog and the demo FAQ into a scratch SQLite store, starts ``QAService`` with the default
encoder ("use-multilingual"), then asks every question of the evaluation set ``--rounds`` times:

* latency of ``ask`` end to end (query encoding, product lookup for scoped questions, ranking, confidence)
  as p50/p95/p99, next to its floor measured in the same run: encoding the question alone. The timed
  rounds follow a first pass over the set, also reported (``first_ask_ms``): there each question's words
  may be new and are encoded with it (later they come from memory, as a shop's vocabulary repeats);
* hit@1 by the fair rule (``knowledge/qa/judge.py``): the expected entry (or one of ``also_ok``), or an
  answer from the product's description that holds one of the labelled spans (``ask_description_labels.jsonl``
  next to the set), or abstaining when neither the FAQ nor the description answers; and by the FAQ-only
  rule used before those labels existed. Split into answerable by an entry / by the description only /
  unanswerable (how the bot replied: abstained, entry right or wrong, description right or wrong), by
  language and cross-language. Only aggregates are printed.

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
from knowledge.qa.evaluation import DEV_SET, JUDGED_SET, SCOPE_SET, TUNING_SET, demo_store, read_labelled, summarize
from knowledge.qa.retrieval import QAService
from knowledge.qa.shown_english import english_of_shown, in_english
from store.demo.loader import CATALOG_FILE as DEMO_CATALOG

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
    english = english_of_shown(json.loads(DEMO_CATALOG.read_text(encoding="utf-8")))
    ask_p, floor_p = _pct(ask_times), _pct(floor_times)
    kind = set_kind(set_path)
    quality = summarize(items, [in_english(a, english) for a in answers])
    shown = summarize(items, answers)  # judged as shown: Chinese sentences against English labels
    quality["as_shown"] = {"hit_at_1": shown["hit_at_1"], "by_language": shown["by_language"]}
    return {
        "bench": "ask", "set": str(set_path), "set_kind": kind, "judged": kind == "judged",
        "kb_questions": kb_questions, "rounds": rounds, "encoder": encoder_name,
        "threshold": service.config.threshold, **quality,
        "answered": sum(a.answer is not None for a in answers),
        "start_s": round(start_s, 3),
        "ask_ms": ask_p, "floor_encode_ms": floor_p, "first_ask_ms": _pct(first_times),
        "ratio_p50": round(ask_p["p50"] / floor_p["p50"], 2) if floor_p["p50"] else None,
    }


def _print_quality(result: dict[str, Any]) -> None:
    g = result["groups"]
    print(f"hit@1          {result['hit_at_1']:.3f}  fair rule: the expected entry (or also_ok), a description "
          f"answer holding a labelled span, or abstaining when nothing answers")
    shown = result["as_shown"]
    print(f"hit@1 as shown {shown['hit_at_1']:.3f}  (Chinese answers judged as shown, against the English labels; "
          f"zh {shown['by_language']['zh']['hit_at_1']})")
    print(f"hit@1 FAQ-only {result['hit_at_1_faq_only']:.3f}  (the rule before description labels; "
          f"{result['description_labelled']} questions have description labels)")
    for name, title in (("entry", "answerable by an FAQ entry"), ("description", "answerable by the description "
                                                                                 "only"),
                        ("none", "unanswerable (FAQ and description)")):
        r = g[name]["replies"]
        print(f"  {title:38} {g[name]['questions']:4d}  hit@1 {g[name]['hit_at_1']}  replies: abstained "
              f"{r['abstained']}, entry right {r['entry_right']} / wrong {r['entry_wrong']}, description right "
              f"{r['description_right']} / wrong {r['description_wrong']}")
    for name in ("en", "zh"):
        b = result["by_language"][name]
        print(f"  {name:38} {b['questions']:4d}  hit@1 {b['hit_at_1']}  (FAQ-only {b['hit_at_1_faq_only']})")
    b = result["cross_language"]
    print(f"  {'cross-language':38} {b['questions']:4d}  hit@1 {b['hit_at_1']}  (FAQ-only {b['hit_at_1_faq_only']})")
    f = result["faq_only"]
    print(f"  FAQ-only rule as published before: answerable {f['answerable']}, abstain {f['abstain']}, "
          f"Chinese {f['chinese']}, cross-language {f['cross_language']}")


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
    _print_quality(result)
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
