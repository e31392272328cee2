"""The persisted cart on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from store.cart import MAX_QUANTITY, add_to_cart, clear_cart, get_cart, remove_from_cart, set_quantity
from store.catalog import delete_product
from store.db import create_engine, session_factory
from store.errors import CartCurrencyMismatch, CartQuantityInvalid, InsufficientStock, NotFound
from store.money import Money
from store.uow import UnitOfWorkFactory
from store.users import ensure_user
from tests.helpers.catalog_builders import seed_catalog

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
USER = 5


@pytest.fixture
async def shop(uow_factory: UnitOfWorkFactory) -> UnitOfWorkFactory:
    await seed_catalog(uow_factory)
    async with uow_factory() as uow:
        await ensure_user(uow, USER, "Sam")
    return uow_factory


async def test_add_merges_and_prices(shop: UnitOfWorkFactory) -> None:
    async with shop() as uow:
        await add_to_cart(uow, USER, "MUG-R", 2)
    async with shop() as uow:
        item = await add_to_cart(uow, USER, "MUG-R", 1)
    async with shop() as uow:
        await add_to_cart(uow, USER, "LAMP-1")
    async with shop() as uow:
        cart = await get_cart(uow, USER, NOW)
    assert item.quantity == 3 and cart.item_count == 4 and cart.currency == "USD"
    mug, lamp = cart.lines
    assert (mug.sku, mug.quantity, mug.unit_price, mug.line_total, mug.stock_available) == (
        "MUG-R", 3, Money(1250, "USD"), Money(3750, "USD"), 20)
    assert mug.attributes == {"size": "0"} and mug.title == "Product MUG" and mug.is_available
    assert cart.breakdown is not None and cart.breakdown.total == Money(11750, "USD")


async def test_set_quantity_remove_and_clear(shop: UnitOfWorkFactory) -> None:
    async with shop() as uow:
        await add_to_cart(uow, USER, "MUG-R", 2)
    async with shop() as uow:
        await add_to_cart(uow, USER, "MUG-B", 1)
    async with shop() as uow:
        await set_quantity(uow, USER, "MUG-R", 5)
    async with shop() as uow:
        removed = await set_quantity(uow, USER, "MUG-B", 0)
    async with shop() as uow:
        cart = await get_cart(uow, USER, NOW)
    assert removed.quantity == 0 and [(ln.sku, ln.quantity) for ln in cart.lines] == [("MUG-R", 5)]
    async with shop() as uow:
        await remove_from_cart(uow, USER, "MUG-R")
    async with shop() as uow:
        with pytest.raises(NotFound):
            await remove_from_cart(uow, USER, "MUG-R")
    async with shop() as uow:
        await add_to_cart(uow, USER, "LAMP-1")
    async with shop() as uow:
        await clear_cart(uow, USER)
    async with shop() as uow:
        empty = await get_cart(uow, USER, NOW)
    assert empty.is_empty and empty.breakdown is None


async def test_typed_errors(shop: UnitOfWorkFactory) -> None:
    async with shop() as uow:
        await add_to_cart(uow, USER, "LAMP-1", 4)
    async with shop() as uow:
        with pytest.raises(NotFound):
            await add_to_cart(uow, USER, "NO-SUCH-SKU")
        with pytest.raises(CartQuantityInvalid):
            await add_to_cart(uow, USER, "MUG-R", 0)
        with pytest.raises(CartQuantityInvalid):
            await set_quantity(uow, USER, "MUG-R", MAX_QUANTITY + 1)
        with pytest.raises(InsufficientStock) as stock:
            await add_to_cart(uow, USER, "LAMP-1", 2)
        with pytest.raises(CartCurrencyMismatch) as currency:
            await add_to_cart(uow, USER, "STK-1")
        with pytest.raises(NotFound):
            await add_to_cart(uow, 999, "MUG-R")
    assert (stock.value.requested, stock.value.available) == (6, 5)
    assert (currency.value.cart_currency, currency.value.item_currency) == ("USD", "XTR")
    async with shop() as uow:
        assert [(ln.sku, ln.quantity) for ln in (await get_cart(uow, USER, NOW)).lines] == [("LAMP-1", 4)]


async def test_a_line_that_went_off_sale_is_flagged(shop: UnitOfWorkFactory) -> None:
    async with shop() as uow:
        await add_to_cart(uow, USER, "LAMP-1")
    async with shop() as uow:
        await delete_product(uow, "LAMP")
    async with shop() as uow:
        (line,) = (await get_cart(uow, USER, NOW)).lines
        with pytest.raises(NotFound):
            await add_to_cart(uow, USER, "LAMP-1")
    assert not line.is_available and line.stock_available == 0


async def test_cart_survives_a_new_engine(shop: UnitOfWorkFactory, database_url: str) -> None:
    async with shop() as uow:
        await add_to_cart(uow, USER, "MUG-B", 3)
    engine = create_engine(database_url)  # a "restarted" process
    try:
        async with UnitOfWorkFactory(session_factory(engine))() as uow:
            cart = await get_cart(uow, USER, NOW)
    finally:
        await engine.dispose()
    assert [(ln.sku, ln.quantity) for ln in cart.lines] == [("MUG-B", 3)]


async def test_change_quantity_reads_and_writes_in_one_transaction(shop: UnitOfWorkFactory) -> None:
    """The -/+ buttons: concurrent presses add up (each reads the quantity where it writes it); 0 removes;
    more than the stock, or more of something off sale, is refused while less is always allowed."""
    import asyncio

    from store.cart import change_quantity

    async with shop() as uow:
        await add_to_cart(uow, USER, "MUG-R", 1)

    async def press(delta: int) -> None:
        async with shop() as uow:
            await change_quantity(uow, USER, "MUG-R", delta)

    await asyncio.gather(*(press(1) for _ in range(5)))
    async with shop() as uow:
        assert [(ln.sku, ln.quantity) for ln in (await get_cart(uow, USER, NOW)).lines] == [("MUG-R", 6)]
    async with shop() as uow:
        with pytest.raises(InsufficientStock):
            await change_quantity(uow, USER, "MUG-R", 100)  # 20 in stock
    async with shop() as uow:
        with pytest.raises(NotFound):
            await change_quantity(uow, USER, "MUG-B", 1)  # not in the cart
    async with shop() as uow:
        await delete_product(uow, "MUG")
    async with shop() as uow:
        with pytest.raises(NotFound):
            await change_quantity(uow, USER, "MUG-R", 1)  # off sale: no more of it
    async with shop() as uow:
        assert (await change_quantity(uow, USER, "MUG-R", -1)).quantity == 5  # fewer is always fine
    async with shop() as uow:
        assert (await change_quantity(uow, USER, "MUG-R", -10)).quantity == 0
    async with shop() as uow:
        assert (await get_cart(uow, USER, NOW)).lines == ()
