"""Reading the catalog as views: one product, one variant by SKU, or pages of products for the search index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from store.catalog.views import ProductView, VariantView
from store.errors import NotFound
from store.models.catalog import Product, Variant
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



async def get_product(uow: UnitOfWork, key: str | int) -> ProductView:
    """By database id (int) or the shop's product id (str); deleted products are returned with is_active False."""
    column = Product.id if isinstance(key, int) else Product.external_id
    product = await uow.session.scalar(
        select(Product).where(column == key).options(selectinload(Product.variants),
                                                     selectinload(Product.category)))
    if product is None:
        raise NotFound("product", str(key))
    return product_view(product)


async def get_products(uow: UnitOfWork, product_ids: Sequence[int]) -> list[ProductView]:
    """Several products by database id in one query (plus one for their variants), in the order asked; ids
    that do not exist are left out (deleted products come back with is_active False). WHY: a search reply
    shows several cards, and a query per card multiplied the statements and the time a transaction stays open."""
    wanted = list(dict.fromkeys(product_ids))
    if not wanted:
        return []
    products = (await uow.session.scalars(
        select(Product).where(Product.id.in_(wanted)).options(selectinload(Product.variants),
                                                              joinedload(Product.category)))).all()
    by_id = {p.id: p for p in products}
    return [product_view(by_id[pid]) for pid in wanted if pid in by_id]


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
