"""`python -m bench.nlu [--messages N]`: NLU parse latency and throughput against the encoding floor.

Single-message latency includes encoding (the real per-message cost when nothing was precomputed); the floor
is encoding the same messages alone, timed in the same run (alternating with the parses, message by message),
so results read as ratios. Memory is the RSS
growth from loading the NLU model after the encoder is already loaded, in a process that has not trained or
loaded it before (a stale model is trained first and the benchmark restarts itself). Messages are training examples
(latency does not depend on labels; the held-out file is not used). A fourth timing parses with the context the
bot passes: the demo catalogue's vocabulary (brands, categories, variant colours and sizes) and a product in
focus. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlu.context import DialogueContext

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _demo_context() -> DialogueContext:
    """The DialogueContext the bot passes for the demo shop: its catalogue vocabulary and a product in focus."""
    from nlu.context import CatalogVocabulary, DialogueContext

    path = Path(__file__).resolve().parents[1] / "store" / "demo" / "catalog.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    brands = {r["brand"] for r in rows if r.get("brand")}
    categories = {part.strip() for r in rows for part in str(r.get("category") or "").split(">") if part.strip()}
    attrs = [r.get("attributes") or {} for r in rows]
    colours = {str(a["color"]) for a in attrs if a.get("color")}
    sizes = {str(a["size"]) for a in attrs if a.get("size")}
    vocab = CatalogVocabulary.build(brands=brands, categories=categories, colors=colours, sizes=sizes)
    return DialogueContext(last_results=("P0001-WHT-256GB", "P0002"), focus="P0001-WHT-256GB", catalog=vocab)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--model-dir", type=Path, default=None, help="default: SHOPBOT_DATA_DIR/models")
    args = parser.parse_args()

    from bot.settings import load_settings
    from knowledge.encoders.registry import load_encoder, warm_up
    from nlu.artifact import is_fresh, load_or_train
    from nlu.factory import DEFAULT_DATA_DIR
    from nlu.pipeline import BuiltinNLU
    from nlu.training_data import load_training_data

    settings = load_settings()
    model_dir = args.model_dir or settings.model_dir
    encoder = load_encoder(settings.embedding_model)
    warm_up(encoder)
    texts = [e.text for e in load_training_data(DEFAULT_DATA_DIR).examples]
    random.Random(7).shuffle(texts)
    messages = (texts * (args.messages // max(len(texts), 1) + 1))[: args.messages]

    if not is_fresh(model_dir, DEFAULT_DATA_DIR, encoder.name):
        # Train, then start again in a clean process: memory freed by training would otherwise be reused by the
        # load below and hide the model's real size (RSS grows only when new pages are needed).
        print("NLU model missing or stale: training it first, then restarting the benchmark", flush=True)
        load_or_train(model_dir, DEFAULT_DATA_DIR, encoder)
        os.execv(sys.executable, [sys.executable, "-m", "bench.nlu", *sys.argv[1:]])
    gc.collect()
    before = _rss_mib()
    t0 = time.perf_counter()
    model = load_or_train(model_dir, DEFAULT_DATA_DIR, encoder)
    load_s = time.perf_counter() - t0
    nlu = BuiltinNLU(model, encoder)
    rss_delta = _rss_mib() - before

    from knowledge.blas import serve_single_threaded

    serve_single_threaded()  # as the bot's process serves (ShopBot.start): one BLAS thread, see knowledge/blas.py
    context = _demo_context()
    for text in messages[:20]:  # warm caches (jieba, BLAS, the catalogue gazetteer)
        nlu.parse_sync(text)
        nlu.parse_sync(text, context)

    # The three timings alternate message by message, so a burst of load from other processes on this shared
    # machine hits the floor and the parse alike instead of whichever phase happened to run during it.
    async def run() -> tuple[list[float], list[float], list[float], list[float]]:
        floor, parse, pre, ctx = [], [], [], []
        for text in messages:
            t = time.perf_counter()
            vec = encoder.encode([text])
            floor.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            await nlu.parse(text)
            parse.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            nlu.parse_sync(text, None, vec)
            pre.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            await nlu.parse(text, context)
            ctx.append((time.perf_counter() - t) * 1000)
        return floor, parse, pre, ctx

    floor, parse_ms, pre, ctx_ms = asyncio.run(run())

    t = time.perf_counter()
    encoder.encode(messages)
    batch_floor_s = time.perf_counter() - t
    t = time.perf_counter()
    nlu.parse_batch(messages)
    batch_s = time.perf_counter() - t

    result = {
        "bench": "nlu",
        "messages": len(messages),
        "encoder": encoder.name,
        "model_version": model.metadata.version,
        "parse_p50_ms": round(statistics.median(parse_ms), 3),
        "parse_p99_ms": round(_pct(parse_ms, 0.99), 3),
        "encode_p50_ms": round(statistics.median(floor), 3),
        "encode_p99_ms": round(_pct(floor, 0.99), 3),
        "parse_over_encode_p50": round(statistics.median(parse_ms) / statistics.median(floor), 2),
        "nlu_only_p50_ms": round(statistics.median(pre), 3),
        "nlu_only_p99_ms": round(_pct(pre, 0.99), 3),
        "parse_demo_context_p50_ms": round(statistics.median(ctx_ms), 3),
        "parse_demo_context_p99_ms": round(_pct(ctx_ms, 0.99), 3),
        "batch_msgs_per_s": round(len(messages) / batch_s, 1),
        "batch_encode_msgs_per_s": round(len(messages) / batch_floor_s, 1),
        "model_load_s": round(load_s, 3),
        "model_rss_mib": round(rss_delta, 1),
    }
    rows = [
        (
            "single parse (async, incl. encoding)",
            f"p50 {result['parse_p50_ms']} ms",
            f"p99 {result['parse_p99_ms']} ms",
        ),
        ("floor: encode one message", f"p50 {result['encode_p50_ms']} ms", f"p99 {result['encode_p99_ms']} ms"),
        ("parse / encode (p50)", f"{result['parse_over_encode_p50']}x", ""),
        ("NLU only (vector precomputed)", f"p50 {result['nlu_only_p50_ms']} ms", f"p99 {result['nlu_only_p99_ms']} ms"),
        (
            "parse with demo catalogue + focus",
            f"p50 {result['parse_demo_context_p50_ms']} ms",
            f"p99 {result['parse_demo_context_p99_ms']} ms",
        ),
        ("batch parse", f"{result['batch_msgs_per_s']} msg/s", f"floor {result['batch_encode_msgs_per_s']} msg/s"),
        ("model load / RSS delta", f"{result['model_load_s']} s", f"{result['model_rss_mib']} MiB"),
    ]
    print(f"NLU benchmark: {len(messages)} messages, encoder {encoder.name}, model {model.metadata.version}")
    for name, a, b in rows:
        print(f"  {name:<40}{a:<22}{b}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
