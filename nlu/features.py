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

    def fit(self, texts: Sequence[str]) -> Featurizer:
        norm = [normalise_text(t) for t in texts]
        self._char.fit(norm)
        if self._word is not None:
            self._word.fit(norm)
        return self

    def transform(self, texts: Sequence[str], vectors: Vectors) -> sp.csr_matrix:
        norm = [normalise_text(t) for t in texts]
        blocks: list[sp.spmatrix] = [self._char.transform(norm)]
        if self._word is not None:
            blocks.append(self._word.transform(norm))
        dense = np.asarray(vectors, dtype=np.float32) * np.float32(self.config.embedding_weight)
        blocks.append(sp.csr_matrix(dense))
        return sp.hstack(blocks, format="csr", dtype=np.float32)
