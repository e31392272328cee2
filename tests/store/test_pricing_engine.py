"""The pricing engine against the database: promotions from tables, coupon limits and the use race."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from store.cart import add_to_cart, get_cart
from store.models.pricing import Coupon, CouponKind, CouponRedemption
from store.money import Money
from store.pricing import apply_coupon, price_cart, price_lines, record_coupon_use, remove_coupon
from store.pricing.admin import CouponSpec, save_coupon, save_flash_sale, save_offer
from store.pricing.errors import (
    CouponMinimumSpendNotMet,
    CouponNotApplicable,
    CouponPerUserLimitReached,
    CouponUnknown,
    CouponUsedUp,
)
from store.pricing.reasons import CouponNotApplied, CouponRefusal, OfferTierSaving
from store.uow import UnitOfWorkFactory
from store.users import ensure_user
from tests.helpers.catalog_builders import make_product

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def usd(amount: int) -> Money:
    return Money(amount, "USD")


@pytest.fixture
async def shop(uow_factory: UnitOfWorkFactory) -> dict[str, int]:
    mug = await make_product(uow_factory, "MUG", price=5000, skus=["MUG-1"], stock=50)
    lamp = await make_product(uow_factory, "LAMP", price=12000, category="Home > Lighting", stock=50)
    async with uow_factory() as uow:
        for uid in range(1, 13):
            await ensure_user(uow, uid, f"U{uid}")
    async with uow_factory() as uow:
        s = uow.session
        await save_offer(s, "Spend more, save more", [(usd(10000), usd(1000)), (usd(20000), usd(3000))],
                         name_zh="多买多省")
        await save_coupon(s, CouponSpec("welcome10", CouponKind.PERCENT, percent_off=10, per_user_limit=1))
        await save_coupon(s, CouponSpec("SAVE5", CouponKind.FIXED, amount_off=usd(500), min_spend=usd(30000)))
        await save_coupon(s, CouponSpec("LIMITED", CouponKind.FIXED, amount_off=usd(100), max_uses=3))
        await save_flash_sale(s, title="Mug madness", sku="MUG-1", price=usd(2500), quantity=5,
                              starts_at=NOW - timedelta(minutes=5), ends_at=NOW + timedelta(hours=1),
                              per_user_limit=2)
        await save_flash_sale(s, title="Later lamp", sku="LAMP-1", price=usd(100), quantity=5,
                              starts_at=NOW + timedelta(hours=2), ends_at=NOW + timedelta(hours=3))
        await uow.commit()
    return {"mug": mug.variants[0].id, "lamp": lamp.variants[0].id}


async def test_price_lines_stacks_flash_offer_and_coupon(uow_factory: UnitOfWorkFactory,
                                                         shop: dict[str, int]) -> None:
    async with uow_factory() as uow:
        b = await price_lines(uow.session, 1, [(shop["mug"], 3), (shop["lamp"], 1), (shop["lamp"], 1)],
                              coupon_code="Welcome10", shipping=usd(700), now=NOW)
    assert [(ln.sku, ln.quantity, ln.unit_price.amount, ln.flash_sale_id is not None) for ln in b.lines] == [
        ("MUG-1", 2, 2500, True), ("MUG-1", 1, 5000, False), ("LAMP-1", 2, 12000, False)]
    assert [a.kind for a in b.adjustments] == ["flash_sale", "offer", "coupon"]
    offer = b.adjustments[1].reason
    assert isinstance(offer, OfferTierSaving) and b.adjustments[1].label == "Spend more, save more"
    assert (offer.tier, offer.tiers, offer.threshold, offer.base, offer.offer_name_zh) == (
        2, 2, usd(20000), usd(29000), "多买多省")
    assert b.adjustments[2].reference == "WELCOME10" and b.adjustments[2].amount == usd(-3100)
    assert b.subtotal == usd(39000) and b.total == usd(39000 - 5000 - 3000 - 3100 + 700)


async def test_cart_coupon_is_stored_and_becomes_a_hint_when_it_stops_applying(
    uow_factory: UnitOfWorkFactory, shop: dict[str, int]
) -> None:
    async with uow_factory() as uow:
        await add_to_cart(uow, 1, "LAMP-1", 3)
    async with uow_factory() as uow:
        applied = await apply_coupon(uow, 1, "save5", now=NOW)
    assert applied.adjustment("coupon") is not None
    async with uow_factory() as uow:
        from store.cart import set_quantity

        await set_quantity(uow, 1, "LAMP-1", 1)
    async with uow_factory() as uow:
        cart = await get_cart(uow, 1, NOW)
        with pytest.raises(CouponMinimumSpendNotMet) as info:
            await price_cart(uow, 1, coupon_code=cart.coupon_code, now=NOW)
    assert cart.coupon_code == "SAVE5" and cart.breakdown is not None
    assert cart.breakdown.adjustment("coupon") is None
    assert cart.breakdown.hints[-1] == CouponNotApplied("SAVE5", CouponRefusal.MINIMUM_SPEND, minimum=usd(30000),
                                                        current=usd(11000), missing=usd(19000))
    assert info.value.missing == usd(19000)
    async with uow_factory() as uow:
        await remove_coupon(uow, 1)
        with pytest.raises(CouponUnknown):
            await apply_coupon(uow, 1, "NOPE", now=NOW)
    async with uow_factory() as uow:
        assert (await get_cart(uow, 1, NOW)).coupon_code is None
        with pytest.raises(CouponNotApplicable, match="empty") as empty:
            await apply_coupon(uow, 2, "SAVE5", now=NOW)
        assert empty.value.cause is CouponRefusal.EMPTY_CART


async def test_flash_sale_outside_its_window_or_sold_out_is_ignored(
    uow_factory: UnitOfWorkFactory, shop: dict[str, int]
) -> None:
    async with uow_factory() as uow:
        later = await price_lines(uow.session, 1, [(shop["lamp"], 1)], coupon_code=None, shipping=None, now=NOW)
        during = await price_lines(uow.session, 1, [(shop["lamp"], 1)], coupon_code=None, shipping=None,
                                   now=NOW + timedelta(hours=2, minutes=1))
        after = await price_lines(uow.session, 1, [(shop["mug"], 1)], coupon_code=None, shipping=None,
                                  now=NOW + timedelta(hours=1))
    assert later.adjustment("flash_sale") is None and later.total == usd(11000)  # offer only
    assert during.total == usd(100) and after.total == usd(5000)
    async with uow_factory() as uow:
        empty = await price_lines(uow.session, 1, [], coupon_code=None, shipping=None, now=NOW)
    assert empty.lines == () and empty.total == usd(0)


async def test_record_coupon_use_enforces_per_user_and_total_limits(
    uow_factory: UnitOfWorkFactory, shop: dict[str, int]
) -> None:
    async with uow_factory() as uow:
        await record_coupon_use(uow.session, "WELCOME10", 1, order_id=100)
        await uow.commit()
    async with uow_factory() as uow:
        with pytest.raises(CouponPerUserLimitReached):
            await record_coupon_use(uow.session, "WELCOME10", 1, order_id=101)
        with pytest.raises(CouponPerUserLimitReached):
            await price_lines(uow.session, 1, [(shop["lamp"], 1)], coupon_code="WELCOME10", shipping=None, now=NOW)
    for order_id in (1, 2, 3):
        async with uow_factory() as uow:
            await record_coupon_use(uow.session, "LIMITED", order_id, order_id=order_id)
            await uow.commit()
    async with uow_factory() as uow:
        with pytest.raises(CouponUsedUp):
            await record_coupon_use(uow.session, "LIMITED", 4, order_id=4)
        with pytest.raises(CouponUsedUp):
            await price_lines(uow.session, 4, [(shop["lamp"], 1)], coupon_code="LIMITED", shipping=None, now=NOW)
        with pytest.raises(CouponUnknown):
            await record_coupon_use(uow.session, "NOPE", 4, order_id=4)


async def test_concurrent_checkouts_cannot_exceed_the_total_limit(
    uow_factory: UnitOfWorkFactory, shop: dict[str, int]
) -> None:
    results: list[str] = []

    async def checkout(user_id: int) -> None:
        async with uow_factory() as uow:
            try:
                await record_coupon_use(uow.session, "LIMITED", user_id, order_id=1000 + user_id)
                await asyncio.sleep(0)  # let the others interleave before committing
                await uow.commit()
                results.append("ok")
            except CouponUsedUp:
                results.append("used up")

    await asyncio.gather(*(checkout(uid) for uid in range(1, 11)))
    async with uow_factory() as uow:
        used = await uow.session.scalar(select(Coupon.used_count).where(Coupon.code == "LIMITED"))
        redemptions = await uow.session.scalar(select(func.count(CouponRedemption.id)))
    assert sorted(results) == ["ok"] * 3 + ["used up"] * 7
    assert used == 3 and redemptions == 3


async def test_concurrent_uses_by_one_shopper_respect_the_per_user_limit(
    uow_factory: UnitOfWorkFactory, shop: dict[str, int]
) -> None:
    results: list[str] = []

    async def checkout(order_id: int) -> None:
        async with uow_factory() as uow:
            try:
                await record_coupon_use(uow.session, "WELCOME10", 7, order_id=order_id)
                await asyncio.sleep(0)
                await uow.commit()
                results.append("ok")
            except CouponPerUserLimitReached:
                results.append("limit")

    await asyncio.gather(*(checkout(i) for i in range(5)))
    assert sorted(results) == ["limit"] * 4 + ["ok"]
