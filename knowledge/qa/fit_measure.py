"""Measure the fitted Q&A models: figures under the fair rule and out-of-fold answers by cross-validation.

WHY apart from ``fit.py``: fitting is what ships (``knowledge/qa/tune.py`` writes its result); measuring is
how a change is judged, and its folds keep every figure on questions the fit did not see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.model_selection import GroupKFold

from knowledge.qa.answer import Answer
from knowledge.qa.config import CONFIDENCE_FEATURES, RANK_FEATURES, QAConfig
from knowledge.qa.fit import Sample, answer, fit_all
from knowledge.qa.judge import is_hit, is_hit_faq_only
from store.models.knowledge_base import AnswerSource

__all__ = ["Scores", "score", "cross_validate", "stratified_folds", "group_folds"]


@dataclass(frozen=True)
class Scores:
    """Figures under the fair rule (``judge.py``) and, for comparison, the FAQ-only rule. Groups by what
    answers: an FAQ entry (``entry``), only the product's description (``description_only``), nothing
    (``abstain``: the share where the bot said it does not know). Averaged over repeated runs."""

    questions: int
    hit_at_1: float
    hit_faq_only: float
    entry: float | None
    description_only: float | None
    abstain: float | None
    english: float | None
    chinese: float | None
    cross_language: float | None
    description_answers: float  # answers taken from the description (mean count)
    description_wrong: float  # ... that the labels do not accept

    def row(self) -> str:
        def f(v: float | None) -> str:
            return "-" if v is None else f"{v:.3f}"
        return (f"{self.questions:4d}  hit@1 {f(self.hit_at_1)} (FAQ-only {f(self.hit_faq_only)})  "
                f"entry {f(self.entry)}  desc-only {f(self.description_only)}  abstain {f(self.abstain)}  "
                f"en {f(self.english)}  zh {f(self.chinese)}  cross {f(self.cross_language)}  "
                f"desc. answers {self.description_answers:.0f} (wrong {self.description_wrong:.0f})")


def score(samples: Sequence[Sample], runs: Sequence[Sequence[Answer]]) -> Scores:
    """``runs``: the answers to ``samples`` of one or more runs (seeds); every figure is their mean."""
    items = [s.item for s in samples]
    fair = np.array([[is_hit(i, a) for i, a in zip(items, run, strict=True)] for run in runs], dtype=float)
    old = np.array([[is_hit_faq_only(i, a) for i, a in zip(items, run, strict=True)] for run in runs], dtype=float)
    desc = np.array([[a.source is AnswerSource.PRODUCT_DESCRIPTION for a in run] for run in runs], dtype=bool)

    def mean(mask: npt.NDArray[np.bool_]) -> float | None:
        return round(float(fair[:, mask].mean()), 4) if mask.any() else None

    group = np.array([i.group for i in items])
    chinese = np.array([s.language == "zh" for s in samples])
    return Scores(len(samples), round(float(fair.mean()), 4), round(float(old.mean()), 4),
                  mean(group == "entry"), mean(group == "description"), mean(group == "none"), mean(~chinese),
                  mean(chinese), mean(np.array([i.cross_language for i in items])),
                  round(float(desc.sum(axis=1).mean()), 1), round(float((desc & (fair == 0)).sum(axis=1).mean()), 1))


def stratified_folds(samples: Sequence[Sample], k: int, seed: int) -> npt.NDArray[np.int64]:
    """Folds balanced over (set, answerable, product in view)."""
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(samples), dtype=np.int64)
    strata: dict[tuple[str, bool, bool], list[int]] = {}
    for i, s in enumerate(samples):
        strata.setdefault((s.set_name, s.item.expected_question is None, s.item.product is None), []).append(i)
    for members in strata.values():
        order = rng.permutation(len(members))
        for j, m in enumerate(order):
            folds[members[m]] = j % k
    return folds


def group_folds(samples: Sequence[Sample], k: int) -> npt.NDArray[np.int64]:
    """Folds where all questions about one FAQ entry (or one product, for the others) stay together: the
    test fold asks about entries and products the models never saw a question for."""
    def group(s: Sample) -> str:
        product = s.item.product or (s.query.scope.external_id if s.query.scope else None)
        return s.item.expected_question or (product or "").split("-")[0] or s.item.question
    groups = [group(s) for s in samples]
    folds = np.zeros(len(samples), dtype=np.int64)
    for f, (_, test) in enumerate(GroupKFold(n_splits=k).split(np.zeros(len(samples)), groups=groups)):
        folds[test] = f
    return folds


def cross_validate(samples: Sequence[Sample], base: QAConfig, folds: npt.NDArray[np.int64], c: float = 1.0,
                   progress: Callable[[int], None] | None = None,
                   columns: Sequence[str] = CONFIDENCE_FEATURES,
                   rank_columns: Sequence[str] = RANK_FEATURES) -> list[Answer]:
    """Out-of-fold answer per sample (every figure is measured on questions the fit did not see)."""
    answers: list[Answer | None] = [None] * len(samples)
    for f in sorted(set(folds.tolist())):
        train = [s for s, g in zip(samples, folds, strict=True) if g != f]
        config = fit_all(train, base, c, columns, rank_columns)
        for i in (int(j) for j in np.flatnonzero(folds == f)):
            answers[i] = answer(config, samples[i])
        if progress:
            progress(f)
    return [a for a in answers if a is not None]
