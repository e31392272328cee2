"""Q&A scoring weights and thresholds, in one frozen record so a tuning run can try others.

The defaults come from ``python -m knowledge.qa.tune`` on knowledge/qa/data/tuning.jsonl (116 of our own
tuning questions, English and Chinese, never the judged evaluation set) with the "use-multilingual"
encoder: hit@1 0.853 there. The tuning drove the weight of BM25 over *question* texts to 0 -- question
wordings are short and share their filler, while the answers carry the content words ("Australia",
"receipt") -- so the keyword half of the hybrid is BM25 over answers; question BM25 stays computed and
configurable. docs/qa.md records the run. A different encoder needs a new tuning run: cosine scales differ.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QAConfig", "DEFAULT_CONFIG"]


@dataclass(frozen=True)
class QAConfig:
    # score = w_question * cos(query, best question/phrasing) + w_answer * cos(query, best answer)
    #         + w_answer_lexical * BM25(query, answers)
    #         + (1 - the other three) * BM25(query, question texts)        (BM25 normalised to [0, 1])
    w_question: float = 0.7
    w_answer: float = 0.1
    w_answer_lexical: float = 0.2
    # Below this the bot says it does not know and offers to post the question to people.
    threshold: float = 0.41
    # Description sentences are scored cosine + BM25 on their own scale (a statement is further from a
    # question than another question is), so they get their own bar.
    description_threshold: float = 0.38
    # Staff-written or accepted answers win near-ties: a shop's own word beats a shopper's guess.
    trusted_boost: float = 0.02
    # A question about the product the shopper is looking at beats an equally similar general one.
    scope_bonus: float = 0.03
    # A question about some *other* product may still be what a shopper meant when no product is in
    # view ("is the Aurora mug dishwasher safe?"), but it must clearly win.
    other_product_penalty: float = 0.05
    # The FAQ keeps an English and a Chinese entry for most questions; the one in the asker's language
    # should win, since its answer is in the asker's language too.
    language_bonus: float = 0.09
    # Two questions this similar (cosine of their embeddings, same product scope) are one question.
    dedupe_threshold: float = 0.88

    @property
    def w_lexical(self) -> float:
        return max(0.0, 1.0 - self.w_question - self.w_answer - self.w_answer_lexical)

    @property
    def weights(self) -> tuple[float, float, float, float]:
        return (self.w_question, self.w_answer, self.w_lexical, self.w_answer_lexical)


DEFAULT_CONFIG = QAConfig()
