"""Product descriptions as a source of answers: each sentence is a candidate for questions about the product.

"Is this mug dishwasher safe?" is often answered by the description itself ("Dishwasher and microwave
safe."). Sentences are encoded once per distinct description text (through the embedding cache) and kept
per product; an edited description simply has another text and is re-split.

Each sentence is scored by a small logistic model (``QAConfig.description_weights``, fitted by
``python -m knowledge.qa.tune`` on our labelled product questions) over ``DESCRIPTION_FEATURES``: the
sentence cosine, the share of the question's words the sentence covers (matched by meaning, so a Chinese
question finds an English sentence: ``coverage.py``), BM25 and whether the sentence is in the other
language. The best sentence's probability is compared with ``description_threshold``.

The product's title parts and attribute lines (``facts.py``) are candidates too, scored by the same model but
kept apart (``SentenceFeatures.facts``): a title that says "IPX4 Water Resistant" answers "is it waterproof?"
when nothing else does. A candidate
may quote more than it is scored on (a title part quotes the whole title): ``SentenceFeatures.sentences``
holds what the reply shows.
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
from knowledge.qa.facts import Fact
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
    # True for a title part or attribute line (``facts.py``), False for a sentence of the description.
    facts: npt.NDArray[np.bool_] | None = None


def sentence_language(text: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"


def best_sentence(config: QAConfig, features: SentenceFeatures | None, facts: bool = False) -> SentenceHit | None:
    """The most likely answer among the description's sentences, or with ``facts`` among the title parts and
    attribute lines (terse, so their word coverage runs high: the model was fitted on sentences, and they
    are only a last resort in ``decision.py``)."""
    if features is None or not features.sentences:
        return None
    kinds = features.facts if features.facts is not None else np.zeros(len(features.sentences), dtype=bool)
    pool = np.flatnonzero(kinds == facts)
    if not len(pool):
        return None
    z = features.matrix[pool] @ np.asarray(config.description_weights) + config.description_bias
    best = int(np.argmax(z))
    i = int(pool[best])
    return SentenceHit(features.sentences[i], 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, float(z[best]))))))


@dataclass
class _Split:
    digest: str
    sentences: list[str]  # what the reply quotes, one per candidate
    vectors: Vectors  # these three per scored text (see ``rows``)
    lexical: LexicalIndex
    coverage: CoverageIndex
    languages: list[str]
    only: list[str | None]  # a candidate offered only to questions in this language (``Fact.language``)
    facts: list[bool]  # the candidate is a fact (title part, attribute line), not a description sentence
    # Per candidate, its row in vectors/lexical/coverage: a sentence shown in English to English questions
    # and in Chinese to Chinese ones is one scored text, so its scores are those it had alone.
    rows: npt.NDArray[np.intp]


def _aligned_zh(english: list[str], description_zh: str | None) -> list[str] | None:
    """The Chinese description's sentences when they line up with the English ones, else None.

    The catalogue's Chinese description is written sentence for sentence (``store/demo/catalog_zh.py``): when
    both split into as many sentences, sentence i of one says what sentence i of the other says."""
    chinese = split_sentences(description_zh or "")
    return chinese if chinese and len(chinese) == len(english) else None


def _shown(row: int, fact: Fact) -> list[tuple[int, str, str | None]]:
    """(row, what the reply shows, the only question language) for one scored fact: a fact with a Chinese
    display (``Fact.shown_zh``) is two candidates on the same row, so its scores are those it had alone."""
    if fact.shown_zh is not None and fact.language is None:
        return [(row, fact.shown, "en"), (row, fact.shown_zh, "zh")]
    return [(row, fact.shown, fact.language)]


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

    def prepare(self, product_id: int, description: str, facts: Sequence[Fact] = (),
                description_zh: str | None = None) -> None:
        """Split and encode a product's description and its facts (title parts, attribute lines) unless
        this exact text is already prepared. With a Chinese description (``description_zh``) of as many
        sentences, each English sentence is still what is scored, but a Chinese question is shown its Chinese
        counterpart (``_prose``).

        Blocking (runs the encoder): call it in a worker thread.
        """
        english = split_sentences(description)
        chinese = _aligned_zh(english, description_zh)
        scored = [Fact(s, s) for s in english]
        seen = {(c.text, c.language) for c in scored}
        for fact in facts:
            if (fact.text, fact.language) not in seen:
                seen.add((fact.text, fact.language))
                scored.append(fact)
        # (row of ``scored``, what the reply shows, the only question language it is offered to)
        candidates = [c for i, fact in enumerate(scored) for c in _shown(i, fact)]
        if chinese is not None:
            candidates = [c for i, en in enumerate(english) for c in ((i, en, "en"), (i, chinese[i], "zh"))]
            candidates += [c for i, fact in enumerate(scored) if i >= len(english) for c in _shown(i, fact)]
        key = "\x1f".join(f"{row}\x1e{scored[row].text}\x1e{shown}\x1e{only}" for row, shown, only in candidates)
        digest = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
        known = self._by_product.get(product_id)
        if known is not None and known.digest == digest:
            return
        texts = [c.text for c in scored]
        vectors = self.encoder.encode(texts) if texts else np.zeros((0, self.encoder.dim), np.float32)
        tokens = [self.tokenizer(s) for s in texts]
        if len(self._by_product) >= self.max_products:
            self._by_product.pop(next(iter(self._by_product)))
        self._by_product[product_id] = _Split(digest, [shown for _, shown, _ in candidates], vectors,
                                              LexicalIndex(tokens), CoverageIndex(tokens, self.words),
                                              [sentence_language(s) for s in texts],
                                              [only for _, _, only in candidates],
                                              [row >= len(english) for row, _, _ in candidates],
                                              np.array([row for row, _, _ in candidates], dtype=np.intp))

    def features(self, product_ids: Sequence[int], query_vector: Vectors, query_tokens: list[str],
                 query_words: QueryWords, language: str) -> SentenceFeatures | None:
        """Features of the candidate sentences: the product's own, or for several named products only the
        sentences all of them share (an answer true of every product the question may mean)."""
        splits = [self._by_product.get(p) for p in product_ids]
        if not splits or any(s is None for s in splits):
            return None
        split = splits[0]
        assert split is not None
        keep = [i for i, only in enumerate(split.only) if only is None or only == language]
        if len(splits) > 1:
            shared = set.intersection(*(set(s.sentences) for s in splits if s is not None))
            keep = [i for i in keep if split.sentences[i] in shared]
        if not keep:
            return None
        rows = split.rows  # every candidate is scored on its row of the scored texts
        dense = (split.vectors @ query_vector.astype(np.float32))[rows]
        lexical = split.lexical.scores(query_tokens)[rows]
        coverage = split.coverage.coverage(query_words)[rows]
        cross = np.array([lang != language for lang in split.languages], dtype=np.float64)[rows]
        matrix = np.stack([dense, coverage, lexical, cross], axis=1).astype(np.float64)[keep]
        return SentenceFeatures([split.sentences[i] for i in keep], matrix,
                                np.array([split.facts[i] for i in keep], dtype=bool))
