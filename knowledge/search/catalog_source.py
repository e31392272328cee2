"""Reads products from the store for indexing, as ``ProductDoc`` snapshots.

Uses the catalog's public read side (``store.catalog.queries``): ``list_products`` (keyset paging, active
products only -- so a full rebuild streams in pages and an inactive product is simply absent) and
``get_products`` for a batch of changed ids, read with one ``IN`` query per page instead of one query per
product (an import of 100k rows produces 100k change events).
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.search.documents import ProductDoc, VariantDoc
from store.catalog.queries import get_products, list_products
from store.catalog.views import ProductView
from store.uow import UnitOfWork

__all__ = ["load_page", "load_by_ids", "doc_from_view", "PAGE_SIZE"]

PAGE_SIZE = 1000


def doc_from_view(view: ProductView) -> ProductDoc:
    return ProductDoc(
        product_id=view.id, external_id=view.external_id, title=view.title, title_zh=view.title_zh,
        description=view.description or "", brand=view.brand, category_path=view.category_path,
        attributes=dict(view.attributes), rating_tenths=view.rating_tenths, sales_count=view.sales_count,
        is_digital=view.is_digital, is_active=view.is_active, image_url=view.image_url,
        variants=tuple(
            VariantDoc(sku=v.sku, price_minor=v.price.amount, currency=v.price.currency, stock=v.stock,
                       is_active=v.is_active, attributes=dict(v.attributes))
            for v in view.variants
        ),
    )


async def load_page(uow: UnitOfWork, after_id: int, limit: int = PAGE_SIZE) -> list[ProductDoc]:
    """Up to ``limit`` active products with ``id > after_id``, in id order."""
    return [doc_from_view(v) for v in await list_products(uow, after_id, limit)]


async def load_by_ids(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, ProductDoc]:
    """The products that still exist among ``ids`` (inactive ones included, missing ones absent)."""
    wanted = sorted(set(ids))
    found: dict[int, ProductDoc] = {}
    for start in range(0, len(wanted), PAGE_SIZE):
        for view in await get_products(uow, wanted[start:start + PAGE_SIZE]):
            found[view.id] = doc_from_view(view)
    return found
