"""Product search benchmark: ``python -m bench.search [--products 10000,100000] [--queries 200]``.

Per catalog size: index build time, memory, search latency p50/p95/p99 *including query encoding*,
ANN recall@10 against exact search, and the time for one product change to become searchable. In the
same run the floors: query encoding alone, BM25 alone, exact flat search alone, and our latency as ratios
to them. For HNSW sizes, ``--ef`` sweeps efSearch (recall@10, ANN p95, full search p95 at each). With
``--realistic N`` (default: 100000 when that size is benchmarked) it also indexes N realistic product
texts for real, end to end (bench/search_indexing.py). Last line: one JSON object.

Synthetic products are generated from a bilingual vocabulary. Encoding every text of a large catalog with
the real model would take hours at 1M (throughput is measured and reported), so only ``--pool`` distinct
texts are encoded for real; product i > pool gets the vector of text i mod pool plus small Gaussian noise
(sigma 0.02 per dimension before re-normalising), which keeps the neighbourhood structure realistic for the
index without pretending the encoder is faster than it is. The output says so.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from knowledge.encoders.base import Encoder
from knowledge.encoders.registry import load_encoder, warm_up
from knowledge.search.documents import ProductDoc, VariantDoc, semantic_text
from knowledge.search.engine import SearchEngine
from knowledge.search.models import SearchQuery
from knowledge.search.vector_index import IndexKind
from knowledge.text import tokenize

COLOURS = [("red", "红色"), ("blue", "蓝色"), ("black", "黑色"), ("white", "白色"), ("green", "绿色"),
           ("grey", "灰色"), ("pink", "粉色"), ("yellow", "黄色"), ("brown", "棕色"), ("purple", "紫色")]
MATERIALS = [("cotton", "纯棉"), ("leather", "真皮"), ("ceramic", "陶瓷"), ("steel", "不锈钢"), ("wool", "羊毛"),
             ("bamboo", "竹制"), ("glass", "玻璃"), ("silk", "真丝"), ("plastic", "塑料"), ("linen", "亚麻")]
NOUNS = [("mug", "马克杯", "Home > Kitchen > Mugs"), ("t-shirt", "T恤", "Fashion > Tops"),
         ("running shoes", "跑步鞋", "Shoes > Running"), ("backpack", "双肩包", "Bags > Backpacks"),
         ("headphones", "耳机", "Electronics > Audio"), ("desk lamp", "台灯", "Home > Lighting"),
         ("water bottle", "水瓶", "Sports > Bottles"), ("scarf", "围巾", "Fashion > Accessories"),
         ("phone case", "手机壳", "Electronics > Cases"), ("yoga mat", "瑜伽垫", "Sports > Yoga"),
         ("frying pan", "煎锅", "Home > Cookware"), ("notebook", "笔记本", "Office > Paper"),
         ("dog bed", "狗窝", "Pets > Dogs"), ("dress", "连衣裙", "Fashion > Dresses"),
         ("tent", "帐篷", "Sports > Camping"), ("teddy bear", "泰迪熊", "Toys > Plush")]
ADJECTIVES = ["classic", "lightweight", "premium", "compact", "vintage", "waterproof", "soft", "modern",
              "portable", "handmade", "slim", "oversized", "eco", "deluxe", "everyday", "travel"]
BRANDS = [f"Brand{i:03d}" for i in range(300)]
NOISE = 0.02
DEFAULT_POOL = 20_000


def make_docs(n: int, seed: int = 7) -> list[ProductDoc]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        (c_en, c_zh), (m_en, m_zh), (noun, noun_zh, cat) = rng.choice(COLOURS), rng.choice(MATERIALS), rng.choice(NOUNS)
        adj, brand = rng.choice(ADJECTIVES), rng.choice(BRANDS)
        title = f"{brand} {adj.title()} {c_en.title()} {m_en.title()} {noun.title()} {rng.randint(1, 999)}"
        docs.append(ProductDoc(
            product_id=i + 1, external_id=f"S{i + 1:07d}", title=title, title_zh=f"{c_zh}{m_zh}{noun_zh}",
            description=f"A {adj} {m_en} {noun} in {c_en}, made by {brand}.", brand=brand, category_path=cat,
            sales_count=rng.randint(0, 5000), rating_tenths=rng.randint(20, 50),
            variants=(VariantDoc(f"S{i + 1:07d}-{c_en[:3].upper()}", rng.randint(500, 20000), "USD",
                                 rng.randint(0, 50), True, {"color": c_en}),)))
    return docs


def make_queries(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        (c_en, c_zh), (m_en, _), (noun, noun_zh, _) = rng.choice(COLOURS), rng.choice(MATERIALS), rng.choice(NOUNS)
        out.append(f"{c_zh}{noun_zh}" if i % 4 == 3 else rng.choice(
            [f"{c_en} {noun}", f"{m_en} {noun} in {c_en}", f"{rng.choice(ADJECTIVES)} {noun}", noun]))
    return out


def vectors_for(encoder: Encoder, docs: Sequence[ProductDoc], pool: int) -> tuple[np.ndarray, float, int]:
    """(vectors, encoded docs per second, number really encoded)."""
    real = min(len(docs), pool)
    t0 = time.perf_counter()
    base = encoder.encode([semantic_text(d) for d in docs[:real]])
    rate = real / (time.perf_counter() - t0)
    if real == len(docs):
        return base, rate, real
    rng = np.random.default_rng(3)
    out = np.empty((len(docs), base.shape[1]), dtype=np.float32)
    out[:real] = base
    for start in range(real, len(docs), 50_000):
        stop = min(start + 50_000, len(docs))
        noise = rng.normal(0, NOISE, (stop - start, base.shape[1])).astype(np.float32)
        chunk = base[np.arange(start, stop) % real] + noise
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        out[start:stop] = chunk
    return out, rate, real


def pct(samples: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(samples) * 1000, p))


def timed(fn: Any, items: Sequence[Any], cpu: list[float] | None = None) -> list[float]:
    """Wall seconds per call; with ``cpu``, also this process's CPU seconds per call (which another
    process's load inflates far less than wall time: the shared machine's figures need both)."""
    out = []
    for item in items:
        c0, t0 = time.process_time(), time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
    return out


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bench_size(encoder: Encoder, n: int, queries: list[str], pool: int, efs: Sequence[int] = ()) -> dict[str, Any]:
    docs = make_docs(n)
    vectors, rate, real = vectors_for(encoder, docs, pool)
    gc.collect()
    rss0 = rss_mb()
    t0 = time.perf_counter()
    engine = SearchEngine(encoder)
    engine.build_from_vectors(docs, vectors)
    build_s = time.perf_counter() - t0
    mem_mb = rss_mb() - rss0
    # Warm-up (first FAISS/bm25 calls allocate), then measure.
    for q in queries[:10]:
        engine.search(SearchQuery(q))
    full_cpu: list[float] = []
    full = timed(lambda q: engine.search(SearchQuery(q)), queries, full_cpu)
    qvecs = [engine.encode_query(q) for q in queries]
    encode_only = timed(engine.encode_query, queries)
    tokens = [tokenize(q) for q in queries]
    bm25_only = timed(lambda t: engine.keywords.search(t, 100), tokens)
    ann_only = timed(lambda v: engine.vectors.search(v, 100), qvecs)
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    exact_only = timed(lambda v: flat.search(v.reshape(1, -1), 100), qvecs)
    exact10 = [set(flat.search(v.reshape(1, -1), 10)[1][0].tolist()) for v in qvecs]

    def recall_at_10(k: int) -> float:
        """Top 10 of a k-neighbour search (the engine asks for k >= 100 candidates) against exact top 10."""
        return float(np.mean([len(e & {pid - 1 for pid, _ in engine.vectors.search(v, k)[:10]}) / 10
                              for e, v in zip(exact10, qvecs, strict=True)]))

    recall, recall_engine = recall_at_10(10), recall_at_10(100)
    sweep = []
    if engine.vectors.kind is IndexKind.HNSW:
        chosen = engine.vectors.ef_search
        for ef in efs:
            engine.vectors.ef_search = ef
            full_ef = timed(lambda q: engine.search(SearchQuery(q)), queries)
            sweep.append({"ef": ef, "recall10": round(recall_at_10(10), 4),
                          "recall10_k100": round(recall_at_10(100), 4),
                          "ann_p95_ms": round(pct(timed(lambda v: engine.vectors.search(v, 100), qvecs), 95), 2),
                          "search_p95_ms": round(pct(full_ef, 95), 2)})
        engine.vectors.ef_search = chosen
    flat.reset()  # free the exact copy before the next size
    # One product changes its title: encode + index update until it is the top hit.
    changed = [ProductDoc(**{**docs[n // 2].__dict__, "title": f"Aurora Borealis Telescope {i}"}) for i in range(5)]
    update = []
    for doc in changed:
        t0 = time.perf_counter()
        engine.apply([doc])
        assert engine.search(SearchQuery(doc.title, limit=1)).hits[0].product_id == doc.product_id
        update.append(time.perf_counter() - t0)
    p95 = pct(full, 95)
    return {
        "products": n, "index": engine.vectors.kind.value, "encoded_for_real": real,
        "encode_docs_per_s": round(rate, 1),
        "projected_encode_s": round(n / rate, 1), "build_s": round(build_s, 2), "index_mem_mb": round(mem_mb, 1),
        "p50_ms": round(pct(full, 50), 2), "p95_ms": round(p95, 2), "p99_ms": round(pct(full, 99), 2),
        "cpu_p50_ms": round(pct(full_cpu, 50), 2), "cpu_p95_ms": round(pct(full_cpu, 95), 2),
        "encode_p95_ms": round(pct(encode_only, 95), 2), "bm25_p95_ms": round(pct(bm25_only, 95), 2),
        "ann_p95_ms": round(pct(ann_only, 95), 2), "exact_p95_ms": round(pct(exact_only, 95), 2),
        "x_encode": round(p95 / max(pct(encode_only, 95), 1e-9), 2),
        "x_bm25": round(p95 / max(pct(bm25_only, 95), 1e-9), 2),
        "x_exact": round(p95 / max(pct(exact_only, 95), 1e-9), 2),
        "ef_search": engine.vectors.ef_search if engine.vectors.kind is IndexKind.HNSW else None,
        "ann_recall10": round(recall, 4), "ann_recall10_k100": round(recall_engine, 4), "ef_sweep": sweep,
        "update_visible_ms": round(max(update) * 1000, 1),
    }


async def store_update_latency(encoder: Encoder) -> float:
    """End to end through a real SQLite store: commit a product change, wait until search returns it."""
    from knowledge.search.service import ProductSearch
    from store.catalog import ProductInput, VariantInput, upsert_product
    from store.db import create_engine, session_factory
    from store.migrate import upgrade
    from store.money import Money
    from store.uow import UnitOfWorkFactory

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        await asyncio.to_thread(upgrade, url)
        eng = create_engine(url)
        uows = UnitOfWorkFactory(session_factory(eng))
        for doc in make_docs(200):
            async with uows() as uow:
                await upsert_product(uow, ProductInput(doc.external_id, doc.title, [
                    VariantInput(v.sku, Money(v.price_minor, "USD"), v.stock) for v in doc.variants],
                    category_path=doc.category_path, brand=doc.brand))
        search = ProductSearch(uows, encoder, Path(tmp), persist=False, log_zero_results=False)
        await search.start()
        samples = []
        for i in range(5):
            title = f"Aurora Borealis Telescope {i}"
            t0 = time.perf_counter()
            async with uows() as uow:
                await upsert_product(uow, ProductInput(
                    "S0000100", title, [VariantInput("S0000100-X", Money(999, "USD"), 3)]))
            await search.wait_idle()
            hit = (await search.search(SearchQuery(title, limit=1))).hits[0]
            samples.append(time.perf_counter() - t0)
            assert hit.external_id == "S0000100"
        await search.stop()
        await eng.dispose()
    return max(samples) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Product search benchmark")
    parser.add_argument("--products", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pool", type=int, default=DEFAULT_POOL, help="distinct texts encoded for real")
    parser.add_argument("--model", default="use-multilingual")
    parser.add_argument("--ef", default="64,128,256,512", help="efSearch values to sweep on HNSW sizes")
    parser.add_argument("--hnsw-m", type=int, default=None, help="HNSW M (default: the index's own)")
    parser.add_argument("--realistic", type=int, default=None,
                        help="index N realistic product texts end to end (default 100000 if that size is run; 0: skip)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.products.split(",")]
    efs = [int(x) for x in args.ef.split(",") if x.strip()]
    if args.hnsw_m:
        from knowledge.search import faiss_kinds

        faiss_kinds.HNSW_M = args.hnsw_m  # read by faiss_kinds.new_faiss at each build
    realistic = args.realistic if args.realistic is not None else (100_000 if 100_000 in sizes else 0)
    encoder = load_encoder(args.model)
    warm_up(encoder)
    queries = make_queries(args.queries)
    print(f"model {args.model}; {args.queries} queries; vectors beyond the first {args.pool} products are "
          f"pool vectors + N(0, {NOISE}) noise (encoding is measured on the real part and projected)")
    rows = []
    for n in sizes:
        row = bench_size(encoder, n, queries, args.pool, efs)
        rows.append(row)
        print(f"{n:>9,} {row['index']:5s} build {row['build_s']:7.2f}s  +{row['index_mem_mb']:7.1f} MB  "
              f"search p50/p95/p99 {row['p50_ms']:.2f}/{row['p95_ms']:.2f}/{row['p99_ms']:.2f} ms "
              f"(CPU p50/p95 {row['cpu_p50_ms']:.2f}/{row['cpu_p95_ms']:.2f})  "
              f"floors p95: encode {row['encode_p95_ms']:.2f} bm25 {row['bm25_p95_ms']:.2f} "
              f"exact {row['exact_p95_ms']:.2f} ann {row['ann_p95_ms']:.2f} ms  "
              f"ratios x{row['x_encode']}/x{row['x_bm25']}/x{row['x_exact']}  recall@10 {row['ann_recall10']}  "
              f"update {row['update_visible_ms']} ms  encode {row['encode_docs_per_s']}/s "
              f"(projected {row['projected_encode_s']} s)  load {os.getloadavg()[0]:.1f}", flush=True)
        for point in row["ef_sweep"]:
            print(f"          efSearch {point['ef']:4d}: recall@10 {point['recall10']:.4f} (top 10 of k=100: "
                  f"{point['recall10_k100']:.4f})  ANN p95 {point['ann_p95_ms']:.2f} ms  "
                  f"search p95 {point['search_p95_ms']:.2f} ms", flush=True)
    indexing = None
    if realistic:
        from bench.search_indexing import measure_indexing

        indexing = measure_indexing(args.model, realistic)
        print(f"index {realistic:,} realistic products for real ({indexing['tokens_per_doc']} tokens/text, "
              f"{indexing['workers']} workers): {indexing['index_s']:.1f} s = {indexing['docs_per_s']:.0f} docs/s "
              f"(encoding done at {indexing['encode_phase_s']:.1f} s, FAISS+BM25 {indexing['index_phase_s']:.1f} s, "
              f"save {indexing['save_s']:.1f} s); floor one process one thread "
              f"{indexing['floor_1proc_docs_per_s']:.0f} docs/s; CPU {indexing['cpu_s']:.0f} s "
              f"({indexing['cpu_per_core_s']:.0f} s per core); load "
              f"{indexing['load_before']:.1f} -> {indexing['load_after']:.1f}; re-index unchanged "
              f"{indexing['reindex_unchanged_s']:.1f} s encoding {indexing['reindex_encoded']}; restart "
              f"{indexing['restart_s']:.1f} s encoding {indexing['restart_encoded']}", flush=True)
    e2e = asyncio.run(store_update_latency(encoder))
    print(f"store commit -> searchable (SQLite, debounce 50 ms): max of 5 = {e2e:.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from knowledge.search import faiss_kinds as fk

    print(json.dumps({"model": args.model, "queries": args.queries, "pool": args.pool, "noise": NOISE,
                      "hnsw": {"M": fk.HNSW_M, "efConstruction": fk.EF_CONSTRUCTION},
                      "sizes": rows, "indexing_realistic": indexing, "store_update_visible_ms": round(e2e, 1),
                      "peak_rss_mb": round(peak, 1), "load_avg": [round(x, 2) for x in os.getloadavg()]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
