"""Embeddings of single words, so a question's words can be matched to an entry's words by meaning.

Why words and not only whole sentences: the sentence cosine says two texts are *about the same area*
("does it have a lid" and "how much does it hold" are both about a mug), not that the entry covers what was
asked. Matching each content word of the question to its nearest word in the entry does, and with the
multilingual encoder it works across languages (洗碗机 ~ dishwasher 0.88, 盖子 ~ lid 0.71, while
tractor ~ ship is 0.44), which BM25 cannot do.

A shop's vocabulary is small and repeats, so vectors are kept in memory (bounded, least recently used
dropped first). Knowledge-base and description words go through the persistent embedding cache (``prime``);
a shopper's new words are encoded by the model directly and only kept in memory, like queries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from knowledge.encoders.base import Encoder, Vectors
from knowledge.encoders.cache import unwrap

__all__ = ["WordVectors"]


class WordVectors:
    def __init__(self, encoder: Encoder, max_words: int = 50_000) -> None:
        self.encoder = encoder  # documents' words: through the embedding cache when there is one
        self.query_encoder = unwrap(encoder)
        self.max_words = max_words
        self._vectors: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._vectors)

    def missing(self, words: Sequence[str]) -> list[str]:
        with self._lock:
            return list(dict.fromkeys(w for w in words if w not in self._vectors))

    def add(self, words: Sequence[str], vectors: Vectors) -> None:
        with self._lock:
            for word, vector in zip(words, vectors, strict=True):
                self._vectors[word] = np.asarray(vector, dtype=np.float32)
                self._vectors.move_to_end(word)
            while len(self._vectors) > self.max_words:
                self._vectors.popitem(last=False)

    def prime(self, words: Sequence[str]) -> None:
        """Encode the words not known yet through the (cached) document encoder. Blocking."""
        todo = self.missing(words)
        if todo:
            self.add(todo, self.encoder.encode(todo))

    def matrix(self, words: Sequence[str]) -> Vectors:
        """One row per word; words not known yet are encoded by the model itself and kept. Blocking when
        a word is new (run it in a worker thread on the event loop)."""
        todo = self.missing(words)
        if todo:
            self.add(todo, self.query_encoder.encode(todo))
        with self._lock:
            rows = []
            for w in words:
                vector = self._vectors.get(w)
                if vector is None:  # dropped by a concurrent add beyond max_words: encode it again
                    vector = self.query_encoder.encode([w])[0]
                rows.append(vector)
        if not rows:
            return np.zeros((0, self.encoder.dim), dtype=np.float32)
        return np.vstack(rows).astype(np.float32)
