"""Item names on summaries, orders, receipts and invoices in the shopper's language, with the option bought.

WHY: an order line keeps the English product title it was sold under (the store's record); a Chinese shopper
should read the Chinese title, and everyone should see which option (colour, size) they bought, as the cart
shows it. Only the display copy changes; the order itself is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.core.services import Services
from bot.core.skills.shopping.products import active_variants, display_title, variant_label
from store.catalog.queries import get_product, load_variant_views
from store.catalog.views import ProductView
from store.errors import NotFound
from store.orders.views import OrderView
from store.pricing.breakdown import PriceBreakdown

__all__ = ["localize_order", "localize_breakdown", "item_names"]


async def item_names(services: Services, variant_ids: Iterable[int | None], lang: str) -> dict[int, str]:
    """variant id -> "title (option)" for the variants that still exist."""
    ids = sorted({v for v in variant_ids if v is not None})
    if not ids:
        return {}
    names: dict[int, str] = {}
    async with services.uows() as uow:
        variants = await load_variant_views(uow.session, ids)
        products: dict[int, ProductView] = {}
        for vid, variant in variants.items():
            if variant.product_id not in products:
                try:
                    products[variant.product_id] = await get_product(uow, variant.product_id)
                except NotFound:
                    continue
            product = products[variant.product_id]
            # The option is named as the cart names it: only when the product comes in several.
            option = variant_label(variant, lang) if len(active_variants(product)) > 1 else ""
            names[vid] = display_title(product, lang) + (f" ({option})" if option else "")
    return names


async def localize_order(order: OrderView, services: Services, lang: str) -> OrderView:
    names = await item_names(services, (line.variant_id for line in order.lines), lang)
    if not names:
        return order
    lines = tuple(replace(line, title=names.get(line.variant_id, line.title)) if line.variant_id is not None
                  else line for line in order.lines)
    return replace(order, lines=lines)


async def localize_breakdown(price: PriceBreakdown, services: Services, lang: str) -> PriceBreakdown:
    names = await item_names(services, (line.variant_id for line in price.lines), lang)
    if not names:
        return price
    return replace(price, lines=tuple(replace(line, title=names.get(line.variant_id, line.title))
                                      for line in price.lines))
