"""Q&A ranking weights, the confidence model and thresholds, in one frozen record so tuning can try others.

Three small logistic models, fitted by ``python -m knowledge.qa.tune`` on our tuning sets
(knowledge/qa/data/tuning.jsonl and tuning_scope.jsonl) plus the development set
(knowledge/eval/dev/ask.jsonl), never on the sealed judged set; docs/qa.md records the run and its
cross-validated figures. Paste the printed ``QAConfig`` fields here after a new run (a different encoder
needs one: cosine scales differ).

* The **ranker** scores every candidate question linearly (``RANK_FEATURES``, in that order): a pairwise
  logistic regression (is the right entry above a wrong one of the same query?), so the score is a logit
  difference with no intercept.
* The **confidence** is a logistic regression on the top candidate (``CONFIDENCE_FEATURES``): the
  probability that the top entry is the right answer. Below ``threshold`` the bot says it does not know.
  Whether the top is the product's own entry is a feature, with its own slope for word coverage: the
  product's entry must still be about what was asked.
* The **description** model scores each sentence of the product's description (``DESCRIPTION_FEATURES``).

Three numbers are set by hand, not fitted: ``trusted_boost`` (the issue asks that staff and accepted answers
rank higher; on the demo FAQ a fitted weight came out negative, so it is a small fixed tie-breaker),
``anecdote_penalty`` (a shopper's story yields to the shop's policy on shop questions; see the field) and
``description_override_margin`` (chosen among 0.2 / 0.3 / 0.4 / off by cross-validation, within a point).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QAConfig", "DEFAULT_CONFIG", "RANK_FEATURES", "CONFIDENCE_FEATURES", "DESCRIPTION_FEATURES"]

RANK_FEATURES = (
    "dense_question",  # best cosine over the question's canonical text and phrasings
    "dense_answer",  # best cosine over its answers (clipped at 0)
    "bm25_question",  # normalised BM25 over question texts
    "bm25_answer",  # normalised BM25 over answers
    "same_language_general",  # a shop-wide entry in the asker's language (the FAQ has both languages)
    "same_language_product",  # a product entry in the asker's language (often only one language exists)
    "own_product",  # the entry is about the product in view
    "product_entry_unscoped",  # the entry is about some product while none is in view
    "coverage",  # share of the question's content words the entry covers (IDF-weighted, by meaning)
)
CONFIDENCE_FEATURES = (
    "top_similarity",  # the similarity part of the best candidate's ranker score (first four features)
    "similarity_margin",  # its lead in similarity over the runner-up
    "scoped",  # a product is in view (or named in the question)
    "top_own",  # the best candidate is that product's own entry
    "coverage",  # share of the question's words the entry covers, the rest covered by the question cosine
    "cross_language",  # the entry is in the other language (word coverage is then by meaning only)
    "own_coverage",  # coverage when the top is the product's own entry, else 0
)
DESCRIPTION_FEATURES = (
    "dense",  # cosine between the question and the sentence
    "coverage",  # share of the question's content words the sentence covers (by meaning)
    "bm25",  # normalised BM25 over the product's sentences
    "cross_language",  # the sentence is in the other language
)


@dataclass(frozen=True)
class QAConfig:
    rank_weights: tuple[float, ...] = (5.952, 5.7114, 1.4983, 2.2684, 3.4192, 0.2745, 8.0964, -0.7044, 5.757)
    confidence_weights: tuple[float, ...] = (0.4938, 0.3562, -2.6436, 3.2098, 2.4886, 0.9355, 1.679)
    confidence_bias: float = -4.1845
    # Probability of being right below which the bot says it does not know and offers to ask people.
    threshold: float = 0.37
    # Staff-written or accepted answers win near-ties between questions (ranker units; not fitted).
    trusted_boost: float = 0.1
    # Shop-wide entries answered only by a shopper's experience rank this much lower (ranker units; set by
    # hand, not fitted): "how long does shipping take?" is the shipping FAQ's, not "my order to Toronto took
    # 9 days" (0.5 units ahead); the Toronto entry still answers "how long did shipping to Canada take for you?".
    anecdote_penalty: float = 1.5
    # Description sentences: probability = sigmoid(bias + weights . DESCRIPTION_FEATURES), answered at or
    # above the threshold when no Q&A entry of the product itself is confident (a statement is further from
    # a question than another question is, so it has its own model).
    description_weights: tuple[float, ...] = (4.6701, 5.0938, 0.7197, 0.9641)
    description_bias: float = -3.5212
    description_threshold: float = 0.23
    # A sentence beats the product's own confident entry only when its probability is higher by this much
    # (a mug's "dishwasher safe" entry does not answer "does it need oiling", its description does).
    description_override_margin: float = 0.3
    # Two questions this similar (cosine of their embeddings, same product scope) are one question.
    dedupe_threshold: float = 0.88

    def __post_init__(self) -> None:
        if len(self.rank_weights) != len(RANK_FEATURES):
            raise ValueError(f"rank_weights needs {len(RANK_FEATURES)} values: {', '.join(RANK_FEATURES)}")
        if len(self.confidence_weights) != len(CONFIDENCE_FEATURES):
            raise ValueError(f"confidence_weights needs {len(CONFIDENCE_FEATURES)} values: "
                             f"{', '.join(CONFIDENCE_FEATURES)}")
        if len(self.description_weights) != len(DESCRIPTION_FEATURES):
            raise ValueError(f"description_weights needs {len(DESCRIPTION_FEATURES)} values: "
                             f"{', '.join(DESCRIPTION_FEATURES)}")


DEFAULT_CONFIG = QAConfig()
