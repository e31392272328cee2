"""Product descriptions as a source of answers: each sentence is a candidate for questions about the product.

"Is this mug dishwasher safe?" is often answered by the description itself ("Dishwasher and microwave
safe."). Sentences are encoded once per distinct description text (through the embedding cache) and kept
per product; an edited description simply has another text and is re-split.

Each sentence is scored by a small logistic model (``QAConfig.description_weights``, fitted by
``python -m knowledge.qa.tune`` on our labelled product questions) over ``DESCRIPTION_FEATURES``: the
sentence cosine, the share of the question's words the sentence covers (matched by meaning, so a Chinese
question finds an English sentence: ``coverage.py``), BM25 and whether the sentence is in the other
language. The best sentence's probability is compared with ``description_threshold``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from knowledge.encoders.base import Encoder, Vectors
from knowledge.qa.config import QAConfig
from knowledge.qa.coverage import CoverageIndex, QueryWords
from knowledge.qa.index import Tokenizer
from knowledge.qa.lexical import LexicalIndex
from knowledge.qa.sentences import split_sentences
from knowledge.qa.words import WordVectors

__all__ = ["SentenceHit", "SentenceFeatures", "DescriptionIndex", "best_sentence", "sentence_language"]

_F64 = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SentenceHit:
    sentence: str
    score: float  # probability that the sentence answers the question


@dataclass(frozen=True)
class SentenceFeatures:
    """``DESCRIPTION_FEATURES`` of every candidate sentence of the product(s) in scope for one question."""

    sentences: list[str]
    matrix: _F64


def sentence_language(text: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"


def best_sentence(config: QAConfig, features: SentenceFeatures | None) -> SentenceHit | None:
    if features is None or not features.sentences:
        return None
    z = features.matrix @ np.asarray(config.description_weights) + config.description_bias
    i = int(np.argmax(z))
    return SentenceHit(features.sentences[i], 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, float(z[i]))))))


@dataclass
class _Split:
    digest: str
    sentences: list[str]
    vectors: Vectors
    lexical: LexicalIndex
    coverage: CoverageIndex
    languages: list[str]


class DescriptionIndex:
    def __init__(self, encoder: Encoder, tokenizer: Tokenizer, words: WordVectors | None = None,
                 max_products: int = 2048) -> None:
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.words = words if words is not None else WordVectors(encoder)
        self.max_products = max_products
        self._by_product: dict[int, _Split] = {}

    def __contains__(self, product_id: int) -> bool:
        return product_id in self._by_product

    def prepare(self, product_id: int, description: str) -> None:
        """Split and encode a product's description unless this exact text is already prepared.

        Blocking (runs the encoder): call it in a worker thread.
        """
        digest = hashlib.blake2b(description.encode(), digest_size=12).hexdigest()
        known = self._by_product.get(product_id)
        if known is not None and known.digest == digest:
            return
        sentences = split_sentences(description)
        vectors = self.encoder.encode(sentences) if sentences else np.zeros((0, self.encoder.dim), np.float32)
        tokens = [self.tokenizer(s) for s in sentences]
        if len(self._by_product) >= self.max_products:
            self._by_product.pop(next(iter(self._by_product)))
        self._by_product[product_id] = _Split(digest, sentences, vectors, LexicalIndex(tokens),
                                              CoverageIndex(tokens, self.words),
                                              [sentence_language(s) for s in sentences])

    def features(self, product_ids: Sequence[int], query_vector: Vectors, query_tokens: list[str],
                 query_words: QueryWords, language: str) -> SentenceFeatures | None:
        """Features of the candidate sentences: the product's own, or for several named products only the
        sentences all of them share (an answer true of every product the question may mean)."""
        splits = [self._by_product.get(p) for p in product_ids]
        if not splits or any(s is None for s in splits):
            return None
        split = splits[0]
        assert split is not None
        keep = list(range(len(split.sentences)))
        if len(splits) > 1:
            shared = set.intersection(*(set(s.sentences) for s in splits if s is not None))
            keep = [i for i in keep if split.sentences[i] in shared]
        if not keep:
            return None
        dense = split.vectors @ query_vector.astype(np.float32)
        lexical = split.lexical.scores(query_tokens)
        coverage = split.coverage.coverage(query_words)
        cross = np.array([lang != language for lang in split.languages], dtype=np.float64)
        matrix = np.stack([dense, coverage, lexical, cross], axis=1).astype(np.float64)[keep]
        return SentenceFeatures([split.sentences[i] for i in keep], matrix)
