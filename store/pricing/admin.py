"""Creating promotions (coupons, full-reduction offers, flash sales): used by the demo loader, tests and
admin tools. Each validates its input so a bad promotion fails when it is made, not when a shopper hits it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from store.errors import NotFound, ValidationFailed
from store.models.catalog import Category, Product, Variant
from store.models.pricing import Coupon, CouponKind, CouponScope, Offer, OfferTier
from store.models.promotions import FlashSale
from store.money import Money
from store.pricing.loaders import normalize_code

__all__ = ["CouponSpec", "save_coupon", "save_offer", "save_flash_sale"]


@dataclass(frozen=True)
class CouponSpec:
    code: str
    kind: CouponKind
    percent_off: int | None = None
    amount_off: Money | None = None
    min_spend: Money | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    max_uses: int | None = None
    per_user_limit: int | None = None
    category_path: str | None = None
    product_external_id: str | None = None
    description: str = ""


def _check_coupon(spec: CouponSpec) -> str | None:
    code = normalize_code(spec.code)
    if not code or len(code) > 40 or any(c.isspace() for c in code):
        raise ValidationFailed(f"coupon code {spec.code!r} must be 1-40 characters without spaces")
    if spec.kind is CouponKind.PERCENT and not (spec.percent_off and 0 < spec.percent_off <= 100):
        raise ValidationFailed(f"{code}: a percent coupon needs percent_off from 1 to 100")
    if spec.kind is CouponKind.FIXED and not (spec.amount_off and spec.amount_off.amount > 0):
        raise ValidationFailed(f"{code}: a fixed coupon needs a positive amount_off")
    currencies = {m.currency for m in (spec.amount_off, spec.min_spend) if m is not None}
    if len(currencies) > 1:
        raise ValidationFailed(f"{code}: amount_off and min_spend must be in one currency")
    if spec.starts_at and spec.ends_at and spec.ends_at <= spec.starts_at:
        raise ValidationFailed(f"{code}: ends_at must be after starts_at")
    for name in ("max_uses", "per_user_limit"):
        value = getattr(spec, name)
        if value is not None and value < 1:
            raise ValidationFailed(f"{code}: {name} must be at least 1")
    return next(iter(currencies), None)


async def save_coupon(session: AsyncSession, spec: CouponSpec) -> int:
    """Create or update the coupon ``spec.code`` (its use count is kept); returns its id."""
    currency = _check_coupon(spec)
    code = normalize_code(spec.code)
    scope, category_id, product_id = CouponScope.ORDER, None, None
    if spec.category_path:
        category_id = await session.scalar(select(Category.id).where(Category.path == spec.category_path))
        if category_id is None:
            raise NotFound("category", spec.category_path)
        scope = CouponScope.CATEGORY
    elif spec.product_external_id:
        product_id = await session.scalar(select(Product.id).where(Product.external_id == spec.product_external_id))
        if product_id is None:
            raise NotFound("product", spec.product_external_id)
        scope = CouponScope.PRODUCT
    coupon = await session.scalar(select(Coupon).where(Coupon.code == code))
    if coupon is None:
        coupon = Coupon(code=code, used_count=0)
        session.add(coupon)
    coupon.kind, coupon.percent_off, coupon.currency = spec.kind, spec.percent_off, currency
    coupon.amount_off_minor = spec.amount_off.amount if spec.amount_off else None
    coupon.min_spend_minor = spec.min_spend.amount if spec.min_spend else 0
    coupon.starts_at, coupon.ends_at = spec.starts_at, spec.ends_at
    coupon.max_uses, coupon.per_user_limit = spec.max_uses, spec.per_user_limit
    coupon.scope, coupon.scope_category_id, coupon.scope_product_id = scope, category_id, product_id
    coupon.description, coupon.is_active = spec.description, True
    await session.flush()
    return coupon.id


async def save_offer(session: AsyncSession, name: str, tiers: Sequence[tuple[Money, Money]], *,
                     starts_at: datetime | None = None, ends_at: datetime | None = None,
                     name_zh: str | None = None) -> int:
    """Create or replace the offer ``name`` with (threshold, saving) tiers in one currency; returns its id.

    The name is shown for whichever tier applies, so a tiered offer needs a name that fits every tier
    ("Spend more, save more", not "Spend $200, save $30"); the cart and receipts name the tier reached.
    """
    if not tiers:
        raise ValidationFailed(f"offer {name!r} needs at least one tier")
    currencies = {m.currency for tier in tiers for m in tier}
    if len(currencies) != 1:
        raise ValidationFailed(f"offer {name!r}: all tiers must be in one currency")
    for threshold, saving in tiers:
        if not 0 < saving.amount <= threshold.amount:
            raise ValidationFailed(f"offer {name!r}: a saving must be positive and at most its threshold")
    if len({t.amount for t, _ in tiers}) != len(tiers):
        raise ValidationFailed(f"offer {name!r}: two tiers have the same threshold")
    offer = await session.scalar(select(Offer).where(Offer.name == name).options(selectinload(Offer.tiers)))
    if offer is None:
        offer = Offer(name=name)
        session.add(offer)
    offer.currency, offer.starts_at, offer.ends_at, offer.is_active = currencies.pop(), starts_at, ends_at, True
    offer.name_zh = name_zh
    offer.tiers = [OfferTier(threshold_minor=t.amount, discount_minor=s.amount) for t, s in tiers]
    await session.flush()
    return offer.id


async def save_flash_sale(session: AsyncSession, *, title: str, sku: str, price: Money, quantity: int,
                          starts_at: datetime, ends_at: datetime, per_user_limit: int = 1,
                          group_chat_id: int | None = None, title_zh: str | None = None) -> int:
    """Create or reset the flash sale ``title`` on ``sku`` (window and units start afresh); returns its id.
    ``title_zh`` names it for Chinese shoppers (kept when not given)."""
    variant = await session.scalar(select(Variant).where(Variant.sku == sku))
    if variant is None:
        raise NotFound("variant", sku)
    if price.currency != variant.currency or not 0 <= price.amount < variant.price_minor:
        raise ValidationFailed(f"flash sale {title!r}: the price must be below {sku}'s price, in {variant.currency}")
    if quantity < 1 or per_user_limit < 1 or ends_at <= starts_at:
        raise ValidationFailed(f"flash sale {title!r}: needs quantity >= 1, per_user_limit >= 1, a valid window")
    sale = await session.scalar(select(FlashSale).where(FlashSale.title == title, FlashSale.variant_id == variant.id))
    if sale is None:
        sale = FlashSale(title=title, variant_id=variant.id)
        session.add(sale)
    sale.price_minor, sale.currency = price.amount, price.currency
    sale.quantity_total = sale.quantity_remaining = quantity
    sale.per_user_limit, sale.starts_at, sale.ends_at = per_user_limit, starts_at, ends_at
    sale.group_chat_id, sale.is_active = group_chat_id, True
    if title_zh:
        sale.title_zh = title_zh
    await session.flush()
    return sale.id
