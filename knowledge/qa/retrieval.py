"""``QAService``: answer a shopper's question from the community knowledge base, or say it does not know.

Retrieval is hybrid: sentence-embedding cosine against every question, phrasing and answer (the encoder is
multilingual, so a Chinese question finds an English FAQ entry) plus BM25 over question and answer texts
with the jieba/English tokenizer (exact words, product names, codes), combined by a fitted linear ranker
(``ranker.py``). A second small model turns the winner's lead into the probability that it is right; below
the threshold the answer is None and the bot offers to post the question to the community group or staff.
With a product in view, that product's own Q&A and then the sentences of its description come first.

The index follows the knowledge base: the service subscribes to the unit-of-work factory and re-reads each
question named by a committed ``KnowledgeChanged`` event before the next ``ask``; questions other processes
change (a second worker, `shopbot kb import`) are found by polling (knowledge/change_feed.py) and re-read alike.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

from knowledge.change_feed import ChangeFeed
from knowledge.encoders import load_encoder, warm_up
from knowledge.encoders.base import Encoder, Vectors
from knowledge.encoders.cache import unwrap
from knowledge.qa.answer import Answer
from knowledge.qa.config import DEFAULT_CONFIG, QAConfig
from knowledge.qa.decision import PreparedQuery, answer_from, decide, rankings
from knowledge.qa.description import DescriptionIndex
from knowledge.qa.errors import QANotStarted
from knowledge.qa.index import QAIndex, Tokenizer
from knowledge.qa.names import CatalogNames, NamedProduct
from knowledge.qa.places import for_the_place_asked
from knowledge.qa.ranker import Ranking, promoted
from knowledge.qa.regions import whether_it_ships, without_regions
from knowledge.qa.scope import QueryScope, ScopeResolver
from knowledge.qa.scoring import best_answer
from knowledge.qa.tokens import qa_tokenize
from knowledge.qa.verdict import asks_same, covered_share, opens_with_verdict
from knowledge.qa.words import WordVectors
from store.catalog.events import ProductChanged
from store.knowledge_base import load_questions
from store.knowledge_base_records import KnowledgeChanged, ProductScope, detect_language
from store.knowledge_changes import changed_since, latest_change
from store.uow import UnitOfWorkFactory

__all__ = ["QAService"]

# How many runners-up may replace a winner whose yes or no answers another question (``_check_verdict``).
_VERDICT_RUNNERS_UP = 3


class QAService:
    """Long-lived: ``await start()`` once (loads the model and the KB), then ``ask`` many times."""

    def __init__(self, uow_factory: UnitOfWorkFactory, encoder: Encoder, *, config: QAConfig = DEFAULT_CONFIG,
                 tokenizer: Tokenizer = qa_tokenize, follow_every: float | None = 5.0) -> None:
        self.uow_factory = uow_factory
        self.config = config
        self.encoder = encoder
        # Shopper questions are one-off texts: encode them with the model itself, not through the cache.
        self.query_encoder = unwrap(encoder)
        self.tokenizer = tokenizer
        self.words = WordVectors(encoder)
        self.index = QAIndex(encoder, tokenizer, self.words)
        self.descriptions = DescriptionIndex(encoder, tokenizer, self.words)
        self.names = CatalogNames(tokenizer, self.words)
        self.scopes = ScopeResolver(uow_factory, self.descriptions, self.names)
        self._dirty: set[int] = set()
        self._lock = asyncio.Lock()
        self._started = False
        self._subscribed = False
        self._feed = ChangeFeed(uow_factory, latest_change, changed_since, self._from_feed, every=follow_every,
                                name="knowledge-change-feed") if follow_every else None

    @classmethod
    def from_settings(cls, uow_factory: UnitOfWorkFactory, embedding_model: str, index_dir: Path,
                      config: QAConfig = DEFAULT_CONFIG) -> QAService:
        return cls(uow_factory, load_encoder(embedding_model, index_dir / "embeddings"), config=config)

    @property
    def started(self) -> bool:
        return self._started

    async def start(self) -> None:
        """Load the model, subscribe to KB and catalog changes, then read and index the whole knowledge base
        and the catalog's product names."""
        from knowledge.text.tokenize import warm_up as warm_tokenizer

        await asyncio.to_thread(warm_up, self.encoder)
        await asyncio.to_thread(warm_tokenizer)
        if not self._subscribed:
            self.uow_factory.subscribe(self._on_commit)
            self._subscribed = True
        self._dirty.clear()  # before reading: a change committed meanwhile is re-read on the next ask
        if self._feed is not None:
            await self._feed.prime()  # so is one another process commits meanwhile
        async with self.uow_factory() as uow:
            records = await load_questions(uow)
        await asyncio.to_thread(self.index.upsert, records)
        await self.scopes.load_names()
        self.names.reserve(self.index.shop_wide_words())
        if self._feed is not None:
            await self._feed.start()
        self._started = True

    async def stop(self) -> None:
        if self._feed is not None:
            await self._feed.stop()
        self._started = False

    def _from_feed(self, ids: set[int]) -> None:
        self._dirty.update(ids)  # (``refresh`` replaces the set: never bind its ``update``)

    def _on_commit(self, events: list[Any]) -> None:
        for event in events:
            if isinstance(event, KnowledgeChanged):
                self._dirty.add(event.question_id)
            elif isinstance(event, ProductChanged):
                self.scopes.product_changed(event.product_id)

    async def refresh(self) -> None:
        """Re-read questions and product names changed since the last call (runs before every ``ask``)."""
        await self.scopes.refresh_names()
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
            self.names.reserve(self.index.shop_wide_words())

    async def encode_query(self, text: str) -> Vectors:
        vector, _ = await asyncio.to_thread(self._encode, text, [], None, None)
        return vector

    def _encode(self, text: str, tokens: list[str], vector: Vectors | None,
                in_view: ProductScope | None) -> tuple[Vectors, NamedProduct | None]:
        """The question's vector and its words' vectors in one model call (a shop's words repeat, so most
        are known already), and the product it is about: the one in view (only the question's words that
        refer to it are looked up) or one it names. Blocking: runs in a worker thread."""
        missing = self.words.missing(tokens)
        if vector is None:
            encoded = self.query_encoder.encode([text, *missing])
            vector = encoded[0]
            if missing:
                self.words.add(missing, encoded[1:])
        elif missing:
            self.words.add(missing, self.query_encoder.encode(missing))
        if in_view is not None:
            own = self.names.title_tokens(in_view.product_id, tokens)
            return vector, NamedProduct((in_view.product_id,), (in_view.external_id,), frozenset(own))
        return vector, self.names.find(tokens) if tokens else None

    async def scope_for(self, product_key: str) -> ProductScope:
        """Resolve a product id or SKU, and prepare its description sentences (cached)."""
        return await self.scopes.in_view(product_key)

    async def prepare(self, question: str, *, product_external_id: str | None = None,
                      query_vector: Vectors | None = None) -> PreparedQuery:
        """Everything ``ask`` decides on: the question's features against every entry, the product it is
        about (in view, or named in the text when none is in view) and that product's description."""
        text = " ".join(question.split())
        tokens = self.tokenizer(text)
        in_view = await self.scopes.in_view(product_external_id) if product_external_id else None
        vector, named = await asyncio.to_thread(self._encode, text, tokens, query_vector, in_view)
        scope: QueryScope | None = None
        if in_view is not None and named is not None:
            scope = QueryScope((in_view.product_id,), (in_view.external_id,), in_view.variant_id,
                               name_tokens=named.tokens)
        elif named is not None:
            scope = await self.scopes.named(named)
        language = detect_language(text)
        words = self.index.query_words(tokens, scope.name_tokens if scope else frozenset())
        features = self.index.features(vector, tokens, words)
        sentences = None
        if scope is not None:
            sentences = self.descriptions.features(scope.product_ids, vector, tokens, words, language)
        return PreparedQuery(text, language, features, scope, sentences)

    async def ask(self, question: str, *, product_external_id: str | None = None,
                  query_vector: Vectors | None = None) -> Answer:
        """Answer ``question``; ``product_external_id`` (or a SKU) scopes it to the product in view, and
        ``query_vector`` skips encoding when the caller already has the message's embedding."""
        if not self._started:
            raise QANotStarted()
        if not " ".join(question.split()):
            return Answer(answer=None, source=None, confidence=0.0, matched_question=None)
        await self.refresh()
        # "寄到上海运费多少": the fee's entry, not a shopper's story about Shanghai (regions.py)
        # "可以寄到上海吗": whether it delivers to the country at all, not "可以寄到吗" (the PO-box entry's "可以")
        asked = whether_it_ships(question) or without_regions(question)
        if asked != question:
            query_vector = None  # the caller's vector is the message's, place and all
        query = await self.prepare(asked, product_external_id=product_external_id, query_vector=query_vector)
        main, fallback = rankings(self.config, query)
        answer = decide(self.config, query, main, fallback)
        answer = await asyncio.to_thread(self._check_verdict, query, main, answer)
        return for_the_place_asked(question, answer)  # "可以寄到台湾吗": not the mainland's "可以" (places.py)

    def _check_verdict(self, query: PreparedQuery, main: Ranking, answer: Answer) -> Answer:
        """A shop-wide entry's yes or no stands only for its own question (``verdict.py``): otherwise the next
        of the top few shop-wide entries that is the shopper's question answers, if it is itself likely enough
        ("can i use a coupon and the spend and save deal together": "Can I use two coupons on one order?" ->
        "No, …" yields to "Can I combine a coupon with the spend-and-save offer?"), else the answer is marked.
        Blocking: may encode a word."""
        if not answer.answered or answer.product_scoped or answer.question_id is None \
                or not opens_with_verdict(answer.answer or "") or self._asks_same(query, answer.question_id):
            return answer
        if main.top is not None and main.features.records[main.top].id == answer.question_id:
            for position in range(1, min(_VERDICT_RUNNERS_UP + 1, len(main.order))):
                record = main.features.records[main.order[position]]
                if record.product_id is None and best_answer(record) is not None \
                        and self._asks_same(query, record.id):
                    # (the entries before it are dropped too: none is a shop-wide entry asking this question)
                    other = promoted(self.config, main, position, query.language)
                    if other.confidence >= self.config.threshold:
                        return answer_from(other, other.order[0])
                    break
        return replace(answer, same_question=False)

    def _asks_same(self, query: PreparedQuery, question_id: int) -> bool:
        row = next((i for i, r in enumerate(query.features.records) if r.id == question_id), None)
        if row is None:
            return True
        cosine = float(query.features.dense_question[row])
        entry, asked = self.index.question_tokens(question_id), self.tokenizer(query.text)
        return asks_same(cosine, covered_share(entry, asked, self.index.weights, self.words),
                         covered_share(asked, entry, self.index.weights, self.words))
