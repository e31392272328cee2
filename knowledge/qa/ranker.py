"""Score every candidate question for a query and turn the winner's evidence into a calibrated confidence.

Why two steps: the *ranker* answers "which entry is best?" and only needs to order candidates of one query;
the *confidence* answers "is the best one right at all?", which depends on how similar it is, how far ahead,
and whether it covers what was asked (the share of the question's words it matches, ``coverage.py``).
Both are linear, so scoring a few hundred questions is one small matrix product; the weights come from
``python -m knowledge.qa.tune`` (see ``knowledge/qa/config.py``).

The feature builders are shared with the fitting code, so training and serving compute the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from knowledge.qa.config import QAConfig
from knowledge.qa.index import IndexFeatures

__all__ = ["candidate_matrix", "allowed_mask", "confidence_vector", "confidence", "Ranking", "rank_all",
           "SIMILARITY_COLUMNS", "promoted"]

_F64 = npt.NDArray[np.float64]
_B = npt.NDArray[np.bool_]


def _own(features: IndexFeatures, product_ids: Sequence[int]) -> _B:
    if not product_ids:
        return np.zeros(len(features.records), dtype=bool)
    own: _B = np.isin(features.product_ids, np.asarray(product_ids, dtype=np.int64))
    return own


def allowed_mask(features: IndexFeatures, product_ids: Sequence[int], shop_wide_only: bool = False) -> _B:
    """Answered questions; with a product in view (or named), only shop-wide ones and that product's own;
    ``shop_wide_only`` leaves the shop-wide ones."""
    ok = features.answered.copy()
    if shop_wide_only:
        ok &= features.product_ids == -1
    elif product_ids:
        ok &= (features.product_ids == -1) | _own(features, product_ids)
    return ok


def candidate_matrix(features: IndexFeatures, product_ids: Sequence[int], language: str) -> _F64:
    """One row per indexed question, the columns of ``RANK_FEATURES``."""
    scoped_entry = features.product_ids >= 0
    same_language = features.languages == language
    return np.stack([
        features.dense_question,
        np.maximum(features.dense_answer, 0.0),
        features.bm25_question,
        features.bm25_answer,
        same_language & ~scoped_entry,
        same_language & scoped_entry,
        _own(features, product_ids),
        scoped_entry & (not product_ids),
        features.cov_entry(),
    ], axis=1).astype(np.float64)


SIMILARITY_COLUMNS = 4  # the first RANK_FEATURES are similarities; the rest are priors (language, scope)


def confidence_vector(features: IndexFeatures, similarity: _F64, order: Sequence[int],
                      product_ids: Sequence[int], language: str) -> _F64:
    """The columns of ``CONFIDENCE_FEATURES`` for the best candidate (``order`` is best first).

    Only the similarity part of the ranker's score enters: the priors decide *which* entry wins, but they
    are no evidence that it answers anything (with them, a two-entry knowledge base, one English and one
    Chinese entry, answered "who won the world cup?": the language prior alone gave a wide lead). "The top
    entry is the product's own" is a feature, not "the product has Q&A": the first says where the answer
    comes from, the second only that the product was asked about before, whatever the question now.
    """
    scoped = float(bool(product_ids))
    if not order:
        return np.array([0.0, 0.0, scoped, 0.0, 0.0, 0.0, 0.0])
    top = order[0]
    # The runner-up in the top's own language: the FAQ has each shop-wide entry in both languages, and the
    # other-language twin of the right entry is no competitor.
    same = [j for j in order[1:] if features.languages[j] == features.languages[top]]
    runner = same[0] if same else (order[1] if len(order) > 1 else None)
    margin = similarity[top] - similarity[runner] if runner is not None else similarity[top]
    own = float(bool(product_ids) and int(features.product_ids[top]) in product_ids)
    coverage = float(features.cov_entry()[top])
    return np.array([similarity[top], margin, scoped, own, coverage, float(features.languages[top] != language),
                     own * coverage])


def confidence(config: QAConfig, vector: _F64) -> float:
    z = config.confidence_bias + float(np.dot(np.asarray(config.confidence_weights), vector))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class Ranking:
    """Allowed candidates best first (``order`` indexes ``features.records``), their ranker scores, and the
    confidence that the first one is right (0.0 when there is no candidate)."""

    features: IndexFeatures
    order: Sequence[int]
    scores: Sequence[float]
    confidence: float
    confidence_features: _F64
    product_ids: tuple[int, ...] = ()

    @property
    def top(self) -> int | None:
        return self.order[0] if self.order else None

    def top_is_own(self) -> bool:
        top = self.top
        return top is not None and int(self.features.product_ids[top]) in self.product_ids


def rank_all(config: QAConfig, features: IndexFeatures, product_ids: Sequence[int], language: str,
             top_k: int = 10, shop_wide_only: bool = False) -> Ranking:
    weights = np.asarray(config.rank_weights)
    matrix = candidate_matrix(features, product_ids, language)
    similarity = matrix[:, :SIMILARITY_COLUMNS] @ weights[:SIMILARITY_COLUMNS]
    # A shop question ("how long does shipping take?") is answered by the shop's policy; a shopper's story
    # on a neighbouring question ("my order to Toronto took 9 days") only wins when clearly closer.
    scores = matrix @ weights + config.trusted_boost * features.trusted \
        - config.anecdote_penalty * features.shop_anecdotes()
    idx = np.flatnonzero(allowed_mask(features, product_ids, shop_wide_only))
    k = min(top_k, len(idx))
    part = idx[np.argpartition(-scores[idx], k - 1)[:k]] if 0 < k < len(idx) else idx
    order = [int(i) for i in part[np.argsort(-scores[part], kind="stable")]]
    vector = confidence_vector(features, similarity, order, product_ids, language)
    conf = confidence(config, vector) if order else 0.0
    return Ranking(features, order, [float(scores[i]) for i in order], conf, vector, tuple(product_ids))


def promoted(config: QAConfig, ranking: Ranking, position: int, language: str) -> Ranking:
    """The ranking without the candidates before ``position`` (winners that must not answer: ``verdict.py``),
    its confidence recomputed: they are out of the race, so they are no runner-up either."""
    order, scores = list(ranking.order[position:]), list(ranking.scores[position:])
    weights = np.asarray(config.rank_weights)
    matrix = candidate_matrix(ranking.features, ranking.product_ids, language)
    similarity = matrix[:, :SIMILARITY_COLUMNS] @ weights[:SIMILARITY_COLUMNS]
    vector = confidence_vector(ranking.features, similarity, order, ranking.product_ids, language)
    return Ranking(ranking.features, order, scores, confidence(config, vector), vector, ranking.product_ids)
