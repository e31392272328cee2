"""The promotions read side: which coupons, offers and flash sales a shopper is told about, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from store.errors import NotFound
from store.models.pricing import Coupon, CouponKind
from store.money import Money
from store.pricing.admin import CouponSpec, save_coupon, save_flash_sale, save_offer
from store.pricing.listing import current_promotions, get_flash_sale, running_flash_sales
from store.uow import UnitOfWorkFactory
from tests.helpers.catalog_builders import make_product

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def usd(amount: int) -> Money:
    return Money(amount, "USD")


async def test_current_promotions_lists_only_what_a_shopper_can_use(uow_factory: UnitOfWorkFactory) -> None:
    mug = await make_product(uow_factory, "MUG", price=5000, skus=["MUG-1", "MUG-2"], stock=50)
    async with uow_factory() as uow:
        s = uow.session
        await save_coupon(s, CouponSpec("SAVE5", CouponKind.FIXED, amount_off=usd(500), min_spend=usd(3000),
                                        max_uses=10))
        await save_coupon(s, CouponSpec("OLD", CouponKind.PERCENT, percent_off=10, ends_at=NOW - timedelta(days=1)))
        await save_coupon(s, CouponSpec("LATER", CouponKind.PERCENT, percent_off=10, starts_at=NOW + timedelta(days=1)))
        await save_coupon(s, CouponSpec("GONE", CouponKind.PERCENT, percent_off=10, max_uses=1))
        await s.execute(update(Coupon).where(Coupon.code == "GONE").values(used_count=1))
        await s.execute(update(Coupon).where(Coupon.code == "SAVE5").values(used_count=3))
        await save_offer(s, "Big spender", [(usd(10000), usd(1000)), (usd(20000), usd(3000))])
        await save_offer(s, "Expired offer", [(usd(10000), usd(500))], ends_at=NOW - timedelta(hours=1))
        running = await save_flash_sale(s, title="Now", sku="MUG-1", price=usd(3000), quantity=5,
                                        starts_at=NOW - timedelta(minutes=5), ends_at=NOW + timedelta(hours=1))
        await save_flash_sale(s, title="Cheaper now", sku="MUG-1", price=usd(2500), quantity=2,
                              starts_at=NOW - timedelta(minutes=5), ends_at=NOW + timedelta(hours=1))
        await save_flash_sale(s, title="Soon", sku="MUG-2", price=usd(2000), quantity=5,
                              starts_at=NOW + timedelta(hours=5), ends_at=NOW + timedelta(hours=6))
        await save_flash_sale(s, title="Far future", sku="MUG-2", price=usd(2000), quantity=5,
                              starts_at=NOW + timedelta(days=30), ends_at=NOW + timedelta(days=31))
        await save_flash_sale(s, title="Over", sku="MUG-2", price=usd(2000), quantity=5,
                              starts_at=NOW - timedelta(hours=5), ends_at=NOW - timedelta(hours=1))
        await uow.commit()
    async with uow_factory() as uow:
        promos = await current_promotions(uow, NOW)
        flash = await running_flash_sales(uow, [v.id for v in mug.variants], NOW)
        sale = await get_flash_sale(uow, running)
    assert [c.code for c in promos.coupons] == ["SAVE5"]
    assert promos.coupons[0].uses_left == 7 and promos.coupons[0].min_spend == usd(3000)
    assert [o.name for o in promos.offers] == ["Big spender"]
    assert promos.offers[0].tiers == ((usd(10000), usd(1000)), (usd(20000), usd(3000)))
    assert [s.title for s in promos.running] == ["Now", "Cheaper now"]
    assert [s.title for s in promos.upcoming] == ["Soon"]
    mug1 = mug.variants[0].id
    assert list(flash) == [mug1] and flash[mug1].title == "Cheaper now"
    assert sale.list_price == usd(5000) and sale.running(NOW) and not sale.upcoming(NOW)
    assert sale.ends_at.tzinfo is not None


async def test_unknown_flash_sale_is_not_found(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        with pytest.raises(NotFound):
            await get_flash_sale(uow, 12345)
        assert (await current_promotions(uow, NOW)).is_empty
        assert await running_flash_sales(uow, [], NOW) == {}
