"""Score every candidate question for a query and turn the winner's lead into a calibrated confidence.

Why two steps: the *ranker* answers "which entry is best?" and only needs to order candidates of one query;
the *confidence* answers "is the best one right at all?", which depends on how far ahead it is and on the
situation (a product in view that has no Q&A of its own is where look-alike entries of other products and
shop-wide entries tempt most). Both are linear, so scoring a few hundred questions is one small matrix
product; the weights come from ``python -m knowledge.qa.tune`` (see ``knowledge/qa/config.py``).

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

__all__ = ["candidate_matrix", "allowed_mask", "confidence_vector", "confidence", "Ranking", "rank_all"]

_F64 = npt.NDArray[np.float64]


def allowed_mask(features: IndexFeatures, product_id: int | None) -> npt.NDArray[np.bool_]:
    """Answered questions; with a product in view, only shop-wide ones and that product's own."""
    ok = features.answered.copy()
    if product_id is not None:
        ok &= (features.product_ids == -1) | (features.product_ids == product_id)
    return ok


def candidate_matrix(features: IndexFeatures, product_id: int | None, language: str) -> _F64:
    """One row per indexed question, the columns of ``RANK_FEATURES``."""
    scoped_entry = features.product_ids >= 0
    same_language = features.languages == language
    own = features.product_ids == product_id if product_id is not None else np.zeros(len(scoped_entry), bool)
    return np.stack([
        features.dense_question,
        np.maximum(features.dense_answer, 0.0),
        features.bm25_question,
        features.bm25_answer,
        same_language & ~scoped_entry,
        same_language & scoped_entry,
        own,
        scoped_entry & (product_id is None),
    ], axis=1).astype(np.float64)


SIMILARITY_COLUMNS = 4  # the first RANK_FEATURES are similarities; the rest are priors (language, scope)


def confidence_vector(similarity: _F64, order: Sequence[int], product_id: int | None,
                      product_has_qa: bool) -> _F64:
    """The columns of ``CONFIDENCE_FEATURES`` for the best candidate (``order`` is best first).

    Only the similarity part of the ranker's score enters: the priors decide *which* entry wins, but they
    are no evidence that it answers anything. With them, a two-entry knowledge base (one English, one
    Chinese entry) answered "who won the world cup?" from the English entry: the language prior alone gave
    it a wide lead. Cross-validated, the similarity-only features also scored better (docs/qa.md).
    """
    scoped, has_qa = float(product_id is not None), float(product_id is not None and product_has_qa)
    if not order:
        return np.array([0.0, 0.0, scoped, has_qa])
    top = similarity[order[0]]
    margin = top - similarity[order[1]] if len(order) > 1 else top
    return np.array([top, margin, scoped, has_qa])


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
    # Each candidate on the description sentences' scale (w * best cosine + (1 - w) * best BM25), so a
    # product's own entry and a sentence of its description can be compared with each other.
    matches: Sequence[float] = ()


def rank_all(config: QAConfig, features: IndexFeatures, product_id: int | None, language: str,
             product_has_qa: bool, top_k: int = 10) -> Ranking:
    weights = np.asarray(config.rank_weights)
    matrix = candidate_matrix(features, product_id, language)
    similarity = matrix[:, :SIMILARITY_COLUMNS] @ weights[:SIMILARITY_COLUMNS]
    scores = matrix @ weights + config.trusted_boost * features.trusted
    idx = np.flatnonzero(allowed_mask(features, product_id))
    k = min(top_k, len(idx))
    part = idx[np.argpartition(-scores[idx], k - 1)[:k]] if 0 < k < len(idx) else idx
    order = [int(i) for i in part[np.argsort(-scores[part], kind="stable")]]
    vector = confidence_vector(similarity, order, product_id, product_has_qa)
    conf = confidence(config, vector) if order else 0.0
    w = config.description_dense_weight
    matches = [w * max(float(features.dense_question[i]), float(features.dense_answer[i]))
               + (1.0 - w) * max(float(features.bm25_question[i]), float(features.bm25_answer[i])) for i in order]
    return Ranking(features, order, [float(scores[i]) for i in order], conf, vector, matches)
