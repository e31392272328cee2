"""The read side of promotions: what a shopper may be told about right now (coupons, offers, flash sales).

WHY a separate module: pricing (``engine``/``rules``) answers "what does this cart cost"; the dialogue also
needs "what deals exist" and "is this product on a flash sale" without pricing a cart. Views are frozen
dataclasses so the bot never holds ORM rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import selectinload

from store.errors import NotFound
from store.models.catalog import Product, Variant
from store.models.pricing import Coupon, CouponKind, Offer
from store.models.promotions import FlashSale
from store.money import Money
from store.pricing.rules import aware
from store.uow import UnitOfWork

__all__ = ["CouponInfo", "OfferInfo", "FlashSaleInfo", "PromotionsView", "current_promotions",
           "running_flash_sales", "get_flash_sale"]


@dataclass(frozen=True)
class CouponInfo:
    code: str
    kind: CouponKind
    percent_off: int | None
    amount_off: Money | None
    min_spend: Money | None
    ends_at: datetime | None
    uses_left: int | None  # None = unlimited
    description: str


@dataclass(frozen=True)
class OfferInfo:
    id: int
    name: str
    tiers: tuple[tuple[Money, Money], ...]  # (threshold, saving), ascending
    ends_at: datetime | None
    name_zh: str | None = None


@dataclass(frozen=True)
class FlashSaleInfo:
    id: int
    title: str
    sku: str
    variant_id: int
    product_id: int
    product_external_id: str
    product_title: str
    product_title_zh: str | None
    image_url: str | None
    price: Money
    list_price: Money
    quantity_total: int
    quantity_remaining: int
    per_user_limit: int
    starts_at: datetime
    ends_at: datetime
    is_active: bool
    title_zh: str | None = None  # the sale's name for Chinese shoppers

    def running(self, now: datetime) -> bool:
        return (self.is_active and self.quantity_remaining > 0
                and aware(self.starts_at) <= aware(now) < aware(self.ends_at))

    def upcoming(self, now: datetime) -> bool:
        return self.is_active and aware(now) < aware(self.starts_at)


@dataclass(frozen=True)
class PromotionsView:
    coupons: tuple[CouponInfo, ...]
    offers: tuple[OfferInfo, ...]
    running: tuple[FlashSaleInfo, ...]
    upcoming: tuple[FlashSaleInfo, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.coupons or self.offers or self.running or self.upcoming)


def _sale_info(sale: FlashSale, variant: Variant, product: Product) -> FlashSaleInfo:
    return FlashSaleInfo(
        id=sale.id, title=sale.title, sku=variant.sku, variant_id=variant.id, product_id=product.id,
        product_external_id=product.external_id, product_title=product.title, product_title_zh=product.title_zh,
        image_url=product.image_url, price=Money(sale.price_minor, sale.currency),
        list_price=Money(variant.price_minor, variant.currency), quantity_total=sale.quantity_total,
        quantity_remaining=sale.quantity_remaining, per_user_limit=sale.per_user_limit,
        starts_at=aware(sale.starts_at), ends_at=aware(sale.ends_at), is_active=sale.is_active,
        title_zh=sale.title_zh)


def _sales_query() -> Select[FlashSale, Variant, Product]:
    return (select(FlashSale, Variant, Product).join(Variant, FlashSale.variant_id == Variant.id)
            .join(Product, Variant.product_id == Product.id)
            .where(FlashSale.is_active.is_(True), Variant.is_active.is_(True), Product.is_active.is_(True)))


async def current_promotions(uow: UnitOfWork, now: datetime, *, upcoming_within_days: int = 7) -> PromotionsView:
    """Active coupons (in their window, not used up), running offers, running and upcoming flash sales.

    Every active coupon is listed: the store has no "private coupon" flag yet, so a shop that hands out
    personal codes should deactivate them from this list by giving them a start date in the future.
    """
    now = aware(now)
    session = uow.session
    coupons = []
    for c in await session.scalars(select(Coupon).where(
            Coupon.is_active.is_(True), or_(Coupon.starts_at.is_(None), Coupon.starts_at <= now),
            or_(Coupon.ends_at.is_(None), Coupon.ends_at > now)).order_by(Coupon.code)):
        if c.max_uses is not None and c.used_count >= c.max_uses:
            continue
        cur = c.currency
        coupons.append(CouponInfo(
            code=c.code, kind=c.kind, percent_off=c.percent_off,
            amount_off=Money(c.amount_off_minor, cur) if c.amount_off_minor and cur else None,
            min_spend=Money(c.min_spend_minor, cur) if c.min_spend_minor and cur else None,
            ends_at=aware(c.ends_at) if c.ends_at else None,
            uses_left=None if c.max_uses is None else c.max_uses - c.used_count, description=c.description))
    offers = [
        OfferInfo(o.id, o.name, tuple((Money(t.threshold_minor, o.currency), Money(t.discount_minor, o.currency))
                                      for t in o.tiers), aware(o.ends_at) if o.ends_at else None, o.name_zh)
        for o in await session.scalars(select(Offer).where(
            Offer.is_active.is_(True), or_(Offer.starts_at.is_(None), Offer.starts_at <= now),
            or_(Offer.ends_at.is_(None), Offer.ends_at > now)).options(selectinload(Offer.tiers)).order_by(Offer.id))
    ]
    horizon = now + timedelta(days=upcoming_within_days)
    rows = await session.execute(_sales_query().where(FlashSale.ends_at > now, FlashSale.starts_at <= horizon)
                                 .order_by(FlashSale.starts_at, FlashSale.id))
    sales = [_sale_info(s, v, p) for s, v, p in rows]
    return PromotionsView(tuple(coupons), tuple(offers), tuple(s for s in sales if s.running(now)),
                          tuple(s for s in sales if s.upcoming(now)))


# Built once with bound parameters: every result card asks it (see store.catalog.queries for why).
_RUNNING_SALES = _sales_query().where(
    FlashSale.variant_id.in_(bindparam("variant_ids", expanding=True)), FlashSale.starts_at <= bindparam("now"),
    FlashSale.ends_at > bindparam("now"), FlashSale.quantity_remaining > 0,
).order_by(FlashSale.price_minor, FlashSale.id)


async def running_flash_sales(uow: UnitOfWork, variant_ids: Sequence[int], now: datetime) -> dict[int, FlashSaleInfo]:
    """The cheapest running flash sale per variant id (what a product card marks)."""
    if not variant_ids:
        return {}
    rows = await uow.session.execute(_RUNNING_SALES, {"variant_ids": list(variant_ids), "now": aware(now)})
    found: dict[int, FlashSaleInfo] = {}
    for s, v, p in rows:
        found.setdefault(v.id, _sale_info(s, v, p))
    return found


async def get_flash_sale(uow: UnitOfWork, flash_sale_id: int) -> FlashSaleInfo:
    row = (await uow.session.execute(_sales_query().where(FlashSale.id == flash_sale_id))).first()
    if row is None:
        raise NotFound("flash sale", str(flash_sale_id))
    sale, variant, product = row
    return _sale_info(sale, variant, product)
