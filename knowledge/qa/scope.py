"""Which product a question is about: the one in view (a SKU or product id from the caller), or one the
question names ("is the bodum mug dishwasher safe?", ``names.py``), with its description and its facts
(title parts, attributes: ``facts.py``) prepared.

The product in view is looked up once per key and kept (``ScopeCache``); names come from an in-memory
catalog lookup loaded at start. A committed ``ProductChanged`` drops the product's cached scope and marks
its name for re-reading before the next question.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from knowledge.qa.description import DescriptionIndex
from knowledge.qa.errors import UnknownProduct
from knowledge.qa.facts import product_facts
from knowledge.qa.names import CatalogNames, NamedProduct, ProductName
from knowledge.qa.scope_cache import ScopeCache
from store.catalog.queries import get_product
from store.errors import NotFound
from store.knowledge_base import resolve_scope
from store.knowledge_base_records import ProductScope
from store.models.catalog import Product
from store.uow import UnitOfWorkFactory

__all__ = ["QueryScope", "ScopeResolver"]


@dataclass(frozen=True)
class QueryScope:
    """The product(s) a question is about. Several only when the question names a product ambiguously
    ("the le creuset mug": two mugs); then only answers true of all of them are given."""

    product_ids: tuple[int, ...]
    external_ids: tuple[str, ...]
    variant_id: int | None = None
    named: bool = False  # named in the question rather than in view
    # Question words that refer to the product itself ("bodum", "mug", 杯子 for a mug in view): they say
    # which product, not what is asked about it, so word coverage leaves them out.
    name_tokens: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def in_view(cls, scope: ProductScope) -> QueryScope:
        return cls((scope.product_id,), (scope.external_id,), scope.variant_id)

    @property
    def external_id(self) -> str | None:
        return self.external_ids[0] if self.external_ids else None


def _description_zh(attributes: Mapping[str, Any]) -> str | None:
    """The catalogue's Chinese description of a product (attribute ``description_zh``), if any."""
    text = attributes.get("description_zh")
    return text if isinstance(text, str) else None


class ScopeResolver:
    def __init__(self, uow_factory: UnitOfWorkFactory, descriptions: DescriptionIndex, names: CatalogNames) -> None:
        self.uow_factory = uow_factory
        self.descriptions = descriptions
        self.names = names
        self.cache = ScopeCache()
        self._by_id = ScopeCache()
        self._changed: set[int] = set()

    async def load_names(self) -> None:
        async with self.uow_factory() as uow:
            rows = await uow.session.execute(
                select(Product.id, Product.external_id, Product.title, Product.title_zh, Product.brand,
                       Product.description).where(Product.is_active.is_(True)))
            self.names.replace_all(ProductName(pid, ext, " ".join(filter(None, (title, title_zh))), brand, text or "")
                                   for pid, ext, title, title_zh, brand, text in rows)
        self._changed.clear()

    def product_changed(self, product_id: int) -> None:
        self.cache.forget_product(product_id)
        self._by_id.forget_product(product_id)
        self._changed.add(product_id)

    async def refresh_names(self) -> None:
        if not self._changed:
            return
        ids, self._changed = sorted(self._changed), set()
        async with self.uow_factory() as uow:
            found = await uow.session.execute(
                select(Product.id, Product.external_id, Product.title, Product.title_zh, Product.brand,
                       Product.description, Product.is_active).where(Product.id.in_(ids)))
            rows = {row[0]: row for row in found}
        for pid in ids:
            row = rows.get(pid)
            if row is None or not row[6]:
                self.names.remove(pid)
            else:
                self.names.upsert(ProductName(pid, row[1], " ".join(filter(None, (row[2], row[3]))), row[4],
                                              row[5] or ""))

    async def in_view(self, product_key: str) -> ProductScope:
        """Resolve a product id or SKU, and prepare its description sentences (cached: ``ScopeCache``)."""
        cached = self.cache.get(product_key)
        if cached is not None and cached.product_id in self.descriptions:
            return cached
        async with self.uow_factory() as uow:
            try:
                scope = await resolve_scope(uow, product_key)
                product = await get_product(uow, scope.product_id)
            except NotFound:
                raise UnknownProduct(product_key) from None
        await asyncio.to_thread(self.descriptions.prepare, scope.product_id, product.description,
                                product_facts(product.title, product.title_zh, product.attributes),
                                _description_zh(product.attributes))
        self.cache.put(product_key, scope)
        return scope

    async def named(self, named: NamedProduct) -> QueryScope | None:
        """The named products with their descriptions prepared (None if they are gone meanwhile)."""
        for pid, ext in zip(named.product_ids, named.external_ids, strict=True):
            key = f"#{pid}"
            if self._by_id.get(key) is not None and pid in self.descriptions:
                continue
            async with self.uow_factory() as uow:
                try:
                    product = await get_product(uow, pid)
                except NotFound:
                    return None
            await asyncio.to_thread(self.descriptions.prepare, pid, product.description,
                                    product_facts(product.title, product.title_zh, product.attributes),
                                    _description_zh(product.attributes))
            self._by_id.put(key, ProductScope(pid, None, ext))
        return QueryScope(named.product_ids, named.external_ids, named=True, name_tokens=named.tokens)
