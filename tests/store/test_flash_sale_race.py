"""Never oversell: 200+ concurrent buyers (separate units of work) race for 10 units, on both databases."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from store.checkout.service import checkout
from store.db import create_engine, is_sqlite, session_factory
from store.errors import InsufficientStock
from store.flash_sales import ClaimRefusal, ClaimResult, claim_flash_sale
from store.models.cart import Cart, CartLine
from store.models.claims import FlashSaleClaim
from store.models.orders import Order, OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.views import OrderView
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, flash_remaining, make_flash_sale, make_item, make_users, variant_stock

BUYERS = 200
UNITS = 10


@pytest.fixture
async def racing_uows(database_url: str) -> AsyncIterator[UnitOfWorkFactory]:
    """A pool large enough for the race on PostgreSQL (SQLite queues writers with BEGIN IMMEDIATE)."""
    kwargs = {} if is_sqlite(database_url) else {"pool_size": 60, "max_overflow": 0, "pool_timeout": 120}
    engine = create_engine(database_url, **kwargs)
    yield UnitOfWorkFactory(session_factory(engine))
    await engine.dispose()


async def test_200_checkouts_for_10_units_sell_exactly_10(racing_uows: UnitOfWorkFactory) -> None:
    item = await make_item(racing_uows, stock=UNITS, price_minor=1000)
    users = list(range(1000, 1000 + BUYERS))
    await make_users(racing_uows, users)
    async with racing_uows() as uow:  # every buyer has one unit in the cart (added while stock lasted)
        carts = [Cart(user_id=u, lines=[CartLine(variant_id=item.variant_id, quantity=1)]) for u in users]
        uow.session.add_all(carts)
        await uow.commit()

    async def buy(user_id: int) -> OrderView | InsufficientStock:
        async with racing_uows() as uow:
            try:
                return await checkout(uow, user_id, address_id=None, shipping_option=ShippingOption.PICKUP,
                                      payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
            except InsufficientStock as exc:
                return exc

    results = await asyncio.gather(*(buy(u) for u in users))
    orders = [r for r in results if isinstance(r, OrderView)]
    losers = [r for r in results if isinstance(r, InsufficientStock)]
    assert len(orders) == UNITS and len(losers) == BUYERS - UNITS
    assert all((e.sku, e.requested, e.available) == (item.sku, 1, 0) for e in losers)
    assert await variant_stock(racing_uows, item.variant_id) == 0
    async with racing_uows() as uow:
        placed = (await uow.session.execute(select(func.count()).select_from(Order))).scalar_one()
        lines_left = (await uow.session.execute(select(func.count()).select_from(CartLine))).scalar_one()
    assert placed == UNITS
    assert lines_left == BUYERS - UNITS  # losers keep their carts


async def test_250_flash_claims_for_10_units_and_every_loser_told_why(racing_uows: UnitOfWorkFactory) -> None:
    item = await make_item(racing_uows, stock=50, price_minor=5000)
    sale = await make_flash_sale(racing_uows, item, units=UNITS, price_minor=990, per_user_limit=1)
    users = list(range(2000, 2000 + BUYERS))
    await make_users(racing_uows, users)
    greedy = users[0]  # one shopper also tries 50 extra times at once: the per-user limit holds

    async def claim(user_id: int) -> ClaimResult:
        async with racing_uows() as uow:
            return await claim_flash_sale(uow, sale, user_id, now=NOW)

    results = await asyncio.gather(*(claim(u) for u in [*users, *([greedy] * 50)]))
    winners = [r for r in results if r.claimed]
    reasons = Counter(r.refusal for r in results if not r.claimed)
    assert len(winners) == UNITS
    assert len({r.user_id for r in winners}) == UNITS
    assert all(r.order is not None and r.order.status is OrderStatus.PENDING_PAYMENT for r in winners)
    assert set(reasons) <= {ClaimRefusal.SOLD_OUT, ClaimRefusal.PER_USER_LIMIT}
    assert sum(reasons.values()) == len(results) - UNITS
    assert await flash_remaining(racing_uows, sale) == 0
    assert await variant_stock(racing_uows, item.variant_id) == 50 - UNITS
    async with racing_uows() as uow:
        held = (await uow.session.execute(select(func.sum(FlashSaleClaim.quantity)))).scalar_one()
        greedy_held = (await uow.session.execute(
            select(FlashSaleClaim.quantity).where(FlashSaleClaim.user_id == greedy))).scalar_one_or_none()
    assert held == UNITS and (greedy_held or 0) <= 1


async def test_claim_refusals_before_after_and_over_the_limit(uow_factory: UnitOfWorkFactory) -> None:
    item = await make_item(uow_factory, stock=5, price_minor=5000)
    later = await make_flash_sale(uow_factory, item, starts=NOW + timedelta(hours=1), ends=NOW + timedelta(hours=2))
    over = await make_flash_sale(uow_factory, item, starts=NOW - timedelta(hours=2), ends=NOW - timedelta(hours=1))
    open_sale = await make_flash_sale(uow_factory, item, units=3, per_user_limit=1)
    await make_users(uow_factory, [1])

    async def claim(sale: int, quantity: int = 1) -> ClaimResult:
        async with uow_factory() as uow:
            return await claim_flash_sale(uow, sale, 1, quantity, now=NOW)

    assert (await claim(later)).refusal is ClaimRefusal.NOT_STARTED
    assert (await claim(over)).refusal is ClaimRefusal.ENDED
    assert (await claim(open_sale, 2)).refusal is ClaimRefusal.PER_USER_LIMIT
    assert (await claim(open_sale)).claimed
    assert (await claim(open_sale)).refusal is ClaimRefusal.PER_USER_LIMIT
    assert await flash_remaining(uow_factory, open_sale) == 2
    assert await variant_stock(uow_factory, item.variant_id) == 4
