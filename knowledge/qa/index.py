"""The in-memory Q&A index: embeddings of every question, phrasing and answer, plus BM25 over question texts.

Why per-text rows rather than one vector per question: a canonical question gathers many phrasings, and a
shopper's wording usually matches one of them closely; averaging them would blur that match. The best row
per question wins.

Embeddings are persisted through the encoder's embedding cache (``load_encoder(name, cache_dir)``), so a
restart or an index refresh re-encodes only texts it has never seen. Updates replace one question's rows
and mark the stacked matrices stale; they are re-stacked on the next search (cheap: a few thousand rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from knowledge.encoders.base import Encoder, Vectors
from knowledge.qa.coverage import CoverageIndex, QueryWords, TermWeights, with_paraphrase
from knowledge.qa.lexical import LexicalIndex
from knowledge.qa.scoring import best_answer, is_anecdote, is_trusted
from knowledge.qa.words import WordVectors
from store.knowledge_base_records import QuestionRecord

__all__ = ["QuestionHit", "QAIndex", "Tokenizer", "IndexFeatures"]

Tokenizer = Callable[[str], list[str]]
_F32 = npt.NDArray[np.float32]


@dataclass(frozen=True)
class QuestionHit:
    """Similarity features of one question for one query, before weighting."""

    question: QuestionRecord
    dense_question: float  # best cosine over the canonical text and its phrasings
    dense_answer: float  # best cosine over its answers
    lexical: float  # best normalised BM25 over the canonical text and its phrasings
    answer_lexical: float = 0.0  # best normalised BM25 over its answers


@dataclass(frozen=True)
class IndexFeatures:
    """Similarity features of *every* indexed question for one query, aligned with ``records``, plus what the
    ranker needs to know about each question (scope, language, whether its best answer is trusted)."""

    records: list[QuestionRecord]
    dense_question: _F32
    dense_answer: _F32
    bm25_question: _F32
    bm25_answer: _F32
    product_ids: npt.NDArray[np.int64]  # -1 for a shop-wide question
    languages: npt.NDArray[np.str_]
    trusted: npt.NDArray[np.bool_]
    answered: npt.NDArray[np.bool_]
    # Share of the query's content words (IDF-weighted, matched by meaning: ``coverage.py``) that the entry
    # (its question texts and answers) covers, the rest covered by the question cosine (``with_paraphrase``).
    coverage: _F32 | None = None
    # Shop-wide questions whose answer is a shopper's experience, not the shop's policy (``ranker.py``).
    anecdotes: npt.NDArray[np.bool_] | None = None

    def cov_entry(self) -> _F32:
        return self.coverage if self.coverage is not None else np.zeros(len(self.records), np.float32)

    def shop_anecdotes(self) -> npt.NDArray[np.bool_]:
        return self.anecdotes if self.anecdotes is not None else np.zeros(len(self.records), dtype=bool)


@dataclass
class _Entry:
    record: QuestionRecord
    qvecs: Vectors  # canonical text + phrasings
    avecs: Vectors  # answers
    qtokens: list[list[str]]
    atokens: list[list[str]]


def _shop_anecdote(record: QuestionRecord) -> bool:
    """A shop-wide question that only a shopper's experience answers ("how long did shipping to Canada take
    for you?")."""
    answer = best_answer(record)
    return record.product_id is None and answer is not None and is_anecdote(answer)


def _trusted(record: QuestionRecord) -> bool:
    """The answer it would serve is accepted or staff-written."""
    answer = best_answer(record)
    return answer is not None and is_trusted(answer)


