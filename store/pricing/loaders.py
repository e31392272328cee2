"""Read the pricing inputs (lines, flash sales, offers, one coupon) from the database for ``rules.compute``.

The coupon checks that need the database (unknown, used up, the shopper's own limit) happen here; the ones
that need the priced cart (window, minimum spend, scope) happen in ``rules.coupon_discount``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import CartCurrencyMismatch, CartQuantityInvalid, NotFound
from store.models.catalog import Category, Product, Variant
from store.models.pricing import Coupon, CouponRedemption, Offer, OfferTier
from store.models.promotions import FlashSale
from store.money import Money
from store.pricing.errors import CouponPerUserLimitReached, CouponUnknown, CouponUsedUp
from store.pricing.rules import CouponRule, FlashPrice, LineInput, OfferRule

__all__ = ["normalize_code", "load_lines", "load_flash_prices", "load_offers", "load_coupon", "coupon_exists"]


# The statements every cart view runs, built once with bound parameters (see store.catalog.queries for why).
_LINES = (select(Variant.id, Variant.sku, Variant.price_minor, Variant.currency, Product.title, Product.id,
                 Category.path)
          .join(Product, Variant.product_id == Product.id)
          .outerjoin(Category, Product.category_id == Category.id)
          .where(Variant.id.in_(bindparam("variant_ids", expanding=True))))
_FLASH_PRICES = select(
    FlashSale.variant_id, FlashSale.id, FlashSale.title, FlashSale.price_minor, FlashSale.currency,
    FlashSale.quantity_remaining, FlashSale.per_user_limit, FlashSale.title_zh).where(
    FlashSale.variant_id.in_(bindparam("variant_ids", expanding=True)), FlashSale.is_active.is_(True),
    FlashSale.starts_at <= bindparam("now"), FlashSale.ends_at > bindparam("now"), FlashSale.quantity_remaining > 0,
).order_by(FlashSale.price_minor, FlashSale.id)
_OFFERS = (select(Offer.id, Offer.name, Offer.name_zh, OfferTier.threshold_minor, OfferTier.discount_minor)
           .outerjoin(OfferTier, OfferTier.offer_id == Offer.id)
           .where(Offer.is_active.is_(True), Offer.currency == bindparam("currency"),
                  or_(Offer.starts_at.is_(None), Offer.starts_at <= bindparam("now")),
                  or_(Offer.ends_at.is_(None), Offer.ends_at > bindparam("now")))
           .order_by(Offer.id, OfferTier.threshold_minor))


def normalize_code(code: str) -> str:
    return code.strip().upper()


async def load_lines(session: AsyncSession, items: Sequence[tuple[int, int]]) -> tuple[str | None, list[LineInput]]:
    """Merge repeated variants, check quantities and that all lines share one currency."""
    quantities: dict[int, int] = {}
    for variant_id, quantity in items:
        quantities[variant_id] = quantities.get(variant_id, 0) + quantity
    if not quantities:
        return None, []
    # columns, not Variant entities: every cart view and checkout step prices
    rows = await session.execute(_LINES, {"variant_ids": list(quantities)})
    found = {row[0]: row[1:] for row in rows}
    lines: list[LineInput] = []
    currency: str | None = None
    for variant_id, quantity in quantities.items():
        if variant_id not in found:
            raise NotFound("variant", str(variant_id))
        sku, price_minor, variant_currency, title, product_id, path = found[variant_id]
        if quantity < 1:
            raise CartQuantityInvalid(sku, quantity, 10**6)
        if currency is None:
            currency = variant_currency
        elif variant_currency != currency:
            raise CartCurrencyMismatch(sku, currency, variant_currency)
        lines.append(LineInput(variant_id, sku, title, quantity, Money(price_minor, variant_currency),
                               product_id, path))
    return currency, lines


async def load_flash_prices(session: AsyncSession, variant_ids: Sequence[int], now: datetime) -> dict[int, FlashPrice]:
    """The cheapest running flash sale per variant (inside its window, units left, active)."""
    if not variant_ids:
        return {}
    rows = await session.execute(_FLASH_PRICES, {"variant_ids": list(variant_ids), "now": now})
    best: dict[int, FlashPrice] = {}
    for variant_id, sale_id, title, price_minor, currency, remaining, per_user, title_zh in rows:
        if variant_id not in best:
            best[variant_id] = FlashPrice(sale_id, title, Money(price_minor, currency), min(remaining, per_user),
                                          title_zh)
    return best


async def load_offers(session: AsyncSession, currency: str, now: datetime) -> list[OfferRule]:
    """The running offers with their tiers (by threshold), in one statement of columns: every cart view prices its
    offers, and hydrating Offer and OfferTier entities (plus a second statement for the tiers) was the largest part
    of pricing a cart."""
    rows = await session.execute(_OFFERS, {"currency": currency, "now": now})
    offers: dict[int, tuple[str, str | None, list[tuple[Money, Money]]]] = {}
    for offer_id, name, name_zh, threshold, discount in rows:
        tiers = offers.setdefault(offer_id, (name, name_zh, []))[2]
        if threshold is not None:
            tiers.append((Money(threshold, currency), Money(discount, currency)))
    return [OfferRule(oid, name, tuple(tiers), name_zh) for oid, (name, name_zh, tiers) in offers.items()]


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
