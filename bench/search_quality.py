"""Encoder comparison for search: ``python -m bench.search_quality [--models use-multilingual,minilm]``.

(a) English-Chinese paraphrase pairs: mean cosine of true pairs, of mismatched pairs, and EN->ZH
    retrieval accuracy@1 among all Chinese sentences.
(b) Search relevance on the demo catalog (store/demo builder): bilingual sanity queries judged by
    category (a hit is relevant when its category path contains the expected level); P@5 and hit@1 for
    vector-only and hybrid (vector + jieba BM25, RRF) retrieval.
Timing per model: load time and encoding throughput on the catalog texts. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from knowledge.encoders.registry import load_encoder, warm_up
from knowledge.search.documents import ProductDoc, VariantDoc, semantic_text
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.models import SearchQuery

PAIRS: tuple[tuple[str, str], ...] = (
    ("red ceramic coffee mug", "红色陶瓷咖啡杯"),
    ("wireless noise cancelling headphones", "无线降噪耳机"),
    ("men's running shoes", "男士跑步鞋"),
    ("waterproof hiking boots", "防水登山靴"),
    ("a warm winter coat for women", "女士保暖冬季外套"),
    ("cotton bed sheets, queen size", "纯棉床单 大号双人床"),
    ("fast phone charger", "手机快充充电器"),
    ("dry food for small dogs", "小型犬干粮"),
    ("a board game for the whole family", "适合全家玩的桌游"),
    ("baby stroller that folds easily", "可轻松折叠的婴儿推车"),
    ("do you have this in blue?", "这个有蓝色的吗？"),
    ("how long does delivery take?", "配送需要多长时间？"),
    ("I want to return my order", "我想退货"),
    ("is this laptop good for gaming?", "这台笔记本电脑适合玩游戏吗？"),
    ("organic green tea leaves", "有机绿茶茶叶"),
    ("electric toothbrush with travel case", "带旅行盒的电动牙刷"),
    ("yoga mat that does not slip", "防滑瑜伽垫"),
    ("a gift card for a birthday", "生日礼品卡"),
    ("cheap pens for school", "便宜的学生用笔"),
    ("smart watch with heart rate monitor", "带心率监测的智能手表"),
)

# (query, category levels that count as relevant)
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("running shoes for men", ("running shoes",)),
    ("wireless earbuds", ("earbuds", "headphones")),
    ("coffee mug", ("mugs",)),
    ("phone case", ("cases & protection",)),
    ("laptop for work", ("laptops",)),
    ("dog bed", ("beds & furniture",)),
    ("summer dress", ("dresses",)),
    ("tent for camping", ("tents",)),
    ("something to keep my tea hot on a hike", ("water bottles",)),
    ("gift for a coffee lover", ("coffee", "mugs", "dining & coffee")),
    ("跑步鞋", ("running shoes",)),
    ("无线耳机", ("earbuds", "headphones")),
    ("马克杯", ("mugs",)),
    ("手机壳", ("cases & protection",)),
    ("笔记本电脑", ("laptops", "notebooks & journals")),
    ("狗窝", ("beds & furniture",)),
    ("连衣裙", ("dresses",)),
    ("露营帐篷", ("tents",)),
    ("保温水杯", ("water bottles", "mugs")),
    ("婴儿推车", ("strollers",)),
)


def docs_from_rows(rows: Sequence[Mapping[str, Any]]) -> list[ProductDoc]:
    """Group import rows (one per SKU) into ProductDocs the way the importer stores them."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(str(row["product_id"]), []).append(row)
    docs: list[ProductDoc] = []
    for pid, (external, items) in enumerate(grouped.items(), start=1):
        first = items[0]
        attrs = dict(first.get("attributes") or {})
        variant_keys = {k for k in attrs for it in items if (it.get("attributes") or {}).get(k) != attrs.get(k)}
        variants = tuple(
            VariantDoc(sku=str(it["sku"]), price_minor=round(float(it["price"]) * 100), currency=str(it["currency"]),
                       stock=int(it.get("stock") or 0), is_active=True,
                       attributes={k: v for k, v in (it.get("attributes") or {}).items() if k in variant_keys})
            for it in items)
        rating = attrs.pop("rating", None)
        docs.append(ProductDoc(
            product_id=pid, external_id=external, title=str(first["title"]), title_zh=attrs.pop("title_zh", None),
            description=str(first.get("description") or ""), brand=first.get("brand"),
            category_path=first.get("category"),
            attributes={k: v for k, v in attrs.items() if k not in variant_keys},
            rating_tenths=None if rating is None else round(float(rating) * 10),
            sales_count=int(attrs.pop("sales_count", 0) or 0), variants=variants))
    return docs


def paraphrase_scores(encoder: Any) -> dict[str, float]:
    en = encoder.encode([p[0] for p in PAIRS])
    zh = encoder.encode([p[1] for p in PAIRS])
    sims = en @ zh.T
    n = len(PAIRS)
    true = float(np.mean(np.diag(sims)))
    other = float((sims.sum() - np.trace(sims)) / (n * n - n))
    acc = float(np.mean(np.argmax(sims, axis=1) == np.arange(n)))
    return {"pair_cosine": true, "nonpair_cosine": other, "margin": true - other, "en_to_zh_acc1": acc}


def relevance(engine: SearchEngine, vector_only: bool) -> dict[str, float]:
    p5: list[float] = []
    hit1: list[float] = []
    for text, levels in QUERIES:
        vec = engine.encode_query(text)
        if vector_only:
            cats = [engine.docs[p].category_path or "" for p, _ in engine.vectors.search(vec, 5)]
        else:
            cats = [h.category_path or "" for h in engine.search_vector(SearchQuery(text, limit=5), vec).hits]
        rel = [any(level in c.lower() for level in levels) for c in cats]
        p5.append(sum(rel) / 5)
        hit1.append(1.0 if rel and rel[0] else 0.0)
    half = len(QUERIES) // 2
    return {"p5": float(np.mean(p5)), "hit1": float(np.mean(hit1)),
            "p5_en": float(np.mean(p5[:half])), "p5_zh": float(np.mean(p5[half:]))}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="use-multilingual,minilm")
    args = parser.parse_args(argv)
    from store.demo.catalog_builder import build_catalog

    docs = docs_from_rows(build_catalog())
    report: dict[str, Any] = {"products": len(docs), "pairs": len(PAIRS), "queries": len(QUERIES)}
    for name in args.models.split(","):
        encoder = load_encoder(name)
        t0 = time.perf_counter()
        warm_up(encoder)
        load_s = time.perf_counter() - t0
        engine = SearchEngine(encoder, EngineConfig())
        t0 = time.perf_counter()
        engine.build(docs)
        build_s = time.perf_counter() - t0
        texts = [semantic_text(d) for d in docs[:256]]
        t0 = time.perf_counter()
        encoder.encode(texts)
        per_s = len(texts) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for text, _ in QUERIES:
            encoder.encode([text])
        q_ms = (time.perf_counter() - t0) / len(QUERIES) * 1000
        result = {"load_s": round(load_s, 2), "catalog_build_s": round(build_s, 2),
                  "docs_per_s": round(per_s, 1), "query_encode_ms": round(q_ms, 2),
                  **{k: round(v, 3) for k, v in paraphrase_scores(encoder).items()},
                  **{f"vector_{k}": round(v, 3) for k, v in relevance(engine, True).items()},
                  **{f"hybrid_{k}": round(v, 3) for k, v in relevance(engine, False).items()}}
        report[name] = result
        print(f"{name:18s}", "  ".join(f"{k}={v}" for k, v in result.items()))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
