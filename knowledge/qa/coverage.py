"""How much of what a question asks is covered by a text: IDF-weighted, matching words by meaning.

An answer must be about what was asked. "Do you sell tractors?" shares "do you" and a request shape with
"Do you ship to Canada?" (a high sentence cosine), but neither "sell" nor "tractors" is covered by that
entry; "does it have a lid" on a mug whose entry is about its capacity has "lid" uncovered. So for every
candidate text we measure

    coverage = sum over the question's content words w of idf(w) * match(w, text) / sum of idf(w)

where ``match`` is 1 for the same word and otherwise the best word-vector cosine to a word of the text,
mapped linearly from [``SOFT_LOW``, ``SOFT_HIGH``] to [0, 1] (so a Chinese word is matched by its English
counterpart, and a close synonym counts partly). ``idf`` comes from the knowledge base; a word it has never
seen gets the highest idf, so an unknown subject weighs most.

For the knowledge base's entries, the part the words leave uncovered is covered by the sentence cosine to
the entry's question texts on the same scale (``with_paraphrase``): a paraphrase is not punished for using
other words.

Cheap: the question has a handful of words, the vocabulary a few thousand; a word's matches are kept, so
only a word never seen before costs a small matrix product.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from knowledge.blas import one_blas_thread
from knowledge.encoders.base import Vectors
from knowledge.qa.words import WordVectors

__all__ = ["SOFT_LOW", "SOFT_HIGH", "TermWeights", "CoverageIndex", "QueryWords", "soft_match", "with_paraphrase"]

SOFT_LOW = 0.55  # word cosine at or below which two words are unrelated (tractor ~ ship 0.44)
SOFT_HIGH = 0.85  # ... and at or above which they are the same word (洗碗机 ~ dishwasher 0.88)

_F32 = npt.NDArray[np.float32]


def soft_match(cosines: _F32) -> _F32:
    out: _F32 = np.clip((cosines - SOFT_LOW) / (SOFT_HIGH - SOFT_LOW), 0.0, 1.0).astype(np.float32)
    return out


def with_paraphrase(coverage: _F32, cosine: _F32) -> _F32:
    """Word coverage, where what the words leave uncovered is covered by the whole question's meaning:
    ``coverage + (1 - coverage) * soft_match(cosine)``, the sentence cosine mapped like a word's.

    A paraphrase shares no content word with its entry ("do i have to sign up to buy something" / "Do I
    need to create an account?", "sign" ~ "account" 0.50 as words) and word coverage alone punishes it
    however close the two questions are. Their sentence cosine says they mean the same; a question sharing
    only a word ("do you sell tractors?" / "Do you ship to Canada?", cosine 0.36) gains nothing."""
    out: _F32 = (coverage + (1.0 - coverage) * soft_match(cosine)).astype(np.float32)
    return out


class TermWeights:
    """Inverse document frequency over a set of documents (knowledge-base entries)."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        self.size = len(docs)
        self._df: Counter[str] = Counter()
        for tokens in docs:
            self._df.update(set(tokens))
        self.unknown = self._idf(0)

    def _idf(self, df: int) -> float:
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def __call__(self, token: str) -> float:
        df = self._df.get(token, 0)
        return self._idf(df) if df else self.unknown

    def __contains__(self, token: str) -> bool:
        return token in self._df


@dataclass(frozen=True)
class QueryWords:
    """A question's distinct content words, their weights and vectors (computed once per question).

    Words naming the product the question is about ("bodum", "mug"; the name part of its title) weigh 0:
    they say which product, not what is asked about it, and an entry or sentence need not repeat them (a
    question made only of such words keeps its weights)."""

    tokens: list[str]
    weights: _F32
    vectors: Vectors

    @classmethod
    def build(cls, tokens: Sequence[str], weights: TermWeights, words: WordVectors,
              name_words: frozenset[str] = frozenset()) -> QueryWords:
        distinct = list(dict.fromkeys(tokens))
        named = all(t in name_words for t in distinct)
        w = np.array([0.0 if t in name_words and not named else weights(t) for t in distinct], dtype=np.float32)
        return cls(distinct, w, words.matrix(distinct))


class CoverageIndex:
    """Token sets of many documents over one vocabulary with word vectors: coverage of each by a query.

    A word's matches against the vocabulary are kept (sparse: the few vocabulary words it matches at all),
    since a shop's questions reuse their words: only a word seen for the first time costs a product with
    the vocabulary's vectors."""

    def __init__(self, docs: Sequence[Sequence[str]], words: WordVectors, max_cached: int = 20_000) -> None:
        vocab = sorted({t for d in docs for t in d})
        words.prime(vocab)
        self.vocab = vocab
        self._vectors = words.matrix(vocab)
        ids = {t: i for i, t in enumerate(vocab)}
        # vocabulary word -> the documents that contain it (CSR)
        postings: list[list[int]] = [[] for _ in vocab]
        for doc, tokens in enumerate(docs):
            for i in {ids[t] for t in tokens}:
                postings[i].append(doc)
        self._counts = np.array([len(p) for p in postings], dtype=np.intp)
        self._docs = np.array([d for p in postings for d in p], dtype=np.intp)
        self._starts = np.concatenate([[0], np.cumsum(self._counts)[:-1]]).astype(np.intp) if vocab else \
            np.zeros(0, dtype=np.intp)
        self.size = len(docs)
        self.max_cached = max_cached
        self._cache: OrderedDict[str, tuple[npt.NDArray[np.intp], _F32]] = OrderedDict()

    def _word_matches(self, query: QueryWords) -> list[tuple[npt.NDArray[np.intp], _F32]]:
        """For each query word: the vocabulary words it matches and how well (``soft_match`` > 0)."""
        new = [i for i, t in enumerate(query.tokens) if t not in self._cache]
        if new and self.vocab:
            with one_blas_thread():
                sims = soft_match(query.vectors[new] @ self._vectors.T)
            for row, i in zip(sims, new, strict=True):
                hit = np.flatnonzero(row > 0)
                self._cache[query.tokens[i]] = (hit, row[hit])
            while len(self._cache) > self.max_cached:
                self._cache.popitem(last=False)
        empty = (np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32))
        return [self._cache.get(t, empty) for t in query.tokens]

    def coverage(self, query: QueryWords) -> _F32:
        """Coverage of every document by the query's words, in [0, 1]."""
        total = float(query.weights.sum())
        if self.size == 0 or not query.tokens or total <= 0:
            return np.zeros(self.size, dtype=np.float32)
        covered = np.zeros(self.size, dtype=np.float32)
        for weight, (vocab_ids, values) in zip(query.weights, self._word_matches(query), strict=True):
            if weight <= 0 or not len(vocab_ids):
                continue
            counts = self._counts[vocab_ids]
            docs = self._docs[np.concatenate([np.arange(s, s + c) for s, c in
                                              zip(self._starts[vocab_ids], counts, strict=True)])]
            best = np.zeros(self.size, dtype=np.float32)
            np.maximum.at(best, docs, np.repeat(values, counts))
            covered += weight * best
        out: _F32 = (covered / total).astype(np.float32)
        return out
