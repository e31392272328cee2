"""Choosing the fallback threshold from out-of-fold predictions.

WHY a cost rather than a fixed number: below the threshold the bot asks "did you mean A or B?" (two buttons),
which costs the shopper one tap; above it the bot acts, and a wrong action (a search when they wanted to
track an order) costs far more. We pick the threshold minimising
``wrong_and_confident * 1.0 + asked * ASK_COST`` on cross-validation predictions of the training data, so the
held-out file never influences it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["ASK_COST", "choose_threshold"]

ASK_COST = 0.35
_GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


def choose_threshold(
    confidence: npt.NDArray[np.float64], correct: npt.NDArray[np.bool_], ask_cost: float = ASK_COST
) -> float:
    best_t, best_cost = 0.0, np.inf
    for t in _GRID:
        asked = confidence < t
        cost = float(np.sum(~asked & ~correct)) + ask_cost * float(np.sum(asked))
        if cost < best_cost - 1e-9:
            best_t, best_cost = float(t), cost
    return best_t