class QAIndex:
    def __init__(self, encoder: Encoder, tokenizer: Tokenizer, words: WordVectors | None = None) -> None:
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.words = words if words is not None else WordVectors(encoder)
        self.weights = TermWeights([])
        self._coverage = CoverageIndex([], self.words)
        self._entries: dict[int, _Entry] = {}
        self._stale = True
        self._order: list[int] = []
        self._qmat: _F32 = np.zeros((0, encoder.dim), dtype=np.float32)
        self._qrow: npt.NDArray[np.intp] = np.zeros(0, dtype=np.intp)
        self._amat: _F32 = np.zeros((0, encoder.dim), dtype=np.float32)
        self._arow: npt.NDArray[np.intp] = np.zeros(0, dtype=np.intp)
        self._lexical = LexicalIndex([])
        self._answer_lexical = LexicalIndex([])
        self._records: list[QuestionRecord] = []
        self._product_ids: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._languages: npt.NDArray[np.str_] = np.zeros(0, dtype="<U8")
        self._trusted: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._anecdotes: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._answered: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._products_with_qa: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, question_id: int) -> bool:
        return question_id in self._entries

    def get(self, question_id: int) -> QuestionRecord | None:
        entry = self._entries.get(question_id)
        return entry.record if entry else None

    def records(self) -> list[QuestionRecord]:
        return [e.record for e in self._entries.values()]

    def upsert(self, records: Sequence[QuestionRecord]) -> None:
        """Encode and (re)place questions. Blocking (runs the encoder): call it in a worker thread."""
        if not records:
            return
        texts: list[str] = []
        for r in records:
            texts.extend([r.text, *r.phrasings, *(a.text for a in r.answers)])
        vecs = self.encoder.encode(texts) if texts else np.zeros((0, self.encoder.dim), dtype=np.float32)
        at = 0
        for r in records:
            nq, na = 1 + len(r.phrasings), len(r.answers)
            self._entries[r.id] = _Entry(
                record=r, qvecs=vecs[at:at + nq], avecs=vecs[at + nq:at + nq + na],
                qtokens=[self.tokenizer(t) for t in (r.text, *r.phrasings)],
                atokens=[self.tokenizer(a.text) for a in r.answers])
            at += nq + na
            entry = self._entries[r.id]
            self.words.prime([t for toks in (*entry.qtokens, *entry.atokens) for t in toks])
        self._stale = True

    def remove(self, question_ids: Sequence[int]) -> None:
        for qid in question_ids:
            if self._entries.pop(qid, None) is not None:
                self._stale = True

    def _restack(self) -> None:
        self._order = list(self._entries)
        entries = [self._entries[q] for q in self._order]
        dim = self.encoder.dim
        self._qmat = np.vstack([e.qvecs for e in entries]) if entries else np.zeros((0, dim), np.float32)
        self._qrow = np.repeat(np.arange(len(entries)), [len(e.qvecs) for e in entries])
        amats = [e.avecs for e in entries if len(e.avecs)]
        self._amat = np.vstack(amats) if amats else np.zeros((0, dim), np.float32)
        self._arow = np.repeat(np.arange(len(entries)), [len(e.avecs) for e in entries])
        self._lexical = LexicalIndex([toks for e in entries for toks in e.qtokens])
        self._answer_lexical = LexicalIndex([toks for e in entries for toks in e.atokens])
        self._records = [e.record for e in entries]
        self._product_ids = np.array([r.product_id if r.product_id is not None else -1 for r in self._records],
                                     dtype=np.int64)
        self._languages = np.array([r.language for r in self._records], dtype="<U8")
        self._trusted = np.array([_trusted(r) for r in self._records], dtype=bool)
        self._anecdotes = np.array([_shop_anecdote(r) for r in self._records], dtype=bool)
        self._answered = np.array([bool(r.answers) for r in self._records], dtype=bool)
        self._products_with_qa = frozenset(r.product_id for r in self._records
                                           if r.product_id is not None and r.answers)
        question_words = [[t for toks in e.qtokens for t in toks] for e in entries]
        entry_words = [q + [t for toks in e.atokens for t in toks]
                       for q, e in zip(question_words, entries, strict=True)]
        self.weights = TermWeights(entry_words)
        self._coverage = CoverageIndex(entry_words, self.words)
        self._stale = False

    def question_tokens(self, question_id: int) -> list[str]:
        """The words of a question's canonical text and phrasings (``verdict.py`` checks them against a query)."""
        entry = self._entries.get(question_id)
        return [t for toks in entry.qtokens for t in toks] if entry is not None else []

    def shop_wide_words(self) -> set[str]:
        """Every word of the shop-wide entries (questions and answers)."""
        return {t for e in self._entries.values() if e.record.product_id is None
                for toks in (*e.qtokens, *e.atokens) for t in toks}

    def query_words(self, tokens: Sequence[str], name_words: frozenset[str] = frozenset()) -> QueryWords:
        """The query's content words with this knowledge base's weights (encodes words it has not seen:
        blocking, so ``QAService`` calls it in a worker thread)."""
        if self._stale:
            self._restack()
        return QueryWords.build(tokens, self.weights, self.words, name_words)

    def has_product_qa(self, product_id: int) -> bool:
        """Whether the product has answered questions of its own (a strong hint for scoped questions)."""
        if self._stale:
            self._restack()
        return product_id in self._products_with_qa

    def _best_per_question(self, query_vector: Vectors, query_tokens: Sequence[str]) -> tuple[_F32, _F32, _F32, _F32]:
        n = len(self._order)
        vector = query_vector.astype(np.float32)
        best_q = np.full(n, -1.0, dtype=np.float32)
        best_l = np.zeros(n, dtype=np.float32)
        np.maximum.at(best_q, self._qrow, self._qmat @ vector)
        np.maximum.at(best_l, self._qrow, self._lexical.scores(list(query_tokens)))
        best_a = np.zeros(n, dtype=np.float32)
        best_al = np.zeros(n, dtype=np.float32)
        if len(self._amat):
            best_a.fill(-1.0)
            np.maximum.at(best_a, self._arow, self._amat @ vector)
            best_a = np.maximum(best_a, 0.0)
            np.maximum.at(best_al, self._arow, self._answer_lexical.scores(list(query_tokens)))
        return best_q, best_a, best_l, best_al

    def features(self, query_vector: Vectors, query_tokens: Sequence[str],
                 query_words: QueryWords | None = None) -> IndexFeatures:
        """Per-question similarity features of every indexed question (a few hundred: cheap to score all)."""
        if self._stale:
            self._restack()
        best_q, best_a, best_l, best_al = self._best_per_question(query_vector, query_tokens)
        words = query_words if query_words is not None else self.query_words(query_tokens)
        coverage = with_paraphrase(self._coverage.coverage(words), best_q)
        return IndexFeatures(self._records, best_q, best_a, best_l, best_al, self._product_ids,
                             self._languages, self._trusted, self._answered, coverage, self._anecdotes)

    def search(self, query_vector: Vectors, query_tokens: Sequence[str], *,
               weights: tuple[float, float, float, float] = (0.6, 0.15, 0.25, 0.0),
               allow: Callable[[QuestionRecord], bool] | None = None, top_k: int = 10) -> list[QuestionHit]:
        """Per-question features of the ``top_k`` allowed questions, best first by the weighted sum
        ``weights`` = (question cosine, answer cosine, question BM25, answer BM25)."""
        if self._stale:
            self._restack()
        n = len(self._order)
        if n == 0:
            return []
        best_q, best_a, best_l, best_al = self._best_per_question(query_vector, query_tokens)
        wq, wa, wl, wal = weights
        rough = wq * best_q + wa * best_a + wl * best_l + wal * best_al
        hits: list[QuestionHit] = []
        for i in np.argsort(-rough, kind="stable"):
            record = self._entries[self._order[int(i)]].record
            if allow is not None and not allow(record):
                continue
            hits.append(QuestionHit(record, float(best_q[i]), float(best_a[i]), float(best_l[i]),
                                    float(best_al[i])))
            if len(hits) >= top_k:
                break
        return hits
