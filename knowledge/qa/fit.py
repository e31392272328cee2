"""Fit the Q&A ranker, the confidence model, the description model and the thresholds, and measure them by
cross-validation (the measuring half is ``knowledge/qa/fit_measure.py``).

Pure computation on prepared samples (one per labelled question: ``QAService.prepare``'s features against
every indexed question, its product scope and description sentences); ``knowledge/qa/tune.py`` prepares
them from the demo store. Evaluation goes through the serving path itself (``rankings`` and ``decide``), so
what is measured is what ``ask`` does.

* Ranker: pairwise logistic regression without intercept on (right entry - wrong entry) feature differences,
  against the 20 wrong candidates with the highest question cosine (the ones that actually compete).
* Confidence: logistic regression on the top candidate's ``CONFIDENCE_FEATURES``, label "the top entry is
  right" (false for every question the FAQ cannot answer). When the top is the product's own entry, the
  best shop-wide entry (the fallback ``decide`` uses) is a training row too.
* Description: logistic regression over every candidate sentence of the questions whose labels say which
  sentence answers (or that none does): our scope tuning set and the development set's description labels
  (``judge.py``).
* Thresholds: the middle of the range of thresholds within half a point of the best hit@1 (the fair rule of
  ``judge.py``) on the training folds, so it does not balance on single questions. The entry threshold on
  every question, the description threshold on the questions with description labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression

from knowledge.qa.answer import Answer
from knowledge.qa.config import CONFIDENCE_FEATURES, RANK_FEATURES, QAConfig
from knowledge.qa.decision import PreparedQuery, decide, rankings
from knowledge.qa.description import SentenceHit, best_sentence
from knowledge.qa.judge import LabelledQuestion, is_hit, span_match
from knowledge.qa.ranker import Ranking, allowed_mask, candidate_matrix

__all__ = ["Sample", "fit_ranker", "fit_confidence", "fit_description", "pick_threshold", "fit_all", "answer",
           "DESCRIPTION_KINDS"]

HARD_NEGATIVES = 20
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)
# Kinds of our scope tuning set whose labels say which description sentence answers, or that none does.
DESCRIPTION_KINDS = frozenset({"other_topic_described", "other_topic_unanswered", "named_product",
                               "scoped_shop_wide"})
_F64 = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Sample:
    item: LabelledQuestion
    query: PreparedQuery
    set_name: str = ""

    @property
    def language(self) -> str:
        return self.query.language

    @property
    def product_ids(self) -> tuple[int, ...]:
        return self.query.product_ids

    @property
    def description_labelled(self) -> bool:
        """The labels say whether (and with which text) the description of the product in scope answers."""
        return self.item.description_answers is not None and self.query.sentences is not None

    def correct(self) -> npt.NDArray[np.bool_]:
        """Which indexed questions the labels accept as the answer (none for an unanswerable question)."""
        accepted = {self.item.expected_question, *self.item.also_ok} - {None}
        return np.array([r.text in accepted for r in self.query.features.records], dtype=bool)

    def sentence_labels(self) -> npt.NDArray[np.bool_]:
        sentences = self.query.sentences.sentences if self.query.sentences else []
        return np.array([self.item.described and span_match(s, self.item.spans) for s in sentences], dtype=bool)


def fit_ranker(samples: Sequence[Sample], c: float = 1.0,
               columns: Sequence[str] = RANK_FEATURES) -> tuple[float, ...]:
    """The expected entry must beat every wrong candidate. Entries the labels also accept (mostly the same
    entry in the other language) are neither: the expected one is the most specific, in the asker's language
    where it exists, and pairing the other-language twin against wrong same-language entries would teach the
    ranker to dislike the asker's language."""
    diffs: list[_F64] = []
    for s in samples:
        features = s.query.features
        correct = s.correct()
        ok = allowed_mask(features, s.product_ids)
        expected = np.array([r.text == s.item.expected_question for r in features.records], dtype=bool)
        pos, neg = np.flatnonzero(expected & ok), np.flatnonzero(~correct & ok)
        if len(pos) == 0 or len(neg) == 0:
            continue
        matrix = candidate_matrix(features, s.product_ids, s.language)
        neg = neg[np.argsort(-features.dense_question[neg], kind="stable")[:HARD_NEGATIVES]]
        for p in pos:
            diffs.extend(matrix[p] - matrix[n] for n in neg)
    use = [RANK_FEATURES.index(name) for name in columns]
    x = np.array(diffs)[:, use]
    y = np.ones(len(x), dtype=int)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.vstack([x, -x]), np.concatenate([y, 0 * y]))
    weights = [0.0] * len(RANK_FEATURES)
    for j, w in zip(use, model.coef_[0], strict=True):
        weights[j] = round(float(w), 4)
    return tuple(weights)


def set_weights(samples: Sequence[Sample]) -> _F64:
    """Each labelled set weighs the same in total: they were written for different purposes (the dev set
    around the FAQ's entries, our scope set around everything else), and neither's mix of questions is the
    shoppers' mix, so none may set the prior alone."""
    sizes: dict[str, int] = {}
    for s in samples:
        sizes[s.set_name] = sizes.get(s.set_name, 0) + 1
    w = np.array([1.0 / sizes[s.set_name] for s in samples])
    out: _F64 = w * len(samples) / w.sum()
    return out


