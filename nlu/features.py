"""Message features for the intent classifier: sentence embedding + character n-gram TF-IDF.

WHY both: the multilingual sentence embedding carries meaning across paraphrases and languages; character
n-grams (``char_wb`` 1-4) catch what embeddings blur — misspellings ("wher is my ordr"), Chinese words
without spaces, product codes. Digits are folded to ``0`` so order numbers and prices look alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from knowledge.encoders.base import Vectors

__all__ = ["FeatureConfig", "Featurizer", "normalise_text"]

_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("0", text.casefold())).strip()


_TOKEN = re.compile(r"[\u3400-\u9fff]+|[^\W\d_]+|\d+", re.UNICODE)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def word_tokens(text: str) -> list[str]:
    """Latin words as they are; Chinese runs cut into words by jieba ("蓝牙耳机降噪" -> 蓝牙 耳机 降噪)."""
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        if _CJK_RUN.fullmatch(tok):
            out.extend(w for w in _jieba().lcut(tok) if w.strip())
        else:
            out.append(tok)
    return out


def _jieba() -> Any:
    import logging

    import jieba

    if not getattr(jieba, "_shopbot_quiet", False):
        jieba.setLogLevel(logging.WARNING)
        jieba._shopbot_quiet = True
    return jieba


@dataclass(frozen=True)
class FeatureConfig:
    ngram_min: int = 1
    ngram_max: int = 4
    word_ngrams: bool = True
    embedding_weight: float = 1.5
    max_features: int | None = 60000
    # nearest-neighbour similarities per intent (nlu/neighbours.py); weight 0 turns them off
    neighbour_k: int = 3
    neighbour_weight: float = 1.0
    neighbour_dims: int = 128


class Featurizer:
    """Fits the TF-IDF vocabularies on the training texts; ``transform`` joins them with the vectors."""

    def __init__(self, config: FeatureConfig | None = None) -> None:
        self.config = config or FeatureConfig()
        self._char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(self.config.ngram_min, self.config.ngram_max),
            sublinear_tf=True,
            lowercase=False,
            max_features=self.config.max_features,
            dtype=np.float32,
        )
        self._word: TfidfVectorizer | None = (
            TfidfVectorizer(
                analyzer="word",
                ngram_range=(1, 2),
                sublinear_tf=True,
                lowercase=False,
                tokenizer=word_tokens,
                token_pattern=None,
                dtype=np.float32,
            )
            if self.config.word_ngrams
            else None
        )
        self._parts_cache: list[tuple[Any, dict[str, int], npt.NDArray[np.float64]]] | None = None

    def fit(self, texts: Sequence[str]) -> Featurizer:
        norm = [normalise_text(t) for t in texts]
        self._char.fit(norm)
        if self._word is not None:
            self._word.fit(norm)
        self._parts_cache = None
        return self

    def transform(self, texts: Sequence[str], vectors: Vectors, extra: Vectors | None = None) -> sp.csr_matrix:
        """One CSR row per text: [char TF-IDF | word TF-IDF | weighted vector | ``extra`` columns as given].

        The TF-IDF values are ``TfidfVectorizer.transform``'s (sublinear tf x idf, l2-normalised; a test checks
        they agree), computed here from the fitted vocabulary and idf. WHY not call ``transform``: for one
        message sklearn's input validation takes about half the featurisation time, and one message is the
        bot's case.
        """
        dense = np.asarray(vectors, dtype=np.float32) * np.float32(self.config.embedding_weight)
        if extra is not None:
            dense = np.hstack([dense, np.asarray(extra, dtype=np.float32)])
        parts = self._parts()
        dense_offset = sum(len(vocab) for _, vocab, _ in parts)
        dense_cols = np.arange(dense_offset, dense_offset + dense.shape[1], dtype=np.int32)
        indices: list[npt.NDArray[np.int32]] = []
        data: list[npt.NDArray[np.float32]] = []
        indptr = [0]
        for i, text in enumerate(texts):
            doc = normalise_text(text)
            offset, row_len = 0, len(dense_cols)
            for analyze, vocab, idf in parts:
                cols, vals = _tfidf(analyze(doc), vocab, idf)
                indices.append(cols + offset)
                data.append(vals)
                offset += len(vocab)
                row_len += len(cols)
            indices.append(dense_cols)
            data.append(dense[i])
            indptr.append(indptr[-1] + row_len)
        matrix = sp.csr_matrix(
            (np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
            shape=(len(texts), dense_offset + dense.shape[1]),
            dtype=np.float32,
        )
        matrix.sort_indices()
        return matrix

    def _parts(self) -> list[tuple[Any, dict[str, int], npt.NDArray[np.float64]]]:
        """(analyzer, vocabulary, idf) of each fitted vectorizer, built once per process (not pickled)."""
        cached = getattr(self, "_parts_cache", None)  # absent after unpickling
        if cached is None:
            vectorizers = [self._char] if self._word is None else [self._char, self._word]
            cached = [(v.build_analyzer(), v.vocabulary_, np.asarray(v.idf_)) for v in vectorizers]
            self._parts_cache = cached
        return cached

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_parts_cache", None)  # analyzers are rebuilt after loading
        return state


def _tfidf(
    terms: list[str], vocab: dict[str, int], idf: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """Columns and l2-normalised ``(1 + log tf) x idf`` values of one document's known terms."""
    counts: dict[int, int] = {}
    for term in terms:
        col = vocab.get(term)
        if col is not None:
            counts[col] = counts.get(col, 0) + 1
    cols = np.fromiter(counts.keys(), dtype=np.int32, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    vals = (np.log(tf) + 1.0) * idf[cols]
    norm = float(np.sqrt(np.dot(vals, vals)))
    if norm > 0:
        vals /= norm
    return cols, vals.astype(np.float32)
