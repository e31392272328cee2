"""Product descriptions as a source of answers: each sentence is a candidate for questions about the product.

"Is this mug dishwasher safe?" is often answered by the description itself ("Dishwasher and microwave
safe."). Sentences are encoded once per distinct description text (through the embedding cache) and kept
per product; an edited description simply has another text and is re-split.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from knowledge.encoders.base import Encoder, Vectors
from knowledge.qa.config import QAConfig
from knowledge.qa.index import Tokenizer
from knowledge.qa.lexical import LexicalIndex
from knowledge.qa.sentences import split_sentences

__all__ = ["SentenceHit", "DescriptionIndex"]


@dataclass(frozen=True)
class SentenceHit:
    sentence: str
    score: float


@dataclass
class _Split:
    digest: str
    sentences: list[str]
    vectors: Vectors
    lexical: LexicalIndex


class DescriptionIndex:
    def __init__(self, encoder: Encoder, tokenizer: Tokenizer, max_products: int = 2048) -> None:
        self.encoder = encoder
        self.tokenizer = tokenizer
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
        if len(self._by_product) >= self.max_products:
            self._by_product.pop(next(iter(self._by_product)))
        self._by_product[product_id] = _Split(digest, sentences, vectors,
                                              LexicalIndex([self.tokenizer(s) for s in sentences]))

    def best(self, product_id: int, config: QAConfig, query_vector: Vectors,
             query_tokens: list[str]) -> SentenceHit | None:
        split = self._by_product.get(product_id)
        if split is None or not split.sentences:
            return None
        dense = split.vectors @ query_vector.astype(np.float32)
        lexical = split.lexical.scores(query_tokens)
        w = config.description_dense_weight
        scores = w * dense + (1.0 - w) * lexical
        i = int(np.argmax(scores))
        return SentenceHit(split.sentences[i], min(1.0, max(0.0, float(scores[i]))))