def _confidence_rows(config: QAConfig, s: Sample) -> list[tuple[_F64, bool]]:
    main, fallback = rankings(config, s.query)
    correct = s.correct()
    rows = []
    for ranking in (main, fallback):
        if ranking is not None and ranking.top is not None:
            rows.append((ranking.confidence_features, bool(correct[ranking.top])))
    return rows


def fit_confidence(samples: Sequence[Sample], config: QAConfig, c: float = 1.0,
                   columns: Sequence[str] = CONFIDENCE_FEATURES) -> QAConfig:
    """``columns`` are the features used; the others get weight 0 (for trying smaller models)."""
    use = [CONFIDENCE_FEATURES.index(name) for name in columns]
    rows, weights = [], []
    for s, w in zip(samples, set_weights(samples), strict=True):
        for row in _confidence_rows(config, s):
            rows.append(row)
            weights.append(w)
    x = np.array([v for v, _ in rows])[:, use]
    y = np.array([label for _, label in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=np.array(weights))
    weights = [0.0] * len(CONFIDENCE_FEATURES)
    for j, w in zip(use, model.coef_[0], strict=True):
        weights[j] = round(float(w), 4)
    return replace(config, confidence_weights=tuple(weights), confidence_bias=round(float(model.intercept_[0]), 4))


def fit_description(samples: Sequence[Sample], config: QAConfig, c: float = 1.0) -> QAConfig:
    """Every candidate sentence of the description-labelled questions is a row: does it answer? The title
    parts and attribute lines (``facts.py``) are left out: the labels are spans of the description, so a
    fact that answers would be taught as a wrong one."""
    xs, ys = [], []
    for s in samples:
        if s.description_labelled and s.query.sentences is not None:
            found = s.query.sentences
            prose = ~found.facts if found.facts is not None else np.ones(len(found.sentences), dtype=bool)
            xs.append(found.matrix[prose])
            ys.append(s.sentence_labels()[prose])
    if not xs or not np.concatenate(ys).any():
        return config
    model = LogisticRegression(C=c, max_iter=5000).fit(np.vstack(xs), np.concatenate(ys))
    return replace(config, description_weights=tuple(round(float(w), 4) for w in model.coef_[0]),
                   description_bias=round(float(model.intercept_[0]), 4))


@dataclass(frozen=True)
class _Prepared:
    sample: Sample
    main: Ranking
    fallback: Ranking | None
    sentence: SentenceHit | None


def _prepare(config: QAConfig, s: Sample) -> _Prepared:
    main, fallback = rankings(config, s.query)
    return _Prepared(s, main, fallback, best_sentence(config, s.query.sentences))


def answer(config: QAConfig, s: Sample) -> Answer:
    """What ``QAService.ask`` answers for this sample under ``config`` (the same ranking and decision)."""
    p = _prepare(config, s)
    return decide(config, s.query, p.main, p.fallback, p.sentence)


def pick_threshold(samples: Sequence[Sample], config: QAConfig, field: str = "threshold",
                   balanced: bool = False) -> float:
    """The middle of the thresholds (``threshold`` or ``description_threshold``) within half a point of the
    best hit@1 on ``samples``; the rankings do not depend on either. ``balanced``: the mean of hit@1 over the
    questions the description answers and over the others, so the threshold does not follow the share of
    each in our set (which says nothing about shoppers)."""
    prepared = [_prepare(config, s) for s in samples]
    if not prepared:
        return float(getattr(config, field))
    def at(t: float) -> QAConfig:
        return replace(config, threshold=t) if field == "threshold" else replace(config, description_threshold=t)

    table: _F64 = np.array([[float(is_hit(p.sample.item, decide(at(float(t)), p.sample.query, p.main, p.fallback,
                                                                 p.sentence))) for p in prepared]
                            for t in THRESHOLDS], dtype=np.float64)
    if balanced:
        described = np.array([p.sample.item.described for p in prepared])
        parts = [table[:, mask].mean(axis=1) for mask in (described, ~described) if mask.any()]
        hits = np.mean(parts, axis=0)
    else:
        w = set_weights(samples)
        hits = table @ w / w.sum()
    good = np.flatnonzero(hits >= hits.max() - 0.005)
    return float(THRESHOLDS[good[len(good) // 2]])


def fit_all(samples: Sequence[Sample], base: QAConfig, c: float = 1.0,
            columns: Sequence[str] = CONFIDENCE_FEATURES, rank_columns: Sequence[str] = RANK_FEATURES) -> QAConfig:
    config = replace(base, rank_weights=fit_ranker(samples, c, rank_columns))
    config = fit_description(samples, config, c)
    config = fit_confidence(samples, config, c, columns)
    described = [s for s in samples if s.description_labelled]
    config = replace(config, threshold=pick_threshold(samples, config))
    config = replace(config, description_threshold=pick_threshold(described, config, "description_threshold",
                                                                  balanced=True))
    return replace(config, threshold=pick_threshold(samples, config))
