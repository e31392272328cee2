"""Load the demo shop into a store: the demo catalog (only when it changed) and the demo promotions.

Idempotent and quick the second time: the catalog is re-imported only if the store has no products or the
last "demo" import had a different file hash; a promotion that already exists is left alone (its use counts
and claimed units are real data), except a flash sale that has ended or sold out, which is moved to a fresh
window relative to now so a demo always has a sale running. Promotions name real demo SKUs; one whose SKU is
missing is skipped and reported, never invented.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.catalog.importer import ImportProgress, file_sha256, import_catalog
from store.demo.errors import DemoCatalogError
from store.errors import NotFound
from store.models.catalog import Product, Variant
from store.models.catalog_imports import CatalogImport
from store.models.pricing import Coupon, CouponKind, Offer
from store.models.promotions import FlashSale
from store.money import parse_major
from store.pricing.admin import CouponSpec, save_coupon, save_flash_sale, save_offer
from store.pricing.rules import aware
from store.uow import UnitOfWorkFactory

__all__ = ["CATALOG_FILE", "PROMOTIONS_FILE", "DemoLoadResult", "load_demo", "catalog_is_current"]

CATALOG_FILE = Path(__file__).with_name("catalog.json")
PROMOTIONS_FILE = Path(__file__).with_name("promotions.json")
SOURCE = "demo"


@dataclass
class DemoLoadResult:
    catalog_imported: bool
    rows: int
    products: int
    variants: int
    coupons_created: int = 0
    offers_created: int = 0
    flash_sales_created: int = 0
    flash_sales_renewed: int = 0
    warnings: list[str] = field(default_factory=list)


async def catalog_is_current(uows: UnitOfWorkFactory, catalog_path: Path) -> bool:
    async with uows() as uow:
        products = await uow.session.scalar(select(func.count(Product.id)))
        last = await uow.session.scalar(
            select(CatalogImport.sha256).where(CatalogImport.source == SOURCE)
            .order_by(CatalogImport.id.desc()).limit(1))
    return bool(products) and last == file_sha256(catalog_path)


async def load_demo(
    uows: UnitOfWorkFactory,
    *,
    now: datetime,
    catalog_path: Path = CATALOG_FILE,
    promotions_path: Path = PROMOTIONS_FILE,
    default_currency: str = "USD",
    progress: ImportProgress | None = None,
) -> DemoLoadResult:
    if not catalog_path.exists():
        raise DemoCatalogError(f"{catalog_path} is missing; build it with `python -m store.demo.catalog_builder`")
    imported = False
    rows = 0
    if not await catalog_is_current(uows, catalog_path):
        async with uows() as uow:
            result = await import_catalog(uow, catalog_path, default_currency=default_currency, source=SOURCE,
                                          actor="demo", progress=progress)
        imported, rows = True, result.rows
    async with uows() as uow:
        products = int(await uow.session.scalar(
            select(func.count(Product.id)).where(Product.is_active.is_(True))) or 0)
        variants = int(await uow.session.scalar(select(func.count(Variant.id))) or 0)
    summary = DemoLoadResult(catalog_imported=imported, rows=rows, products=products, variants=variants)
    spec = json.loads(promotions_path.read_text(encoding="utf-8"))
    async with uows() as uow:
        await _coupons(uow.session, spec.get("coupons", []), now, summary, default_currency)
        await _offers(uow.session, spec.get("offers", []), summary)
        await _flash_sales(uow.session, spec.get("flash_sales", []), now, summary)
        await uow.commit()
    return summary


async def _coupons(session: AsyncSession, coupons: list[dict[str, Any]], now: datetime, summary: DemoLoadResult,
                   default_currency: str) -> None:
    for c in coupons:
        if await session.scalar(select(Coupon.id).where(Coupon.code == c["code"].upper())) is not None:
            continue
        currency = str(c.get("currency") or default_currency)
        await save_coupon(session, CouponSpec(
            code=c["code"], kind=CouponKind(c["kind"]), percent_off=c.get("percent_off"),
            amount_off=parse_major(c["amount_off"], currency) if c.get("amount_off") else None,
            min_spend=parse_major(c["min_spend"], currency) if c.get("min_spend") else None,
            ends_at=now + timedelta(days=c["valid_days"]) if c.get("valid_days") else None,
            max_uses=c.get("max_uses"), per_user_limit=c.get("per_user_limit"),
            description=c.get("description", "")))
        summary.coupons_created += 1


async def _offers(session: AsyncSession, offers: list[dict[str, Any]], summary: DemoLoadResult) -> None:
    """Create the offers that do not exist yet. An offer listed with ``formerly`` names renames a store's old
    offer of that name (its tiers stay as they are), so a demo store made before the rename keeps one offer."""
    for o in offers:
        existing = await session.scalar(select(Offer).where(Offer.name == o["name"]))
        if existing is None and o.get("formerly"):
            existing = await session.scalar(select(Offer).where(Offer.name.in_(list(o["formerly"]))))
            if existing is not None:
                existing.name = o["name"]
        if existing is not None:
            if existing.name_zh is None and o.get("name_zh"):
                existing.name_zh = o["name_zh"]
            continue
        tiers = [(parse_major(t, o["currency"]), parse_major(s, o["currency"])) for t, s in o["tiers"]]
        await save_offer(session, o["name"], tiers, name_zh=o.get("name_zh"))
        summary.offers_created += 1


async def _flash_sales(
    session: AsyncSession, sales: list[dict[str, Any]], now: datetime, summary: DemoLoadResult
) -> None:
    for s in sales:
        existing = await session.scalar(
            select(FlashSale).join(Variant, FlashSale.variant_id == Variant.id)
            .where(FlashSale.title == s["title"], Variant.sku == s["sku"]))
        if existing is not None and aware(existing.ends_at) > now and existing.quantity_remaining > 0:
            if existing.title_zh is None and s.get("title_zh"):
                existing.title_zh = s["title_zh"]  # a store loaded before sales had Chinese names
            continue
        starts = now + timedelta(minutes=s.get("starts_in_minutes", 0))
        try:
            await save_flash_sale(
                session, title=s["title"], sku=s["sku"], price=parse_major(s["price"], s["currency"]),
                quantity=s["quantity"], per_user_limit=s.get("per_user_limit", 1), starts_at=starts,
                ends_at=starts + timedelta(minutes=s["duration_minutes"]), group_chat_id=None,
                title_zh=s.get("title_zh"))
        except NotFound:
            summary.warnings.append(f"flash sale {s['title']!r} skipped: SKU {s['sku']} is not in the catalog")
            continue
        if existing is None:
            summary.flash_sales_created += 1
        else:
            summary.flash_sales_renewed += 1
