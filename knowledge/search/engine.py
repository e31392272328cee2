"""The synchronous search core: documents, both indexes, retrieval, fusion, filters and sorting.

``ProductSearch`` (service.py) wraps this with the async lifecycle, the store and the event listener;
the bench drives it directly. All methods are thread-safe enough for one writer thread plus concurrent
readers: each index has its own lock and ``docs`` is only ever updated key by key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from knowledge.encoders.base import Encoder, Vectors
from knowledge.encoders.cache import unwrap
from knowledge.search import bulk
from knowledge.search.brand_asked import brand_note, catalog_brands, coordinated_brands
from knowledge.search.documents import ProductDoc, VariantDoc, keyword_text, semantic_text
from knowledge.search.filters import SearchFilters, matches
from knowledge.search.hybrid import FusedHit
from knowledge.search.keyword import KeywordIndex
from knowledge.search.model_numbers import exact_model, model_lines, narrow_to_model
from knowledge.search.models import SearchHit, SearchQuery, SearchResults
from knowledge.search.preferences import PreferenceReport, Preferences
from knowledge.search.ranking import Ranker
from knowledge.search.relevance import GateConfig
from knowledge.search.sale_prices import SalePrices, to_hit
from knowledge.search.sorting import SortOrder, sort_candidates
from knowledge.search.vector_index import VectorIndex
from knowledge.text import tokenize
from knowledge.text.tokenize import is_code

__all__ = ["EngineConfig", "SearchEngine", "fingerprint", "fingerprint_texts", "indexable", "MIN_COSINE"]

# Below this cosine a vector-only match is noise, not an answer (measured on the demo catalog, see
# docs/search.md): it still serves as a "nearest alternative" but does not count as a result.
MIN_COSINE = {"use-multilingual": 0.22, "minilm": 0.35}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class EngineConfig:
    candidates: int = 100
    min_cosine: float | None = None
    vector_weight: float = 1.0
    keyword_weight: float = 1.0
    # A query that contains a product code trusts exact keyword matches more.
    code_keyword_weight: float = 3.0
    gate: GateConfig = field(default_factory=GateConfig)


def fingerprint(doc: ProductDoc) -> int:
    """Hash of the indexed texts: a product whose texts did not change is not re-encoded."""
    return fingerprint_texts(semantic_text(doc), keyword_text(doc))


def fingerprint_texts(semantic: str, keyword: str) -> int:
    data = f"{semantic}\x1f{keyword}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


def indexable(doc: ProductDoc) -> bool:
    return doc.is_active and bool(doc.active_variants)


class SearchEngine:
    def __init__(self, encoder: Encoder, config: EngineConfig | None = None) -> None:
        self.encoder = encoder
        self.query_encoder = unwrap(encoder)
        cfg = config or EngineConfig()
        if cfg.min_cosine is None:
            cfg = replace(cfg, min_cosine=MIN_COSINE.get(encoder.name, 0.30))
        self.config = cfg
        self.docs: dict[int, ProductDoc] = {}
        self.vectors = VectorIndex(encoder.dim, model=encoder.name)
        self.keywords = KeywordIndex()
        self.fingerprints: dict[int, int] = {}
        self._skus: dict[str, int] = {}
        # Bumped on every change of the documents (caches derived from them compare it).
        self.version = 0
        # Running and upcoming flash sales: price filters and price orders use the price a shopper would
        # pay now (sale_prices.py). Set by ProductSearch from the store; empty = list prices.
        self.sale_prices = SalePrices()
        self.ranker = Ranker(self)
        # The catalog's model lines (model_numbers.py), recomputed when the documents change.
        self._lines: tuple[int, frozenset[str]] | None = None
        # The catalog's brands (brand_asked.py), recomputed when the documents change.
        self._brands: tuple[int, frozenset[str]] | None = None

    # ---- indexing -------------------------------------------------------------------------------
    def encode_documents(self, docs: Sequence[ProductDoc], progress: Progress | None = None) -> Vectors:
        """Vectors of the documents' semantic texts (cache first; worker processes for thousands of them)."""
        vectors, _ = bulk.prepare(self.encoder, [semantic_text(d) for d in docs], [], progress)
        return vectors

    def build(self, docs: Iterable[ProductDoc], progress: Progress | None = None) -> None:
        """Index these documents from scratch (inactive ones are skipped).

        Large catalogs are encoded and tokenised by worker processes (knowledge/search/bulk.py); texts the
        embedding cache knows are not encoded again.
        """
        live = [d for d in docs if indexable(d)]
        semantic = [semantic_text(d) for d in live]
        keyword = [keyword_text(d) for d in live]
        vectors, tokens = bulk.prepare(self.encoder, semantic, keyword, progress)
        self._install(live, vectors, tokens, [fingerprint_texts(s, k) for s, k in zip(semantic, keyword, strict=True)])

    def build_from_vectors(self, live: Sequence[ProductDoc], vectors: Vectors) -> None:
        """Index documents whose vectors are already computed (the benchmark's synthetic catalogs)."""
        self._install(live, vectors, [tokenize(keyword_text(d)) for d in live], [fingerprint(d) for d in live])

    def _install(self, live: Sequence[ProductDoc], vectors: Vectors, tokens: list[list[str]],
                 fingerprints: Sequence[int]) -> None:
        ids = [d.product_id for d in live]
        self.vectors = VectorIndex.build(self.encoder.dim, ids, vectors, model=self.encoder.name)
        self.keywords = KeywordIndex.build(ids, tokens)
        self.docs = {d.product_id: d for d in live}
        self.fingerprints = dict(zip(ids, fingerprints, strict=True))
        self._skus = {sku.lower(): d.product_id for d in live for sku in d.skus}
        self.version += 1

    def apply(self, upserts: Sequence[ProductDoc], removed: Collection[int] = ()) -> int:
        """Apply product changes; returns how many products were (re-)encoded.

        Price/stock-only changes update the stored document without touching the indexes.
        """
        self.version += 1
        gone = set(removed) | {d.product_id for d in upserts if not indexable(d)}
        fresh = [d for d in upserts if indexable(d)]
        changed = [d for d in fresh if self.fingerprints.get(d.product_id) != fingerprint(d)]
        vectors = self.encode_documents(changed) if changed else None
        for pid in gone:
            old = self.docs.pop(pid, None)
            self.fingerprints.pop(pid, None)
            self.keywords.remove(pid)
            if old is not None:
                for sku in old.skus:
                    self._skus.pop(sku.lower(), None)
        if gone:
            self.vectors.remove(gone)
        if vectors is not None:
            self.vectors.upsert([d.product_id for d in changed], vectors)
            for doc in changed:
                self.keywords.upsert(doc.product_id, tokenize(keyword_text(doc)))
                self.fingerprints[doc.product_id] = fingerprint(doc)
        for doc in fresh:
            old = self.docs.get(doc.product_id)
            if old is not None:
                for sku in old.skus:
                    self._skus.pop(sku.lower(), None)
            self.docs[doc.product_id] = doc
            for sku in doc.skus:
                self._skus[sku.lower()] = doc.product_id
        return len(changed)

    def adopt(self, doc: ProductDoc) -> None:
        """Register a document whose vectors are already indexed (after loading a saved index)."""
        self.version += 1
        self.docs[doc.product_id] = doc
        for sku in doc.skus:
            self._skus[sku.lower()] = doc.product_id

    def product_for_sku(self, sku: str) -> ProductDoc | None:
        pid = self._skus.get(sku.strip().lower())
        return self.docs.get(pid) if pid is not None else None

    def maintain(self) -> None:
        """Fold accumulated changes into fresh indexes when they have grown (slow: call from a worker)."""
        if self.vectors.needs_compaction():
            self.vectors.compact()
        if self.keywords.needs_merge():
            self.merge_keywords()

    def merge_keywords(self) -> None:
        docs = list(self.docs.values())
        self.keywords.merge([d.product_id for d in docs], [tokenize(keyword_text(d)) for d in docs])
        self.keywords.warm_up()

    def warm_up(self) -> None:
        """Prepare what the first query would otherwise wait for (the spelling corrector's vocabulary)."""
        self.keywords.warm_up()

    # ---- searching ------------------------------------------------------------------------------
    def price_now(self, variant: VariantDoc) -> int:
        """What a shopper would pay for this variant now (a running flash sale's price, else the list price)."""
        return self.sale_prices.price_now(variant)

    def matches(self, doc: ProductDoc, filters: SearchFilters) -> bool:
        """``filters.matches`` with prices as they are now."""
        return matches(doc, filters, self.price_now if self.sale_prices else None)

    def cheapest_now(self, doc: ProductDoc) -> int | None:
        return self.sale_prices.cheapest_now(doc)

    def encode_query(self, text: str) -> Vectors:
        vectors: Vectors = self.query_encoder.encode([text])
        row: Vectors = vectors[0]
        return row

    def search(self, query: SearchQuery) -> SearchResults:
        return self.search_vector(query, self.encode_query(query.text) if query.text.strip() else None)

    def search_vector(self, query: SearchQuery, vector: Vectors | None) -> SearchResults:
        """Search with a query vector computed elsewhere (the message is encoded once for NLU and search)."""
        if not query.text.strip() or query.filters.tag:  # a tag asked for is a list of that tag (persona.py)
            return self._browse(query)
        need = query.offset + query.limit
        ranked, prefer = self.ranked_for(query, vector, need)
        # A model asked for ("iphone 15 pro"): the exact model, never another number or variant of its line.
        order, missing = narrow_to_model([h.product_id for h in ranked], self.docs, query.text, self.model_lines())
        if order != [h.product_id for h in ranked]:
            position = {pid: i for i, pid in enumerate(order)}
            ranked = sorted((h for h in ranked if h.product_id in position), key=lambda h: position[h.product_id])
        candidates = [(self.docs[h.product_id], h.score) for h in ranked]
        misses = {doc.product_id: prefer.misses(doc) for doc, _ in candidates} if prefer.active else None
        if query.sort is not SortOrder.RELEVANCE:
            misses = self._model_first(candidates, query.text, misses)
        ordered = sort_candidates(candidates, query.sort, query.profile, misses, self.cheapest_now)
        by_id = {h.product_id: h for h in ranked}
        page = ordered[query.offset:need]
        hits = tuple(to_hit(doc, score, by_id[doc.product_id].cosine, by_id[doc.product_id].bm25, self.sale_prices)
                     for doc, score in page)
        # What no product meets; the close shades named are those on the pages up to this one.
        report = prefer.report([doc for doc, _ in ordered], shown=need) if prefer.active and ordered \
            else PreferenceReport()
        asked = [b for b in (prefer.brand or "").split("|") if b.strip()]
        uncarried = coordinated_brands(query.text, asked, self._known_word) if asked else []
        brand = brand_note(prefer.brand, self.brands(), lambda: list(self.docs.values()),
                           [doc for doc, _ in ordered], need, uncarried)
        return SearchResults(query=query, hits=hits, total=len(ranked), unmet=report.unmet,
                             close_colours=report.close_colours, missing_model=missing if hits else None,
                             missing_brand=brand.missing, brand_none_fit=brand.none_fit, brand_first=brand.first,
                             size_met=report.size_met, brands_unmatched=brand.unmatched)

    def _known_word(self, word: str) -> bool:
        """Whether some product uses the word (as the keyword index stems it)."""
        return any(self.keywords.document_frequency(t) > 0 for t in tokenize(word))

    def _model_first(self, candidates: list[tuple[ProductDoc, float]], text: str,
                     misses: dict[int, float] | None) -> dict[int, float] | None:
        """With a sort ("cheapest first"), the products of the model asked for stay ahead of the rest, as in
        relevance order (model_numbers.exact_model): a missed model counts more than every preference."""
        pids = [doc.product_id for doc, _ in candidates]
        exact = exact_model(pids, self.docs, text, self.model_lines())
        if not exact or len(exact) == len(pids):
            return misses
        base = misses or {}
        return {pid: base.get(pid, 0.0) + (0.0 if pid in exact else 100.0) for pid in pids}

    def brands(self) -> frozenset[str]:
        """The catalog's brands (normalised), cached per version."""
        if self._brands is None or self._brands[0] != self.version:
            version = self.version
            self._brands = (version, catalog_brands(list(self.docs.values())))
        return self._brands[1]

    def model_lines(self) -> frozenset[str]:
        """The product lines of the catalog's models ("iphone", "galaxy", "pixel"), cached per version."""
        if self._lines is None or self._lines[0] != self.version:
            version = self.version
            self._lines = (version, model_lines(list(self.docs.values())))
        return self._lines[1]

    def ranked_for(self, query: SearchQuery, vector: Vectors | None, need: int) -> tuple[list[FusedHit], Preferences]:
        """The relevant products for a query that pass its filters, and the preferences to order them by."""
        return self.ranker.ranked(query.text, vector, query.filters, need, product_text=query.product_text,
                                  prefer=query.prefer)

    def code_product(self, token: str) -> int | None:
        """The product a SKU-shaped query token names, if any."""
        return self._skus.get(token) if is_code(token) else None

    def similar(self, product_id: int, k: int) -> list[SearchHit]:
        """The products closest to this one by meaning (its own vector), itself excluded: "more like this"
        when nothing else of its kind passes the relevance cut."""
        if product_id not in self.vectors:
            return []
        vector = self.vectors.vectors_of([product_id])[0]
        return [h for h in self.nearest(vector, k + 1) if h.product_id != product_id][:k]

    def nearest(self, vector: Vectors, k: int) -> list[SearchHit]:
        """The closest products by meaning alone, with no threshold and no filters."""
        return [to_hit(self.docs[pid], cos, cos, None, self.sale_prices)
                for pid, cos in self.vectors.search(vector, k) if pid in self.docs]

    def _browse(self, query: SearchQuery) -> SearchResults:
        """No text: list the products passing the filters, best sellers first unless another order is asked."""
        docs = [d for d in self.docs.values() if self.matches(d, query.filters)]
        docs.sort(key=lambda d: (-d.sales_count, d.product_id))
        order = SortOrder.SALES if query.sort is SortOrder.RELEVANCE else query.sort
        misses = {d.product_id: query.prefer.misses(d) for d in docs} if query.prefer.active else None
        ordered = sort_candidates([(d, 0.0) for d in docs], order, query.profile, misses, self.cheapest_now)
        page = ordered[query.offset:query.offset + query.limit]
        return SearchResults(query=query, hits=tuple(to_hit(d, s, sale_prices=self.sale_prices) for d, s in page),
                             total=len(docs))
