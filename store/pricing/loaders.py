"""Read the pricing inputs (lines, flash sales, offers, one coupon) from the database for ``rules.compute``.

The coupon checks that need the database (unknown, used up, the shopper's own limit) happen here; the ones
that need the priced cart (window, minimum spend, scope) happen in ``rules.coupon_discount``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from store.errors import CartCurrencyMismatch, CartQuantityInvalid, NotFound
from store.models.catalog import Category, Product, Variant
from store.models.pricing import Coupon, CouponRedemption, Offer
from store.models.promotions import FlashSale
from store.money import Money
from store.pricing.errors import CouponPerUserLimitReached, CouponUnknown, CouponUsedUp
from store.pricing.rules import CouponRule, FlashPrice, LineInput, OfferRule

__all__ = ["normalize_code", "load_lines", "load_flash_prices", "load_offers", "load_coupon", "coupon_exists"]


def normalize_code(code: str) -> str:
    return code.strip().upper()


async def load_lines(session: AsyncSession, items: Sequence[tuple[int, int]]) -> tuple[str | None, list[LineInput]]:
    """Merge repeated variants, check quantities and that all lines share one currency."""
    quantities: dict[int, int] = {}
    for variant_id, quantity in items:
        quantities[variant_id] = quantities.get(variant_id, 0) + quantity
    if not quantities:
        return None, []
    rows = await session.execute(
        select(Variant, Product.title, Product.id, Category.path)
        .join(Product, Variant.product_id == Product.id)
        .outerjoin(Category, Product.category_id == Category.id)
        .where(Variant.id.in_(list(quantities))))
    found = {v.id: (v, title, pid, path) for v, title, pid, path in rows}
    lines: list[LineInput] = []
    currency: str | None = None
    for variant_id, quantity in quantities.items():
        if variant_id not in found:
            raise NotFound("variant", str(variant_id))
        variant, title, product_id, path = found[variant_id]
        if quantity < 1:
            raise CartQuantityInvalid(variant.sku, quantity, 10**6)
        if currency is None:
            currency = variant.currency
        elif variant.currency != currency:
            raise CartCurrencyMismatch(variant.sku, currency, variant.currency)
        lines.append(LineInput(variant_id, variant.sku, title, quantity, Money(variant.price_minor, variant.currency),
                               product_id, path))
    return currency, lines


async def load_flash_prices(session: AsyncSession, variant_ids: Sequence[int], now: datetime) -> dict[int, FlashPrice]:
    """The cheapest running flash sale per variant (inside its window, units left, active)."""
    rows = await session.scalars(
        select(FlashSale).where(
            FlashSale.variant_id.in_(list(variant_ids)), FlashSale.is_active.is_(True),
            FlashSale.starts_at <= now, FlashSale.ends_at > now, FlashSale.quantity_remaining > 0,
        ).order_by(FlashSale.price_minor, FlashSale.id))
    best: dict[int, FlashPrice] = {}
    for sale in rows:
        if sale.variant_id not in best:
            best[sale.variant_id] = FlashPrice(
                sale.id, sale.title, Money(sale.price_minor, sale.currency),
                min(sale.quantity_remaining, sale.per_user_limit), sale.title_zh)
    return best


async def load_offers(session: AsyncSession, currency: str, now: datetime) -> list[OfferRule]:
    rows = await session.scalars(
        select(Offer).where(
            Offer.is_active.is_(True), Offer.currency == currency,
            or_(Offer.starts_at.is_(None), Offer.starts_at <= now), or_(Offer.ends_at.is_(None), Offer.ends_at > now),
        ).options(selectinload(Offer.tiers)).order_by(Offer.id))
    return [
        OfferRule(o.id, o.name, tuple((Money(t.threshold_minor, o.currency), Money(t.discount_minor, o.currency))
                                      for t in o.tiers), o.name_zh)
        for o in rows
    ]


async def coupon_exists(session: AsyncSession, code: str) -> bool:
    """Whether the shop has a coupon of this code (active or not): a word typed after "coupon" that is one."""
    return await session.scalar(select(Coupon.id).where(Coupon.code == normalize_code(code)).limit(1)) is not None


async def load_coupon(session: AsyncSession, code: str, user_id: int) -> CouponRule:
    """The coupon as a rule, after the checks that need the database."""
    code = normalize_code(code)
    coupon = await session.scalar(select(Coupon).where(Coupon.code == code))
    if coupon is None or not coupon.is_active:
        raise CouponUnknown(code)
    if coupon.max_uses is not None and coupon.used_count >= coupon.max_uses:
        raise CouponUsedUp(code)
    if coupon.per_user_limit is not None:
        used = await session.scalar(select(func.count(CouponRedemption.id)).where(
            CouponRedemption.coupon_id == coupon.id, CouponRedemption.user_id == user_id))
        if (used or 0) >= coupon.per_user_limit:
            raise CouponPerUserLimitReached(code, coupon.per_user_limit)
    category_path = None
    if coupon.scope_category_id is not None:
        category_path = await session.scalar(select(Category.path).where(Category.id == coupon.scope_category_id))
    currency = coupon.currency
    return CouponRule(
        code=code, kind=coupon.kind, percent_off=coupon.percent_off,
        amount_off=Money(coupon.amount_off_minor, currency or "") if coupon.amount_off_minor else None,
        min_spend=Money(coupon.min_spend_minor, currency or "") if coupon.min_spend_minor else None,
        starts_at=coupon.starts_at, ends_at=coupon.ends_at, scope=coupon.scope,
        scope_category_path=category_path, scope_product_id=coupon.scope_product_id,
        description=coupon.description,
    )
