"""Reading the catalog as views: one product, one variant by SKU, or pages of products for the search index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.catalog.views import ProductView, VariantView
from store.errors import NotFound
from store.models.catalog import Category, Product, Variant
from store.money import Money
from store.uow import UnitOfWork

__all__ = ["list_brands", "get_product", "get_products", "get_variant_by_sku", "list_products", "load_variant_views",
           "products_by_refs"]


# The columns a ProductView / VariantView is made of. WHY rows and not ORM entities: these reads run for every
# result card and cart line, and loading Product/Variant/Category entities (identity map, instance state, a
# selectin load and a joined load) cost more CPU than the rest of the read; rows of plain columns build the same
# views, and one builder for each view keeps every read consistent.
_PRODUCT_COLUMNS = (Product.id, Product.external_id, Product.title, Product.title_zh, Product.description,
                    Product.brand, Category.path, Product.attributes, Product.image_url, Product.rating_tenths,
                    Product.sales_count, Product.is_digital, Product.is_active)
_VARIANT_COLUMNS = (Variant.product_id, Variant.id, Variant.sku, Variant.price_minor, Variant.currency, Variant.stock,
                    Variant.attributes, Variant.is_active)
# What a VariantView needs of its product, labelled so that a joined row reads like a product row.
_VARIANT_PRODUCT_COLUMNS = (Product.external_id.label("p_external_id"), Product.title.label("p_title"),
                            Product.image_url.label("p_image_url"), Product.is_digital.label("p_is_digital"),
                            Product.is_active.label("p_is_active"), Product.title_zh.label("p_title_zh"))


def _variant_view(v: Row[Any], *, external_id: str, title: str, image_url: str | None, is_digital: bool,
                  product_active: bool, title_zh: str | None) -> VariantView:
    return VariantView(
        id=v.id, sku=v.sku, price=Money(v.price_minor, v.currency), stock=v.stock,
        attributes=dict(v.attributes or {}), is_active=v.is_active and product_active, product_id=v.product_id,
        product_external_id=external_id, product_title=title, image_url=image_url, is_digital=is_digital,
        product_title_zh=title_zh)


def _joined_variant_view(row: Row[Any]) -> VariantView:
    return _variant_view(row, external_id=row.p_external_id, title=row.p_title, image_url=row.p_image_url,
                         is_digital=row.p_is_digital, product_active=row.p_is_active, title_zh=row.p_title_zh)


def _product_view(p: Row[Any], variants: list[Row[Any]]) -> ProductView:
    return ProductView(
        id=p.id, external_id=p.external_id, title=p.title, title_zh=p.title_zh, description=p.description,
        brand=p.brand, category_path=p.path, attributes=dict(p.attributes or {}), image_url=p.image_url,
        rating_tenths=p.rating_tenths, sales_count=p.sales_count, is_digital=p.is_digital, is_active=p.is_active,
        variants=tuple(_variant_view(v, external_id=p.external_id, title=p.title, image_url=p.image_url,
                                     is_digital=p.is_digital, product_active=p.is_active, title_zh=p.title_zh)
                      for v in variants),
    )


def _products_select() -> Select[Any]:
    return select(*_PRODUCT_COLUMNS).outerjoin(Category, Product.category_id == Category.id).order_by(Product.id)


# WHY statements built once, with bound parameters: these reads run for every card, cart line and reference of
# every message, and building a statement (coercing each column and comparison, then computing its cache key)
# cost as much CPU as running it; a module-level statement is built once and its cache key is memoised, so each
# call only binds its values (bench: get_products of 4 products ~2.1 -> ~1.5 ms CPU).
_PRODUCTS_BY_IDS = _products_select().where(Product.id.in_(bindparam("ids", expanding=True)))
_PRODUCT_BY_EXTERNAL_ID = _products_select().where(Product.external_id == bindparam("external_id"))
_PRODUCTS_BY_IDS_OR_NAMES = _products_select().where(or_(Product.id.in_(bindparam("ids", expanding=True)),
                                                         Product.external_id.in_(bindparam("names", expanding=True))))
_VARIANTS_OF = (select(*_VARIANT_COLUMNS).where(Variant.product_id.in_(bindparam("product_ids", expanding=True)))
                .order_by(Variant.id))
_VARIANT_OWNERS = select(Variant.id, Variant.sku, Variant.product_id).where(
    or_(Variant.sku.in_(bindparam("skus", expanding=True)), Variant.id.in_(bindparam("ids", expanding=True))))
_JOINED_VARIANTS = select(*_VARIANT_COLUMNS, *_VARIANT_PRODUCT_COLUMNS).join(Product, Variant.product_id == Product.id)
_VARIANT_BY_SKU = _JOINED_VARIANTS.where(Variant.sku == bindparam("sku"))
_VARIANTS_BY_IDS = _JOINED_VARIANTS.where(Variant.id.in_(bindparam("ids", expanding=True)))


async def _views(session: AsyncSession, query: Select[Any], params: dict[str, Any]) -> list[ProductView]:
    """The products ``query`` selects (with ``params`` bound) as views in id order, in two statements (products
    with their category, then their variants)."""
    products = (await session.execute(query, params)).all()
    if not products:
        return []
    variants: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in (await session.execute(_VARIANTS_OF, {"product_ids": [p.id for p in products]})).all():
        variants[row.product_id].append(row)
    return [_product_view(p, variants[p.id]) for p in products]


async def _views_where(session: AsyncSession, condition: ColumnElement[bool], *, limit: int | None = None
                       ) -> list[ProductView]:
    """Products matching ``condition`` as views in id order (the paged and rarer reads)."""
    query = _products_select().where(condition)
    if limit is not None:
        query = query.limit(limit)
    return await _views(session, query, {})


async def get_product(uow: UnitOfWork, key: str | int) -> ProductView:
    """By database id (int) or the shop's product id (str); deleted products are returned with is_active False."""
    found = (await _views(uow.session, _PRODUCTS_BY_IDS, {"ids": [key]}) if isinstance(key, int)
             else await _views(uow.session, _PRODUCT_BY_EXTERNAL_ID, {"external_id": key}))
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
    by_id = {view.id: view for view in await _views(uow.session, _PRODUCTS_BY_IDS, {"ids": wanted})}
    return [by_id[pid] for pid in wanted if pid in by_id]


