"""Catalog commands for one product at a time (admin tools, tests, the demo): upsert, delete, set stock.

Each command runs in the caller's unit of work, emits ``ProductChanged`` and commits. Bulk loading goes
through ``importer.py`` instead, which writes thousands of rows per statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from store.catalog.categories import ensure_category_paths
from store.catalog.events import ProductChanged
from store.catalog.import_rows import normalize_category
from store.catalog.queries import get_product
from store.catalog.views import ProductView
from store.errors import NotFound, ValidationFailed
from store.models.catalog import Product, Variant
from store.money import Money
from store.uow import UnitOfWork

__all__ = ["VariantInput", "ProductInput", "upsert_product", "delete_product", "set_stock"]


@dataclass(frozen=True)
class VariantInput:
    sku: str
    price: Money
    stock: int = 0
    attributes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProductInput:
    external_id: str
    title: str
    variants: Sequence[VariantInput]
    description: str = ""
    category_path: str | None = None
    brand: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)
    image_url: str | None = None
    title_zh: str | None = None
    rating_tenths: int | None = None
    sales_count: int = 0
    is_digital: bool = False


def _check(data: ProductInput) -> None:
    if not data.external_id.strip() or not data.title.strip():
        raise ValidationFailed("a product needs an external_id and a title")
    if not data.variants:
        raise ValidationFailed(f"product {data.external_id!r} needs at least one variant")
    for v in data.variants:
        if not v.sku.strip():
            raise ValidationFailed("a variant needs a sku")
        if v.stock < 0 or v.price.amount < 0:
            raise ValidationFailed(f"variant {v.sku!r}: price and stock must not be negative")
    if data.rating_tenths is not None and not 0 <= data.rating_tenths <= 50:
        raise ValidationFailed("rating_tenths must be from 0 to 50")


async def upsert_product(uow: UnitOfWork, data: ProductInput) -> ProductView:
    """Create or update the product ``external_id`` and the listed variants (by SKU); unlisted variants stay."""
    _check(data)
    session = uow.session
    category_id = None
    if data.category_path:
        path = normalize_category(data.category_path)
        ids, _ = await ensure_category_paths(session, [path])
        category_id = ids[path]
    product = await session.scalar(
        select(Product).where(Product.external_id == data.external_id).options(selectinload(Product.variants)))
    if product is None:
        product = Product(external_id=data.external_id)
        session.add(product)
    product.title, product.title_zh, product.description = data.title, data.title_zh, data.description
    product.brand, product.category_id, product.attributes = data.brand, category_id, dict(data.attributes)
    product.image_url, product.rating_tenths, product.sales_count = (
        data.image_url, data.rating_tenths, data.sales_count)
    product.is_digital, product.is_active = data.is_digital, True
    await session.flush()
    by_sku = {v.sku: v for v in (await session.scalars(
        select(Variant).where(Variant.sku.in_([v.sku for v in data.variants])))).all()}
    for item in data.variants:
        variant = by_sku.get(item.sku)
        if variant is None:
            variant = Variant(sku=item.sku)
            session.add(variant)
        variant.product_id, variant.price_minor, variant.currency = product.id, item.price.amount, item.price.currency
        variant.stock, variant.attributes, variant.is_active = item.stock, dict(item.attributes), True
    await session.flush()
    uow.emit(ProductChanged(product_id=product.id, external_id=product.external_id, kind="upserted"))
    session.expunge_all()
    view = await get_product(uow, product.id)
    await uow.commit()
    return view


async def delete_product(uow: UnitOfWork, external_id: str) -> None:
    """Take a product off sale. Rows stay (orders and carts refer to its variants); it is marked inactive,
    disappears from listings and exports, and a re-import brings it back."""
    product = await uow.session.scalar(select(Product).where(Product.external_id == external_id))
    if product is None:
        raise NotFound("product", external_id)
    product.is_active = False
    await uow.session.execute(update(Variant).where(Variant.product_id == product.id).values(is_active=False))
    uow.emit(ProductChanged(product_id=product.id, external_id=external_id, kind="deleted"))
    await uow.commit()


async def set_stock(uow: UnitOfWork, sku: str, stock: int) -> None:
    """Set a variant's stock (a stock count from the warehouse); emits upserted for its product."""
    if stock < 0:
        raise ValidationFailed(f"stock must not be negative, got {stock}")
    variant = await uow.session.scalar(select(Variant).where(Variant.sku == sku))
    if variant is None:
        raise NotFound("variant", sku)
    variant.stock = stock
    product = await uow.session.get(Product, variant.product_id)
    assert product is not None
    uow.emit(ProductChanged(product_id=product.id, external_id=product.external_id, kind="upserted"))
    await uow.commit()
