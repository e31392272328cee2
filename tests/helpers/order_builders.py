"""Builders for order, payment, shipping and flash-sale tests: users, products, addresses, carts, orders."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from store.cart import add_to_cart
from store.checkout.service import checkout
from store.models.catalog import Product, Variant
from store.models.orders import PaymentMethodKind, ShippingOption
from store.models.promotions import FlashSale
from store.models.users import Address, User
from store.orders.views import OrderView
from store.uow import UnitOfWorkFactory

__all__ = [
    "NOW", "SECRET", "Item", "make_user", "make_users", "make_item", "make_address", "make_flash_sale",
    "fill_cart", "place_order", "variant_stock", "flash_remaining",
]

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
SECRET = b"test-payload-secret"
_seq = itertools.count(1)


@dataclass(frozen=True)
class Item:
    product_id: int
    variant_id: int
    sku: str
    price_minor: int
    currency: str


async def make_user(uows: UnitOfWorkFactory, user_id: int, name: str = "Ada") -> int:
    async with uows() as uow:
        uow.session.add(User(id=user_id, first_name=name, language="en"))
        await uow.commit()
    return user_id


async def make_users(uows: UnitOfWorkFactory, user_ids: range | list[int]) -> None:
    async with uows() as uow:
        uow.session.add_all([User(id=uid, first_name=f"u{uid}", language="en") for uid in user_ids])
        await uow.commit()


async def make_item(uows: UnitOfWorkFactory, *, stock: int = 10, price_minor: int = 2500,
                    currency: str = "USD", digital: bool = False, title: str | None = None) -> Item:
    n = next(_seq)
    sku = f"SKU-{n:04d}"
    async with uows() as uow:
        product = Product(external_id=f"P{n:04d}", title=title or f"Test product {n}", description="",
                          is_digital=digital)
        product.variants = [Variant(sku=sku, price_minor=price_minor, currency=currency, stock=stock)]
        uow.session.add(product)
        await uow.commit()
        return Item(product.id, product.variants[0].id, sku, price_minor, currency)


async def make_address(uows: UnitOfWorkFactory, user_id: int, city: str = "Springfield") -> int:
    async with uows() as uow:
        address = Address(user_id=user_id, name="Ada Lovelace", phone="+1 555 0100", line1="12 Analytical Way",
                          city=city, region="IL", postcode="62701", country="US")
        uow.session.add(address)
        await uow.commit()
        return address.id


async def make_flash_sale(uows: UnitOfWorkFactory, item: Item, *, units: int = 10, price_minor: int = 999,
                          per_user_limit: int = 1, starts: datetime | None = None,
                          ends: datetime | None = None) -> int:
    async with uows() as uow:
        sale = FlashSale(variant_id=item.variant_id, title="Flash deal", price_minor=price_minor,
                         currency=item.currency, quantity_total=units, quantity_remaining=units,
                         per_user_limit=per_user_limit, starts_at=starts or NOW - timedelta(minutes=5),
                         ends_at=ends or NOW + timedelta(hours=1))
        uow.session.add(sale)
        await uow.commit()
        return sale.id


async def fill_cart(uows: UnitOfWorkFactory, user_id: int, *items: tuple[Item, int]) -> None:
    for item, qty in items:
        async with uows() as uow:
            await add_to_cart(uow, user_id, item.sku, qty)


async def place_order(uows: UnitOfWorkFactory, user_id: int, *items: tuple[Item, int],
                      method: PaymentMethodKind = PaymentMethodKind.TELEGRAM,
                      option: ShippingOption = ShippingOption.STANDARD, now: datetime = NOW) -> OrderView:
    """Cart + checkout in one go (creates an address for physical goods)."""
    await fill_cart(uows, user_id, *items)
    address_id = None if option in (ShippingOption.PICKUP, ShippingOption.DIGITAL) else await make_address(
        uows, user_id)
    async with uows() as uow:
        return await checkout(uow, user_id, address_id=address_id, shipping_option=option, payment_method=method,
                              now=now)


async def variant_stock(uows: UnitOfWorkFactory, variant_id: int) -> int:
    async with uows() as uow:
        return int((await uow.session.execute(select(Variant.stock).where(Variant.id == variant_id))).scalar_one())


async def flash_remaining(uows: UnitOfWorkFactory, flash_sale_id: int) -> int:
    async with uows() as uow:
        return int((await uow.session.execute(
            select(FlashSale.quantity_remaining).where(FlashSale.id == flash_sale_id))).scalar_one())
