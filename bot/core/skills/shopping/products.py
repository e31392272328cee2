"""Loading products for display and the short codes buttons use to name them.

WHY here: every shopping screen (cards, details, cart, deep links) needs the same three things -- the product
as the store sees it now (price, stock), any flash sale running on its variants, and a button-safe way to
name a SKU. Search hits are a ranking snapshot; prices and stock on screen always come from the store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from store.catalog.queries import get_product, get_products, get_variant_by_sku, load_variant_views, products_by_refs
from store.catalog.views import ProductView, VariantView
from store.errors import NotFound
from store.pricing.listing import FlashSaleInfo, running_flash_sales
from store.uow import UnitOfWork, UnitOfWorkFactory

__all__ = ["Shown", "load_shown", "product_named", "sku_arg", "sku_code", "variant_from_arg", "resolve_ref",
           "active_variants", "display_title", "display_description", "variant_label", "LOW_STOCK", "products_named"]

LOW_STOCK = 5  # "only N left" at or below this
# Variant attributes that differ between options without being one a shopper picks: a catalogue's list price
# per storage size made laptop options read "Grey / 1187.99 / 1TB".
NOT_OPTIONS = frozenset({"list_price", "price", "compare_at_price", "msrp", "rating", "sales_count"})
_SAFE = re.compile(r"^[A-Za-z0-9_.\-]{1,30}$")


@dataclass(frozen=True)
class Shown:
    """A product as it is shown: the store's current view plus running flash sales by variant id."""

    product: ProductView
    flash: dict[int, FlashSaleInfo] = field(default_factory=dict)


def active_variants(product: ProductView) -> list[VariantView]:
    return [v for v in product.variants if v.is_active]


def display_title(product: ProductView, lang: str) -> str:
    return product.title_zh if lang == "zh" and product.title_zh else product.title


def display_description(product: ProductView, lang: str) -> str:
    """The Chinese description (attribute ``description_zh``) for a Chinese shopper when there is one."""
    zh = product.attributes.get("description_zh") if lang == "zh" else None
    return zh if isinstance(zh, str) and zh.strip() else product.description


def variant_label(variant: VariantView, lang: str = "en") -> str:
    """"Red / M" ("红色 / M" in Chinese) from the variant's attribute values (the SKU when it has none)."""
    from bot.core.skills.shopping.words import shown_option

    values = [shown_option(k, str(v), lang) for k, v in variant.attributes.items()
              if k not in NOT_OPTIONS and isinstance(v, str | int) and str(v).strip()]
    return " / ".join(values) if values else variant.sku


async def load_shown(uows: UnitOfWorkFactory, product_ids: Sequence[int], now: datetime) -> list[Shown]:
    """Products by database id, in the given order (ones deleted since the search are skipped): every card of
    a reply in one read-only unit of work, the products in one query (plus their variants and flash sales)."""
    async with uows.read() as uow:
        products = [p for p in await get_products(uow, product_ids) if p.is_active]
        flash = await running_flash_sales(uow, [v.id for p in products for v in p.variants], now)
    return [Shown(p, {v.id: flash[v.id] for v in p.variants if v.id in flash}) for p in products]


def sku_code(sku: str, variant_id: int) -> str:
    """A SKU as a button argument; an SKU with characters buttons cannot carry becomes ``v.<variant id>``."""
    return sku if _SAFE.match(sku) and not sku.startswith("v.") else f"v.{variant_id}"


def sku_arg(variant: VariantView) -> str:
    return sku_code(variant.sku, variant.id)


async def variant_from_arg(uow: UnitOfWork, arg: str) -> VariantView:
    if arg.startswith("v.") and arg[2:].isdigit():
        found = await load_variant_views(uow.session, [int(arg[2:])])
        if not found:
            raise NotFound("product", arg)
        return next(iter(found.values()))
    return await get_variant_by_sku(uow, arg)


async def resolve_ref(uow: UnitOfWork, ref: str) -> tuple[ProductView, VariantView | None]:
    """What a reference names: a SKU (product and that variant) or a product id (product, no variant).

    ``state.last_results`` holds product ids and the cart's lines hold SKUs, so both kinds arrive here.
    """
    ref = ref.strip()
    try:
        variant = await variant_from_arg(uow, ref)
    except NotFound:
        product = await get_product(uow, ref)
        return product, None
    return await get_product(uow, variant.product_id), variant


async def products_named(uows: UnitOfWorkFactory, refs: Sequence[str]) -> list[ProductView | None]:
    """The products several references name (the results on screen), position by position (None where one is
    gone, so positions still match "the first one"): one read-only unit of work and three statements for all,
    not two statements each (``products_by_refs``)."""
    async with uows.read() as uow:
        found = await products_by_refs(uow, refs)
    return [found.get(ref.strip()) for ref in refs]


async def product_named(uows: UnitOfWorkFactory, ref: object) -> ProductView | None:
    """The product a reference names (a SKU or product id, as ``resolve_ref``), or None when it names none
    (gone from the catalogue, or not a reference at all), read in its own read-only unit of work."""
    if not isinstance(ref, str) or not ref.strip():
        return None
    async with uows.read() as uow:
        try:
            product, _ = await resolve_ref(uow, ref)
        except NotFound:
            return None
    return product
