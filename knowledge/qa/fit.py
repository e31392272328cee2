"""Fit the Q&A ranker, the confidence model and the answer threshold, and measure them by cross-validation.

Pure computation on prepared samples (one per labelled question: its features against every indexed question,
its product scope and best description sentence); ``knowledge/qa/tune.py`` prepares them from the demo store.
Evaluation goes through the serving path itself (``rank_all`` and ``decide``), so what is measured is what
``ask`` does.

* Ranker: pairwise logistic regression without intercept on (right entry - wrong entry) feature differences,
  against the 20 wrong candidates with the highest question cosine (the ones that actually compete).
* Confidence: logistic regression on the top candidate's ``CONFIDENCE_FEATURES``, label "the top entry is
  right" (false for every question the FAQ cannot answer).
* Threshold: the middle of the range of thresholds within half a point of the best hit@1 on the training
  folds, so it does not balance on single questions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from knowledge.qa.answer import Answer
from knowledge.qa.config import QAConfig
from knowledge.qa.description import SentenceHit
from knowledge.qa.evaluation import LabelledQuestion, is_hit
from knowledge.qa.index import IndexFeatures
from knowledge.qa.ranker import allowed_mask, candidate_matrix, rank_all
from knowledge.qa.retrieval import ScoredQuestion, decide, scored_questions
from store.knowledge_base_records import ProductScope

__all__ = ["Sample", "fit_ranker", "fit_confidence", "pick_threshold", "fit_all", "answer", "Scores", "score",
           "cross_validate", "stratified_folds", "group_folds"]

HARD_NEGATIVES = 20
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)


@dataclass(frozen=True)
class Sample:
    item: LabelledQuestion
    language: str
    features: IndexFeatures
    scope: ProductScope | None
    product_has_qa: bool
    sentence: SentenceHit | None
    set_name: str = ""

    @property
    def product_id(self) -> int | None:
        return self.scope.product_id if self.scope else None

    def correct(self) -> npt.NDArray[np.bool_]:
        """Which indexed questions the labels accept as the answer (none for an unanswerable question)."""
        accepted = {self.item.expected_question, *self.item.also_ok} if self.item.expected_question else set()
        return np.array([r.text in accepted for r in self.features.records], dtype=bool)


def fit_ranker(samples: Sequence[Sample], c: float = 1.0) -> tuple[float, ...]:
    """The expected entry must beat every wrong candidate. Entries the labels also accept (mostly the same
    entry in the other language) are neither: the expected one is the most specific, in the asker's language
    where it exists, and pairing the other-language twin against wrong same-language entries would teach the
    ranker to dislike the asker's language."""
    diffs: list[npt.NDArray[np.float64]] = []
    for s in samples:
        correct = s.correct()
        ok = allowed_mask(s.features, s.product_id)
        expected = np.array([r.text == s.item.expected_question for r in s.features.records], dtype=bool)
        pos, neg = np.flatnonzero(expected & ok), np.flatnonzero(~correct & ok)
        if len(pos) == 0 or len(neg) == 0:
            continue
        matrix = candidate_matrix(s.features, s.product_id, s.language)
        neg = neg[np.argsort(-s.features.dense_question[neg], kind="stable")[:HARD_NEGATIVES]]
        for p in pos:
            diffs.extend(matrix[p] - matrix[n] for n in neg)
    x = np.array(diffs)
    y = np.ones(len(x), dtype=int)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.vstack([x, -x]), np.concatenate([y, 0 * y]))
    return tuple(round(float(w), 4) for w in model.coef_[0])


def _top(config: QAConfig, s: Sample) -> tuple[int | None, npt.NDArray[np.float64]]:
    ranking = rank_all(config, s.features, s.product_id, s.language, s.product_has_qa, top_k=2)
    return (ranking.order[0] if ranking.order else None), ranking.confidence_features


def fit_confidence(samples: Sequence[Sample], config: QAConfig, c: float = 1.0) -> QAConfig:
    rows, labels = [], []
    for s in samples:
        top, vector = _top(config, s)
        rows.append(vector)
        labels.append(top is not None and bool(s.correct()[top]))
    model = LogisticRegression(C=c, max_iter=5000).fit(np.array(rows), np.array(labels))
    return replace(config, confidence_weights=tuple(round(float(w), 4) for w in model.coef_[0]),
                   confidence_bias=round(float(model.intercept_[0]), 4))


def _ranked(config: QAConfig, s: Sample) -> tuple[list[ScoredQuestion], float]:
    ranking = rank_all(config, s.features, s.product_id, s.language, s.product_has_qa, top_k=2)
    return scored_questions(ranking), ranking.confidence


