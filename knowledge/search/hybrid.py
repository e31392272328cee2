"""Fusing the semantic and the keyword ranking: weighted Reciprocal Rank Fusion (RRF, k = 60).

Why RRF and not a weighted sum of normalised scores: cosine similarities (0.2-0.8, model-dependent) and
BM25 scores (0-30+, query-length dependent) live on scales that shift with every query; min-max
normalisation per query turns "one weak keyword match" into 1.0 and needs per-catalog tuning. RRF only
uses ranks, needs no calibration, is robust when one list is empty (a Chinese query against an English
title, a SKU against the vector index) and is the usual baseline that is hard to beat (Cormack et al.
2009). Per-list weights let a query that *looks like a code* trust BM25 more.

A document found by both lists gets both contributions, which is what lifts "red ceramic mug" above a
product that only matches one of the signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["RRF_K", "FusedHit", "rrf_fuse"]

RRF_K = 60


@dataclass(frozen=True)
class FusedHit:
    product_id: int
    score: float
    vector_rank: int | None
    keyword_rank: int | None
    cosine: float | None
    bm25: float | None


def rrf_fuse(vector: Sequence[tuple[int, float]], keyword: Sequence[tuple[int, float]], *,
             vector_weight: float = 1.0, keyword_weight: float = 1.0, k: int = RRF_K) -> list[FusedHit]:
    """Both inputs are (product id, score) best first; output sorted by fused score, ties by id."""
    acc: dict[int, list[float | int | None]] = {}
    for rank, (pid, score) in enumerate(vector, start=1):
        acc[pid] = [vector_weight / (k + rank), rank, None, score, None]
    for rank, (pid, score) in enumerate(keyword, start=1):
        entry = acc.setdefault(pid, [0.0, None, None, None, None])
        entry[0] = float(entry[0] or 0.0) + keyword_weight / (k + rank)
        entry[2], entry[4] = rank, score
    hits = [
        FusedHit(pid, float(e[0] or 0.0),
                 None if e[1] is None else int(e[1]), None if e[2] is None else int(e[2]),
                 None if e[3] is None else float(e[3]), None if e[4] is None else float(e[4]))
        for pid, e in acc.items()
    ]
    hits.sort(key=lambda h: (-h.score, h.product_id))
    return hits