async def products_by_refs(uow: UnitOfWork, refs: Sequence[str]) -> dict[str, ProductView]:
    """The products several references name, each a variant's SKU, ``v.<variant id>`` or a product's own id
    (a SKU wins, as a single lookup reads it), in three statements whatever their number; references that name
    nothing are left out. WHY: the dialogue looks up every product on screen and seen earlier (up to ~28) for
    one message, and two statements per reference made that the costliest read of a turn."""
    wanted = list(dict.fromkeys(r.strip() for r in refs if r.strip()))
    if not wanted:
        return {}
    ids = [int(r[2:]) for r in wanted if r.startswith("v.") and r[2:].isdigit()]
    rows = (await uow.session.execute(_VARIANT_OWNERS, {"skus": wanted, "ids": ids})).all()
    owner = {row.sku: row.product_id for row in rows} | {f"v.{row.id}": row.product_id for row in rows
                                                        if f"v.{row.id}" in wanted}
    names = [r for r in wanted if r not in owner]
    views = await _views(uow.session, _PRODUCTS_BY_IDS_OR_NAMES, {"ids": sorted(set(owner.values())), "names": names})
    by_id, by_name = {v.id: v for v in views}, {v.external_id: v for v in views}
    found = {r: by_id.get(owner[r]) if r in owner else by_name.get(r) for r in wanted}
    return {r: view for r, view in found.items() if view is not None}


async def get_variant_by_sku(uow: UnitOfWork, sku: str) -> VariantView:
    row = (await uow.session.execute(_VARIANT_BY_SKU, {"sku": sku.strip()})).first()
    if row is None:
        raise NotFound("variant", sku)
    return _joined_variant_view(row)


async def load_variant_views(session: AsyncSession, variant_ids: list[int]) -> dict[int, VariantView]:
    if not variant_ids:
        return {}
    rows = await session.execute(_VARIANTS_BY_IDS, {"ids": variant_ids})
    return {row.id: _joined_variant_view(row) for row in rows}


async def list_products(
    uow: UnitOfWork, after_id: int = 0, limit: int = 500, *, include_inactive: bool = False
) -> list[ProductView]:
    """Products with id > after_id in id order (keyset paging for indexing and export)."""
    condition = Product.id > after_id
    if not include_inactive:
        condition = condition & Product.is_active.is_(True)
    return await _views_where(uow.session, condition, limit=limit)


async def list_brands(uow: UnitOfWork) -> list[str]:
    """Distinct brands of active products (the NLU recognises them in messages)."""
    rows = await uow.session.execute(
        select(Product.brand).where(Product.is_active.is_(True), Product.brand.is_not(None)).distinct()
    )
    return sorted(b for (b,) in rows if b)
