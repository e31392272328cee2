"""Pricing entry points used by the cart and checkout. The stacking rule is documented in ``rules.py``
and docs/pricing.md; this module only gathers the inputs and records coupon uses.

``price_lines`` is strict about an explicit coupon (a refused coupon raises its typed error, so checkout can
tell the shopper why). ``price_cart`` with no explicit code prices the coupon stored on the cart leniently:
a coupon that stopped applying (say, the cart fell below its minimum spend) becomes a hint instead of an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models.base import utcnow
from store.models.cart import Cart, CartLine
from store.models.pricing import Coupon, CouponRedemption
from store.money import Money
from store.pricing.breakdown import PriceBreakdown
from store.pricing.errors import (
    CouponError,
    CouponNotApplicable,
    CouponPerUserLimitReached,
    CouponUnknown,
    CouponUsedUp,
)
from store.pricing.loaders import load_coupon, load_flash_prices, load_lines, load_offers, normalize_code
from store.pricing.reasons import CouponNotApplied, CouponRefusal
from store.pricing.rules import CouponRule, aware, compute
from store.uow import UnitOfWork

__all__ = ["price_lines", "price_cart", "price_cart_items", "record_coupon_use", "apply_coupon", "quote_coupon",
           "remove_coupon", "EMPTY_CURRENCY"]

# An empty list has no currency of its own; it prices to zero in the shipping currency or this one.
EMPTY_CURRENCY = "USD"


async def _price(session: AsyncSession, user_id: int, items: Sequence[tuple[int, int]], *,
                 coupon_code: str | None, strict: bool, shipping: Money | None, now: datetime) -> PriceBreakdown:
    now = aware(now)
    currency, lines = await load_lines(session, items)
    if currency is None:
        currency = shipping.currency if shipping is not None else EMPTY_CURRENCY
        return compute(currency, [], flash={}, offers=[], coupon=None, shipping=shipping, now=now)
    flash = await load_flash_prices(session, [ln.variant_id for ln in lines], now)
    offers = await load_offers(session, currency, now)
    rule: CouponRule | None = None
    hint: CouponNotApplied | None = None
    if coupon_code:
        try:
            rule = await load_coupon(session, coupon_code, user_id)
        except CouponError as exc:
            if strict:
                raise
            hint = exc.as_hint()
    breakdown = compute(currency, lines, flash=flash, offers=offers, coupon=rule, shipping=shipping, now=now,
                        coupon_strict=strict)
    if hint is not None:
        breakdown = replace(breakdown, hints=(*breakdown.hints, hint))
    return breakdown


async def price_lines(session: AsyncSession, user_id: int, items: Sequence[tuple[int, int]], *,
                      coupon_code: str | None, shipping: Money | None, now: datetime) -> PriceBreakdown:
    """Price (variant_id, quantity) pairs for ``user_id``; raises the typed coupon errors for ``coupon_code``."""
    return await _price(session, user_id, items, coupon_code=coupon_code, strict=True, shipping=shipping, now=now)


_CART_OF = select(Cart).where(Cart.user_id == bindparam("user_id"))
_CART_ITEMS = (select(CartLine.variant_id, CartLine.quantity).where(CartLine.cart_id == bindparam("cart_id"))
               .order_by(CartLine.id))


async def cart_items(session: AsyncSession, user_id: int) -> tuple[Cart | None, list[tuple[int, int]]]:
    cart = await session.scalar(_CART_OF, {"user_id": user_id})
    if cart is None:
        return None, []
    rows = await session.execute(_CART_ITEMS, {"cart_id": cart.id})
    return cart, [(int(v), int(q)) for v, q in rows]


async def price_cart(uow: UnitOfWork, user_id: int, *, coupon_code: str | None = None,
                     shipping: Money | None = None, now: datetime) -> PriceBreakdown:
    """Price the shopper's cart: an explicit ``coupon_code`` is strict, the cart's stored coupon lenient."""
    cart, items = await cart_items(uow.session, user_id)
    stored = cart.coupon_code if cart is not None else None
    strict = coupon_code is not None
    return await _price(uow.session, user_id, items, coupon_code=coupon_code or stored, strict=strict,
                        shipping=shipping, now=now)


async def price_cart_items(session: AsyncSession, user_id: int, items: Sequence[tuple[int, int]], *,
                           stored_coupon: str | None, now: datetime) -> PriceBreakdown:
    """The cart's lines already read (``cart_items``) priced as ``price_cart`` prices them, its stored coupon
    lenient: a cart view reads the cart and its lines once, not again for the price."""
    return await _price(session, user_id, items, coupon_code=stored_coupon, strict=False, shipping=None, now=now)


async def _priced_with(uow: UnitOfWork, user_id: int, code: str, now: datetime | None) -> tuple[Cart, PriceBreakdown]:
    cart, items = await cart_items(uow.session, user_id)
    if cart is None or not items:
        raise CouponNotApplicable(normalize_code(code), CouponRefusal.EMPTY_CART)
    return cart, await price_lines(uow.session, user_id, items, coupon_code=code, shipping=None,
                                   now=now or utcnow())


async def quote_coupon(uow: UnitOfWork, user_id: int, code: str, now: datetime | None = None) -> PriceBreakdown:
    """The cart priced with ``code``, validated as ``apply_coupon`` does, without keeping it: to compare two
    coupons before one replaces the other (one coupon per order)."""
    return (await _priced_with(uow, user_id, code, now))[1]


async def apply_coupon(uow: UnitOfWork, user_id: int, code: str, now: datetime | None = None) -> PriceBreakdown:
    """Validate ``code`` against the current cart and keep it on the cart; raises the typed coupon errors."""
    cart, breakdown = await _priced_with(uow, user_id, code, now)
    cart.coupon_code = normalize_code(code)
    await uow.commit()
    return breakdown


async def remove_coupon(uow: UnitOfWork, user_id: int) -> None:
    await uow.session.execute(update(Cart).where(Cart.user_id == user_id).values(coupon_code=None))
    await uow.commit()


async def record_coupon_use(session: AsyncSession, coupon_code: str, user_id: int, order_id: int) -> None:
    """Count one use of the coupon by ``order_id`` inside the caller's (checkout) transaction.

    The total limit is a conditional UPDATE (``used_count < max_uses``), atomic on both databases, so
    concurrent checkouts can never exceed it. That UPDATE also locks the coupon row until the transaction
    ends, so the per-shopper count that follows cannot race either. On a refusal the caller must roll back.
    """
    code = normalize_code(coupon_code)
    result = await session.execute(
        update(Coupon)
        .where(Coupon.code == code, Coupon.is_active.is_(True),
               or_(Coupon.max_uses.is_(None), Coupon.used_count < Coupon.max_uses))
        .values(used_count=Coupon.used_count + 1)
        .returning(Coupon.id, Coupon.per_user_limit))
    row = result.first()
    if row is None:
        exists = await session.scalar(select(Coupon.id).where(Coupon.code == code, Coupon.is_active.is_(True)))
        raise CouponUsedUp(code) if exists is not None else CouponUnknown(code)
    coupon_id, per_user_limit = row
    if per_user_limit is not None:
        used = await session.scalar(select(func.count(CouponRedemption.id)).where(
            CouponRedemption.coupon_id == coupon_id, CouponRedemption.user_id == user_id))
        if (used or 0) >= per_user_limit:
            raise CouponPerUserLimitReached(code, per_user_limit)
    session.add(CouponRedemption(coupon_id=coupon_id, user_id=user_id, order_id=order_id))
    await session.flush()