def answer(config: QAConfig, s: Sample) -> Answer:
    """What ``QAService.ask`` answers for this sample under ``config`` (the same ranking and decision)."""
    ranked, confidence = _ranked(config, s)
    return decide(config, ranked, confidence, s.sentence, s.scope)


def pick_threshold(samples: Sequence[Sample], config: QAConfig) -> float:
    prepared = [(s, *_ranked(config, s)) for s in samples]  # the ranking does not depend on the threshold
    hits = np.array([[is_hit(s.item, decide(replace(config, threshold=float(t)), ranked, conf, s.sentence, s.scope))
                      for s, ranked, conf in prepared] for t in THRESHOLDS]).mean(axis=1)
    good = np.flatnonzero(hits >= hits.max() - 0.005)
    return float(THRESHOLDS[good[len(good) // 2]])


def fit_all(samples: Sequence[Sample], base: QAConfig, c: float = 1.0) -> QAConfig:
    config = replace(base, rank_weights=fit_ranker(samples, c))
    config = fit_confidence(samples, config, c)
    return replace(config, threshold=pick_threshold(samples, config))


@dataclass(frozen=True)
class Scores:
    questions: int
    hit_at_1: float
    answerable: float | None
    abstain: float | None
    chinese: float | None
    cross_language: float | None
    null_from_description: int  # unanswerable (by the labels) questions answered from the product description

    def row(self) -> str:
        def f(v: float | None) -> str:
            return "-" if v is None else f"{v:.3f}"
        return (f"{self.questions:4d}  hit@1 {f(self.hit_at_1)}  answerable {f(self.answerable)}  "
                f"abstain {f(self.abstain)}  Chinese {f(self.chinese)}  cross-language {f(self.cross_language)}  "
                f"unanswerable answered from the description {self.null_from_description}")


def score(samples: Sequence[Sample], hits: Sequence[float], from_description: Sequence[bool]) -> Scores:
    h = np.asarray(hits, dtype=float)

    def mean(mask: npt.NDArray[np.bool_]) -> float | None:
        return round(float(h[mask].mean()), 4) if mask.any() else None

    answerable = np.array([bool(s.item.expected_question or s.item.expected_source) for s in samples])
    chinese = np.array([s.language == "zh" for s in samples])
    cross = np.array([s.item.cross_language for s in samples])
    return Scores(len(samples), round(float(h.mean()), 4), mean(answerable), mean(~answerable), mean(chinese),
                  mean(cross), int(sum(d and not a for d, a in zip(from_description, answerable, strict=True))))


def stratified_folds(samples: Sequence[Sample], k: int, seed: int) -> npt.NDArray[np.int64]:
    """Folds balanced over (set, answerable, product in view)."""
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(samples), dtype=np.int64)
    strata: dict[tuple[str, bool, bool], list[int]] = {}
    for i, s in enumerate(samples):
        strata.setdefault((s.set_name, s.item.expected_question is None, s.scope is None), []).append(i)
    for members in strata.values():
        order = rng.permutation(len(members))
        for j, m in enumerate(order):
            folds[members[m]] = j % k
    return folds


def group_folds(samples: Sequence[Sample], k: int) -> npt.NDArray[np.int64]:
    """Folds where all questions about one FAQ entry (or one product, for unanswerable ones) stay together:
    the test fold asks about entries the models never saw a question for."""
    groups = [s.item.expected_question or (s.item.product or "").split("-")[0] or s.item.question for s in samples]
    folds = np.zeros(len(samples), dtype=np.int64)
    for f, (_, test) in enumerate(GroupKFold(n_splits=k).split(np.zeros(len(samples)), groups=groups)):
        folds[test] = f
    return folds


def cross_validate(samples: Sequence[Sample], base: QAConfig, folds: npt.NDArray[np.int64], c: float = 1.0,
                   progress: Callable[[int], None] | None = None) -> tuple[list[float], list[bool]]:
    """Out-of-fold hit per sample (every figure is measured on questions the fit did not see)."""
    hits = [0.0] * len(samples)
    from_description = [False] * len(samples)
    for f in sorted(set(folds.tolist())):
        train = [s for s, g in zip(samples, folds, strict=True) if g != f]
        config = fit_all(train, base, c)
        for i in (int(j) for j in np.flatnonzero(folds == f)):
            got = answer(config, samples[i])
            hits[i] = float(is_hit(samples[i].item, got))
            from_description[i] = got.source is not None and got.source.value == "product_description"
        if progress:
            progress(f)
    return hits, from_description
