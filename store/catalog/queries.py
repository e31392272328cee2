"""Reading the catalog as views: one product, one variant by SKU, or pages of products for the search index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from store.catalog.views import ProductView, VariantView
from store.errors import NotFound
from store.models.catalog import Category, Product, Variant
from store.money import Money
from store.uow import UnitOfWork

__all__ = ["list_brands", "get_product", "get_products", "get_variant_by_sku", "list_products", "product_view",
           "variant_view", "load_variant_views"]


def variant_view(variant: Variant, product: Product) -> VariantView:
    return VariantView(
        id=variant.id, sku=variant.sku, price=Money(variant.price_minor, variant.currency), stock=variant.stock,
        attributes=dict(variant.attributes or {}), is_active=variant.is_active and product.is_active,
        product_id=product.id, product_external_id=product.external_id, product_title=product.title,
        image_url=product.image_url, is_digital=product.is_digital,
    )


def product_view(product: Product) -> ProductView:
    return ProductView(
        id=product.id, external_id=product.external_id, title=product.title, title_zh=product.title_zh,
        description=product.description, brand=product.brand,
        category_path=product.category.path if product.category else None,
        attributes=dict(product.attributes or {}), image_url=product.image_url,
        rating_tenths=product.rating_tenths, sales_count=product.sales_count, is_digital=product.is_digital,
        is_active=product.is_active, variants=tuple(variant_view(v, product) for v in product.variants),
    )



# The columns a ProductView / VariantView is made of. WHY rows and not ORM entities: these two reads run for
# every result card, and loading Product/Variant/Category entities (identity map, instance state, a selectin
# load and a joined load) cost more CPU than the rest of the read; rows of plain columns build the same views.
_PRODUCT_COLUMNS = (Product.id, Product.external_id, Product.title, Product.title_zh, Product.description,
                    Product.brand, Category.path, Product.attributes, Product.image_url, Product.rating_tenths,
                    Product.sales_count, Product.is_digital, Product.is_active)
_VARIANT_COLUMNS = (Variant.product_id, Variant.id, Variant.sku, Variant.price_minor, Variant.currency, Variant.stock,
                    Variant.attributes, Variant.is_active)


async def _views_where(session: AsyncSession, condition: ColumnElement[bool]) -> list[ProductView]:
    """Products matching ``condition`` as views, in two statements (products with their category, variants)."""
    products = (await session.execute(
        select(*_PRODUCT_COLUMNS).outerjoin(Category, Product.category_id == Category.id).where(condition))).all()
    if not products:
        return []
    variants: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in (await session.execute(select(*_VARIANT_COLUMNS).where(
            Variant.product_id.in_([p.id for p in products])).order_by(Variant.id))).all():
        variants[row.product_id].append(row)
    return [_row_view(p, variants[p.id]) for p in products]


def _row_view(p: Row[Any], variants: list[Row[Any]]) -> ProductView:
    return ProductView(
        id=p.id, external_id=p.external_id, title=p.title, title_zh=p.title_zh, description=p.description,
        brand=p.brand, category_path=p.path, attributes=dict(p.attributes or {}), image_url=p.image_url,
        rating_tenths=p.rating_tenths, sales_count=p.sales_count, is_digital=p.is_digital, is_active=p.is_active,
        variants=tuple(VariantView(
            id=v.id, sku=v.sku, price=Money(v.price_minor, v.currency), stock=v.stock,
            attributes=dict(v.attributes or {}), is_active=v.is_active and p.is_active, product_id=p.id,
            product_external_id=p.external_id, product_title=p.title, image_url=p.image_url,
            is_digital=p.is_digital) for v in variants),
    )


async def get_product(uow: UnitOfWork, key: str | int) -> ProductView:
    """By database id (int) or the shop's product id (str); deleted products are returned with is_active False."""
    column = Product.id if isinstance(key, int) else Product.external_id
    found = await _views_where(uow.session, column == key)
    if not found:
        raise NotFound("product", str(key))
    return found[0]


async def get_products(uow: UnitOfWork, product_ids: Sequence[int]) -> list[ProductView]:
    """Several products by database id in one query (plus one for their variants), in the order asked; ids
    that do not exist are left out (deleted products come back with is_active False). WHY: a search reply
    shows several cards, and a query per card multiplied the statements and the time a transaction stays open."""
    wanted = list(dict.fromkeys(product_ids))
    if not wanted:
        return []
    by_id = {view.id: view for view in await _views_where(uow.session, Product.id.in_(wanted))}
    return [by_id[pid] for pid in wanted if pid in by_id]


async def get_variant_by_sku(uow: UnitOfWork, sku: str) -> VariantView:
    row = await uow.session.execute(
        select(Variant, Product).join(Product, Variant.product_id == Product.id).where(Variant.sku == sku.strip()))
    found = row.first()
    if found is None:
        raise NotFound("variant", sku)
    return variant_view(*found)


async def load_variant_views(session: AsyncSession, variant_ids: list[int]) -> dict[int, VariantView]:
    if not variant_ids:
        return {}
    rows = await session.execute(
        select(Variant, Product).join(Product, Variant.product_id == Product.id)
        .where(Variant.id.in_(variant_ids)))
    return {v.id: variant_view(v, p) for v, p in rows}


async def list_products(
    uow: UnitOfWork, after_id: int = 0, limit: int = 500, *, include_inactive: bool = False
) -> list[ProductView]:
    """Products with id > after_id in id order (keyset paging for indexing and export)."""
    query = (
        select(Product).where(Product.id > after_id).order_by(Product.id).limit(limit)
        .options(selectinload(Product.variants), selectinload(Product.category))
    )
    if not include_inactive:
        query = query.where(Product.is_active.is_(True))
    products = (await uow.session.scalars(query)).all()
    return [product_view(p) for p in products]


async def list_brands(uow: UnitOfWork) -> list[str]:
    """Distinct brands of active products (the NLU recognises them in messages)."""
    rows = await uow.session.execute(
        select(Product.brand).where(Product.is_active.is_(True), Product.brand.is_not(None)).distinct()
    )
    return sorted(b for (b,) in rows if b)
