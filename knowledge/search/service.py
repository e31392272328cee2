"""``ProductSearch``: the product search the bot talks to, with an async lifecycle that follows the store.

* ``start()`` loads the saved index (memory-mapped) or builds it, in a worker thread, then catches up
  with catalog changes made while the bot was down, and subscribes to the store's committed events.
* ``on_store_events`` (a ``UnitOfWorkFactory`` listener) only records product ids and wakes the updater
  task: listeners run inside ``commit()`` and must not block it.
* The updater waits ``debounce`` seconds (50 ms) so an import's burst of events becomes one batch, reads
  those products back through a unit of work, and applies them in a thread: a single change is
  searchable in well under a second (measured in bench/search.py). ``wait_idle()`` lets tests (and a
  CLI import) await that.
* Flash sales are not product events: their windows (running and upcoming) are read into
  ``engine.sale_prices`` at start and again by a search when they are older than ``REFRESH_SECONDS``, so
  a price filter uses the price a shopper would pay now (knowledge/search/sale_prices.py).
* ``search_vector`` takes a vector the caller already computed, so one message is encoded once for NLU,
  search and Q&A.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from knowledge.change_feed import ChangeFeed
from knowledge.encoders.base import Encoder, Vectors, encode_async
from knowledge.encoders.registry import warm_up
from knowledge.search import catalog_source
from knowledge.search.catalog_words import CatalogWords
from knowledge.search.documents import ProductDoc
from knowledge.search.engine import EngineConfig, Progress, SearchEngine
from knowledge.search.errors import SearchNotStarted
from knowledge.search.kind_absent import with_kind_note
from knowledge.search.kind_first import with_kind_first
from knowledge.search.models import SearchQuery, SearchResults
from knowledge.search.persistence import load_engine, reconcile, save_engine
from knowledge.search.sale_prices import REFRESH_SECONDS, SalePrices, SaleWindow
from knowledge.search.zero_results import record_zero_result, with_alternatives
from knowledge.text.tokenize import warm_up as warm_up_tokenizer
from store.catalog.changes import changed_since, latest_change
from store.pricing.listing import current_promotions
from store.uow import UnitOfWorkFactory

__all__ = ["ProductSearch", "index_path"]

log = logging.getLogger(__name__)


def index_path(index_dir: Path) -> Path:
    """Where the product index lives inside ``settings.index_dir`` (the Q&A index has its own folder)."""
    return index_dir / "products"


class ProductSearch:
    def __init__(self, uow_factory: UnitOfWorkFactory, encoder: Encoder, index_dir: Path, *,
                 config: EngineConfig | None = None, debounce: float = 0.05, log_zero_results: bool = True,
                 persist: bool = True, follow_every: float | None = 5.0) -> None:
        self._uows = uow_factory
        self.engine = SearchEngine(encoder, config)
        self.directory = index_path(index_dir)
        self._debounce = debounce
        self._log_zero = log_zero_results
        self._persist = persist
        self._pending: set[int] = set()
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = False
        self.updates_applied = 0
        self._sales_read_at: float | None = None
        self._words = CatalogWords()
        # Changes other processes commit (a second worker, `shopbot catalog import`): knowledge/change_feed.py.
        self._feed = ChangeFeed(uow_factory, latest_change, changed_since, self._from_feed, every=follow_every,
                                name="catalog-change-feed") if follow_every else None
        self.outside_changes = 0  # batches the feed handed over: others (the NLU's vocabulary) re-read after one

    # ---- lifecycle ------------------------------------------------------------------------------
    async def start(self, progress: Progress | None = None) -> None:
        """Load or build the index (in a thread) and start following the store."""
        if self._started:
            return
        self._loop = asyncio.get_running_loop()
        await asyncio.to_thread(warm_up, self.engine.encoder)
        await asyncio.to_thread(warm_up_tokenizer)
        # Subscribe first: a change committed while we load is queued, not lost.
        self._uows.subscribe(self.on_store_events)
        if self._feed is not None:  # and other processes' changes after this moment (knowledge/change_feed.py)
            await self._feed.prime()
        docs = await self._all_docs()
        loaded = self._persist and await asyncio.to_thread(load_engine, self.engine, self.directory)
        if loaded:
            encoded, removed = await asyncio.to_thread(reconcile, self.engine, docs)
            log.info("search index loaded: %d products, %d re-indexed, %d removed",
                     len(self.engine.docs), encoded, removed)
            if encoded or removed:
                await self._save()
        else:
            await asyncio.to_thread(self.engine.build, docs, progress)
            await self._save()
        await asyncio.to_thread(self.engine.warm_up)
        self._words = await asyncio.to_thread(CatalogWords.build, self.engine.docs.values())
        await self.refresh_sale_prices()
        self._task = asyncio.create_task(self._updater(), name="product-search-updater")
        if self._feed is not None:
            await self._feed.start()
        self._started = True

    async def stop(self) -> None:
        if self._feed is not None:
            await self._feed.stop()
        if self._task is not None:
            await self.wait_idle()
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._started:
            await self._save()
        self._started = False

    async def rebuild(self, progress: bool | Progress = False) -> int:
        """Re-index the whole catalog from the store (unchanged texts come from the embedding cache).

        ``progress=True`` shows a rich progress bar; a callable receives ``(done, total)`` instead.
        Searches keep using the old index until the new one is complete.
        """
        docs = await self._all_docs()
        engine = SearchEngine(self.engine.encoder, self.engine.config)
        if progress is True:
            from knowledge.search.progress import encoding_progress

            with encoding_progress() as update:
                await asyncio.to_thread(engine.build, docs, update)
        else:
            await asyncio.to_thread(engine.build, docs, progress or None)
        await asyncio.to_thread(engine.warm_up)
        engine.sale_prices = self.engine.sale_prices
        words = await asyncio.to_thread(CatalogWords.build, engine.docs.values())
        self.engine, self._words = engine, words
        await self._save()
        return len(engine.docs)

    async def _save(self) -> None:
        if self._persist:
            await asyncio.to_thread(save_engine, self.engine, self.directory)

    async def _all_docs(self) -> list[ProductDoc]:
        docs: list[ProductDoc] = []
        after = 0
        while True:
            async with self._uows.read() as uow:
                page = await catalog_source.load_page(uow, after)
            if not page:
                return docs
            docs.extend(page)
            after = page[-1].product_id

    # ---- following the store --------------------------------------------------------------------
    def on_store_events(self, events: Sequence[Any]) -> None:
        """UnitOfWorkFactory listener: note the products that changed; the updater does the work.

        Any event with an integer ``product_id`` counts (``ProductChanged`` and stock/price events alike):
        the product is re-read from the store, so the event's kind does not matter.
        """
        ids = {e.product_id for e in events if isinstance(getattr(e, "product_id", None), int)}
        if not ids:
            return
        loop = self._loop
        if loop is None:
            self._pending.update(ids)
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._enqueue(ids)
        else:
            loop.call_soon_threadsafe(self._enqueue, ids)

    def _from_feed(self, ids: set[int]) -> None:
        self.outside_changes += 1
        self._enqueue(ids)

    def _enqueue(self, ids: set[int]) -> None:
        self._pending.update(ids)
        self._idle.clear()
        self._wake.set()

    async def wait_idle(self) -> None:
        """Return once every change seen so far is searchable."""
        if self._pending:
            self._idle.clear()
            self._wake.set()
        await self._idle.wait()

    async def _updater(self) -> None:
        while True:
            await self._wake.wait()
            await asyncio.sleep(self._debounce)
            self._wake.clear()
            ids, self._pending = self._pending, set()
            try:
                if ids:
                    async with self._uows.read() as uow:
                        found = await catalog_source.load_by_ids(uow, ids)
                    gone = [pid for pid in ids if pid not in found]
                    await asyncio.to_thread(self.engine.apply, list(found.values()), gone)
                    await asyncio.to_thread(self._words.add, found.values())
                    self.updates_applied += len(ids)
                    await asyncio.to_thread(self.engine.maintain)
            except Exception:  # keep following the store; the next change retries these products
                log.exception("search index update failed for %d products", len(ids))
                self._pending.update(ids)
                await asyncio.sleep(1.0)
            if not self._pending:
                self._idle.set()
            else:
                self._wake.set()

    async def refresh_sale_prices(self, now: datetime | None = None) -> None:
        """Read the running and upcoming flash sales (the next day's) into ``engine.sale_prices``.

        A failure keeps the windows read before: a search must not fail because promotions could not be read.
        """
        moment = now or datetime.now(UTC)
        try:
            async with self._uows.read() as uow:
                view = await current_promotions(uow, moment, upcoming_within_days=1)
        except Exception:
            log.exception("could not read flash sales for search prices")
            return
        finally:
            self._sales_read_at = time.monotonic()
        self.engine.sale_prices = SalePrices(
            SaleWindow(s.sku, s.price.amount, s.price.currency, s.starts_at, s.ends_at)
            for s in (*view.running, *view.upcoming))

    async def _fresh_sale_prices(self) -> None:
        if self._sales_read_at is None or time.monotonic() - self._sales_read_at >= REFRESH_SECONDS:
            await self.refresh_sale_prices()

    # ---- searching ------------------------------------------------------------------------------
    def catalog_words(self) -> CatalogWords | None:
        """The words of the catalogue's product names (knowledge/search/catalog_words.py: why), kept current by
        the updater; None before ``start()`` has read the catalogue."""
        return self._words if self._started else None

    async def encode_query(self, text: str) -> Vectors:
        vectors: Vectors = await encode_async(self.engine.query_encoder, [text])
        row: Vectors = vectors[0]
        return row

    async def search(self, query: SearchQuery) -> SearchResults:
        vector = await self.encode_query(query.text) if query.text.strip() else None
        return await self.search_vector(query, vector)

    async def search_vector(self, query: SearchQuery, vector: Vectors | None) -> SearchResults:
        """Search with a precomputed query vector (``None`` for a filter-only browse)."""
        if not self._started:
            raise SearchNotStarted()
        await self._fresh_sale_prices()
        engine = self.engine
        results = await asyncio.to_thread(engine.search_vector, query, vector)
        if results.hits:
            # Whether the kind asked for is absent and these are only the closest products: a note, the
            # hits and their order stay as they are.
            noted = await asyncio.to_thread(with_kind_note, engine, results)
            return await asyncio.to_thread(with_kind_first, engine, noted)
        results = await asyncio.to_thread(with_alternatives, engine, results, vector)
        if self._log_zero and query.text.strip():
            try:
                async with self._uows() as uow:
                    await record_zero_result(uow, results)
            except Exception:  # logging must never cost the shopper an answer
                log.exception("could not record zero-result query")
        return results
