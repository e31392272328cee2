"""``QAService``: answer a shopper's question from the community knowledge base, or say it does not know.

Retrieval is hybrid: sentence-embedding cosine against every question, phrasing and answer (the encoder is
multilingual, so a Chinese question finds an English FAQ entry) plus BM25 over question and answer texts
with the jieba/English tokenizer (exact words, product names, codes), combined by a fitted linear ranker
(``ranker.py``). A second small model turns the winner's lead into the probability that it is right; below
the threshold the answer is None and the bot offers to post the question to the community group or staff.
With a product in view, that product's own Q&A and then the sentences of its description come first.

The index follows the knowledge base: the service subscribes to the unit-of-work factory and re-reads each
question named by a committed ``KnowledgeChanged`` event before the next ``ask``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.encoders import encode_async, load_encoder, warm_up
from knowledge.encoders.base import Encoder, Vectors
from knowledge.encoders.cache import unwrap
from knowledge.qa.answer import Answer
from knowledge.qa.config import DEFAULT_CONFIG, QAConfig
from knowledge.qa.description import DescriptionIndex, SentenceHit
from knowledge.qa.errors import QANotStarted, UnknownProduct
from knowledge.qa.index import QAIndex, Tokenizer
from knowledge.qa.ranker import Ranking, rank_all
from knowledge.qa.scope_cache import ScopeCache
from knowledge.qa.scoring import best_answer
from knowledge.qa.tokens import qa_tokenize
from store.catalog.events import ProductChanged
from store.catalog.queries import get_product
from store.errors import NotFound
from store.knowledge_base import load_questions, resolve_scope
from store.knowledge_base_records import KnowledgeChanged, ProductScope, QuestionRecord, detect_language
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory

__all__ = ["QAService", "ScoredQuestion", "rank", "decide", "scored_questions"]


@dataclass(frozen=True)
class ScoredQuestion:
    question: QuestionRecord
    score: float  # ranker score (a logit difference: only its order and gaps mean something)
    match: float = 0.0  # on the description sentences' scale (see ``Ranking.matches``)


def rank(index: QAIndex, config: QAConfig, vector: Vectors, tokens: list[str],
         product_id: int | None, language: str, top_k: int = 10) -> tuple[list[ScoredQuestion], float]:
    """The allowed candidates best first, and the confidence that the first one answers the question."""
    features = index.features(vector, tokens)
    has_qa = product_id is not None and index.has_product_qa(product_id)
    ranking = rank_all(config, features, product_id, language, has_qa, top_k=top_k)
    return scored_questions(ranking), ranking.confidence


def scored_questions(ranking: Ranking) -> list[ScoredQuestion]:
    return [ScoredQuestion(ranking.features.records[i], s, m)
            for i, s, m in zip(ranking.order, ranking.scores, ranking.matches, strict=True)]


def _from_question(best: ScoredQuestion, confidence: float) -> Answer:
    answer = best_answer(best.question)
    assert answer is not None
    q = best.question
    return Answer(answer=answer.text, source=answer.source, confidence=confidence, matched_question=q.text,
                  answer_id=answer.id, question_id=q.id, product_scoped=q.product_id is not None,
                  product_external_id=q.product_external_id, nearest_question=q.text)


def decide(config: QAConfig, ranked: list[ScoredQuestion], confidence: float, sentence: SentenceHit | None,
           scope: ProductScope | None) -> Answer:
    """The product's own Q&A when it is confident, then the product's description, then the shop-wide Q&A;
    otherwise "I don't know" (with the nearest question for a "did you mean" button).

    When both the product's own entry and a sentence of its description qualify, a sentence that matches
    clearly better (by ``description_override_margin``) wins: the confidence leans on "a product with Q&A is
    usually asked about that Q&A", so a mug's only entry (its capacity) would otherwise also answer "is it
    microwave safe?", which its description answers."""
    top = ranked[0] if ranked else None
    confident = top is not None and confidence >= config.threshold
    described = sentence is not None and sentence.score >= config.description_threshold
    overridden = described and sentence is not None and top is not None \
        and sentence.score > top.match + config.description_override_margin
    if confident and scope is not None and top is not None and top.question.product_id == scope.product_id \
            and not overridden:
        return _from_question(top, confidence)
    if described and sentence is not None:
        assert scope is not None
        return Answer(answer=sentence.sentence, source=AnswerSource.PRODUCT_DESCRIPTION,
                      confidence=sentence.score, matched_question=None, product_scoped=True,
                      product_external_id=scope.external_id or None)
    if confident and top is not None:
        return _from_question(top, confidence)
    return Answer(answer=None, source=None, confidence=confidence, matched_question=None,
                  nearest_question=top.question.text if top else None)


