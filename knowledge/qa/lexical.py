"""BM25 over knowledge-base question texts, with scores normalised to [0, 1] so they can be mixed with
cosine similarities and compared with one threshold.

Raw BM25 scores grow with the number and rarity of query words, so a fixed threshold means nothing. We
divide by the score the query would get against a document identical to itself. Words the knowledge base
has never seen count in that ceiling with the highest IDF, so "what is the capital of France?" matching
only "what" scores near 0 instead of 1.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import bm25s
import numpy as np
import numpy.typing as npt

__all__ = ["LexicalIndex"]

K1 = 1.5
B = 0.75


class LexicalIndex:
    """An immutable BM25 index over tokenised documents; rebuild it when the documents change."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        self.size = len(docs)
        self._df: Counter[str] = Counter()
        for tokens in docs:
            self._df.update(set(tokens))
        lengths = [len(d) for d in docs]
        self._avgdl = (sum(lengths) / len(lengths)) if lengths and sum(lengths) else 1.0
        self._bm25: bm25s.BM25 | None = None
        if self._df:
            self._bm25 = bm25s.BM25(k1=K1, b=B)
            # bm25s indexes token-id lists; documents without tokens still take a slot so ids line up.
            vocab = {tok: i for i, tok in enumerate(sorted(self._df))}
            ids = [[vocab[t] for t in d] for d in docs]
            self._bm25.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)

    def _idf(self, token: str) -> float:
        df = self._df.get(token, 0)
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def ceiling(self, query: Sequence[str]) -> float:
        """BM25 of the query against a document that is exactly the query (the best possible match)."""
        terms = Counter(query)
        length_norm = K1 * (1.0 - B + B * len(query) / self._avgdl)
        return sum(self._idf(t) * tf / (tf + length_norm) for t, tf in terms.items())

    def scores(self, query: Sequence[str]) -> npt.NDArray[np.float32]:
        """Normalised BM25 of the query against every document, in [0, 1]."""
        out = np.zeros(self.size, dtype=np.float32)
        if self._bm25 is None or not query:
            return out
        known = [t for t in query if t in self._df]
        if not known:
            return out
        raw = np.asarray(self._bm25.get_scores(known), dtype=np.float32)
        ceiling = self.ceiling(query)
        if ceiling <= 0:
            return out
        normalised: npt.NDArray[np.float32] = np.clip(raw / np.float32(ceiling), 0.0, 1.0).astype(np.float32)
        return normalised
