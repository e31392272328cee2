"""Offline relevance metrics for ``shopbot search eval``: nDCG@10, MRR, recall@50, and two chat figures.

Qrels are TSV lines ``query<TAB>sku<TAB>grade`` (grade 0-3). Search ranks *products*, judges grade
*SKUs*: a SKU's grade is given to its product, and when several SKUs of one product are judged the
product takes the highest grade (a shopper who asked for the red mug is served by the mug product; the
dialogue then picks the variant). Grade > 0 counts as relevant for MRR and recall; nDCG uses the grades
as gains (2^grade - 1) with the ideal ordering over all judged products of the query.

Why two more figures: a shopper in a chat sees four cards, so what matters there is
* ``precision@4``: the share of the first 4 results graded 2 or 3 (a good match or better), out of 4;
* the *near-miss rate*: over queries that have a grade-3 product, how often a product judged 0 (a
  tempting wrong one: the iPhone 15 *Pro* case for "iphone 15 case") is ranked above the best-ranked
  grade-3 product (or shown while no grade-3 product is).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Qrels", "read_qrels", "ndcg_at", "reciprocal_rank", "recall_at", "precision_at", "near_miss",
           "QueryScores", "EvalSummary", "QrelsError", "read_languages"]

# query -> SKU -> grade
Qrels = dict[str, dict[str, int]]


class QrelsError(ValueError):
    """A qrels line is malformed; the message names the line."""


def read_qrels(path: Path) -> Qrels:
    qrels: Qrels = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise QrelsError(f"{path}:{number}: expected query<TAB>sku<TAB>grade, got {len(parts)} fields")
        query, sku, grade_text = (p.strip() for p in parts)
        if number == 1 and (query, sku, grade_text) == ("query", "sku", "grade"):
            continue  # an optional header row
        try:
            grade = int(grade_text)
        except ValueError:
            raise QrelsError(f"{path}:{number}: grade {grade_text!r} is not an integer 0-3") from None
        if not 0 <= grade <= 3 or not query or not sku:
            raise QrelsError(f"{path}:{number}: need a query, a sku and a grade from 0 to 3")
        qrels.setdefault(query, {})[sku] = grade
    return qrels


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    def dcg(gains: Sequence[int]) -> float:
        return float(sum((2.0 ** g - 1.0) / math.log2(i + 2) for i, g in enumerate(gains[:k])))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(p, 0) for p in ranked]) / ideal if ideal > 0 else 0.0


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, int]) -> float:
    for i, p in enumerate(ranked, start=1):
        if grades.get(p, 0) > 0:
            return 1.0 / i
    return 0.0


def recall_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = 50) -> float:
    relevant = {p for p, g in grades.items() if g > 0}
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


def precision_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = 4, min_grade: int = 2) -> float:
    """Share of the first ``k`` positions holding a product graded ``min_grade`` or more (empty ones count
    as misses: four cards are four chances)."""
    return sum(1 for p in ranked[:k] if grades.get(p, 0) >= min_grade) / k


def near_miss(ranked: Sequence[str], grades: Mapping[str, int]) -> float | None:
    """1.0 if a product judged 0 comes before the best-ranked grade-3 product (or is shown while none
    is), 0.0 if not; None for a query with no grade-3 product (nothing to miss)."""
    if not any(g == 3 for g in grades.values()):
        return None
    for p in ranked:
        grade = grades.get(p)
        if grade == 3:
            return 0.0
        if grade == 0:
            return 1.0
    return 0.0


def read_languages(path: Path) -> dict[str, str]:
    """query -> language from a ``query<TAB>language<TAB>kind`` file (header optional); {} if absent."""
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and (parts[0], parts[1]) != ("query", "language"):
            out[parts[0]] = parts[1].strip()
    return out


@dataclass(frozen=True)
class QueryScores:
    query: str
    ndcg10: float
    mrr: float
    recall50: float
    precision4: float = 0.0
    near_miss: float | None = None


@dataclass(frozen=True)
class EvalSummary:
    queries: tuple[QueryScores, ...]

    def mean(self, name: str) -> float:
        values = [float(v) for q in self.queries if (v := getattr(q, name)) is not None]
        return sum(values) / len(values) if values else 0.0

    def subset(self, keep: set[str]) -> EvalSummary:
        return EvalSummary(tuple(q for q in self.queries if q.query in keep))

    def figures(self) -> dict[str, float | int]:
        return {"queries": len(self.queries), "ndcg@10": round(self.mean("ndcg10"), 4),
                "mrr": round(self.mean("mrr"), 4), "recall@50": round(self.mean("recall50"), 4),
                "precision@4": round(self.mean("precision4"), 4), "near_miss": round(self.mean("near_miss"), 4)}

    @classmethod
    def score(cls, runs: Mapping[str, Sequence[str]], product_grades: Mapping[str, Mapping[str, int]]) -> EvalSummary:
        """``runs``: query -> ranked product keys; ``product_grades``: query -> product key -> grade."""
        return cls(tuple(
            QueryScores(q, ndcg_at(runs.get(q, ()), g), reciprocal_rank(runs.get(q, ()), g),
                        recall_at(runs.get(q, ()), g), precision_at(runs.get(q, ()), g),
                        near_miss(runs.get(q, ()), g))
            for q, g in product_grades.items()))