class QAService:
    """Long-lived: ``await start()`` once (loads the model and the KB), then ``ask`` many times."""

    def __init__(self, uow_factory: UnitOfWorkFactory, encoder: Encoder, *, config: QAConfig = DEFAULT_CONFIG,
                 tokenizer: Tokenizer = qa_tokenize) -> None:
        self.uow_factory = uow_factory
        self.config = config
        self.encoder = encoder
        # Shopper questions are one-off texts: encode them with the model itself, not through the cache.
        self.query_encoder = unwrap(encoder)
        self.tokenizer = tokenizer
        self.index = QAIndex(encoder, tokenizer)
        self.descriptions = DescriptionIndex(encoder, tokenizer)
        self._dirty: set[int] = set()
        self._scopes = ScopeCache()
        self._lock = asyncio.Lock()
        self._started = False
        self._subscribed = False

    @classmethod
    def from_settings(cls, uow_factory: UnitOfWorkFactory, embedding_model: str, index_dir: Path,
                      config: QAConfig = DEFAULT_CONFIG) -> QAService:
        return cls(uow_factory, load_encoder(embedding_model, index_dir / "embeddings"), config=config)

    @property
    def started(self) -> bool:
        return self._started

    async def start(self) -> None:
        """Load the model, subscribe to KB changes, then read and index the whole knowledge base."""
        from knowledge.text.tokenize import warm_up as warm_tokenizer

        await asyncio.to_thread(warm_up, self.encoder)
        await asyncio.to_thread(warm_tokenizer)
        if not self._subscribed:
            self.uow_factory.subscribe(self._on_commit)
            self._subscribed = True
        self._dirty.clear()  # before reading: a change committed meanwhile is re-read on the next ask
        async with self.uow_factory() as uow:
            records = await load_questions(uow)
        await asyncio.to_thread(self.index.upsert, records)
        self._started = True

    async def stop(self) -> None:
        self._started = False

    def _on_commit(self, events: list[Any]) -> None:
        for event in events:
            if isinstance(event, KnowledgeChanged):
                self._dirty.add(event.question_id)
            elif isinstance(event, ProductChanged):
                self._scopes.forget_product(event.product_id)

    async def refresh(self) -> None:
        """Re-read questions changed since the last call (runs before every ``ask``)."""
        if not self._dirty:
            return
        async with self._lock:
            ids, self._dirty = sorted(self._dirty), set()
            if not ids:
                return
            async with self.uow_factory() as uow:
                records = await load_questions(uow, ids)
            found = {r.id for r in records}
            self.index.remove([i for i in ids if i not in found])
            await asyncio.to_thread(self.index.upsert, records)

    async def encode_query(self, text: str) -> Vectors:
        vectors = await encode_async(self.query_encoder, [text])
        vector: Vectors = vectors[0]
        return vector

    async def scope_for(self, product_key: str) -> ProductScope:
        """Resolve a product id or SKU, and prepare its description sentences (cached: ``ScopeCache``)."""
        cached = self._scopes.get(product_key)
        if cached is not None and cached.product_id in self.descriptions:
            return cached
        async with self.uow_factory() as uow:
            try:
                scope = await resolve_scope(uow, product_key)
                product = await get_product(uow, scope.product_id)
            except NotFound:
                raise UnknownProduct(product_key) from None
        await asyncio.to_thread(self.descriptions.prepare, scope.product_id, product.description)
        self._scopes.put(product_key, scope)
        return scope

    async def ask(self, question: str, *, product_external_id: str | None = None,
                  query_vector: Vectors | None = None) -> Answer:
        """Answer ``question``; ``product_external_id`` (or a SKU) scopes it to the product in view, and
        ``query_vector`` skips encoding when the caller already has the message's embedding."""
        if not self._started:
            raise QANotStarted()
        text = " ".join(question.split())
        if not text:
            return Answer(answer=None, source=None, confidence=0.0, matched_question=None)
        await self.refresh()
        scope = await self.scope_for(product_external_id) if product_external_id else None
        vector = query_vector if query_vector is not None else await self.encode_query(text)
        tokens = self.tokenizer(text)
        product_id = scope.product_id if scope else None
        ranked, confidence = rank(self.index, self.config, vector, tokens, product_id, detect_language(text))
        sentence = self.descriptions.best(product_id, self.config, vector, tokens) if product_id else None
        return decide(self.config, ranked, confidence, sentence, scope)
