"""Shipping options depend on where the order goes: the rule (``store.shipping.zones``) and the store refusing
an order whose option does not serve its address (a stale choice must never become an order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.cart import get_cart
from store.checkout.choose import choose_delivery
from store.checkout.service import checkout
from store.flash_sales import claim_flash_sale
from store.models.orders import Order, PaymentMethodKind, ShippingOption
from store.models.users import Address
from store.money import Money
from store.shipping.errors import ShippingNotServed
from store.shipping.options import available_options
from store.shipping.zones import DEMO_ZONES, PickupPoint, ShippingZones, parse_pickup
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import (
    NOW,
    fill_cart,
    make_address,
    make_flash_sale,
    make_item,
    make_user,
    variant_stock,
)

S, E, P = ShippingOption.STANDARD, ShippingOption.EXPRESS, ShippingOption.PICKUP


def test_options_follow_the_delivery_country() -> None:
    assert DEMO_ZONES.options_for("US") == (S, E, P)  # the pickup counter is in the US
    assert DEMO_ZONES.options_for("CN") == (S, E)  # shipped to China, but nobody there can collect in Seattle
    assert DEMO_ZONES.options_for("cn") == (S, E)
    assert DEMO_ZONES.options_for("BR") == ()  # not a country the shop ships to
    assert DEMO_ZONES.options_for(None) == (P,)  # no address: only collecting needs none
    no_counter = ShippingZones.of(["us", "CA"], None)
    assert no_counter.options_for("US") == (S, E) and no_counter.options_for(None) == ()
    assert DEMO_ZONES.serves(ShippingOption.DIGITAL, None) and DEMO_ZONES.serves(ShippingOption.DIGITAL, "BR")


def test_available_options_offers_only_what_serves_the_address() -> None:
    goods = Money(2000, "USD")
    cn = available_options(goods, is_digital=False, country="CN", zones=DEMO_ZONES)
    assert [q.option for q in cn] == [S, E]
    assert available_options(goods, is_digital=False, country="BR", zones=DEMO_ZONES) == []
    digital = available_options(Money(100, "XTR"), is_digital=True, country="BR", zones=DEMO_ZONES)
    assert [q.option for q in digital] == [ShippingOption.DIGITAL]


def test_pickup_point_setting() -> None:
    assert parse_pickup("gb: London") == PickupPoint("GB", "London")
    assert parse_pickup("  ") is None
    with pytest.raises(ValueError, match="US:Seattle"):
        parse_pickup("Seattle")


async def _address_in(uows: UnitOfWorkFactory, user_id: int, country: str) -> int:
    async with uows() as uow:
        address = Address(user_id=user_id, name="Li Wei", phone="", line1="88 Nanjing Road", city="Shanghai",
                          region="", postcode="200001", country=country)
        uow.session.add(address)
        await uow.commit()
        return address.id


async def _orders(uows: UnitOfWorkFactory) -> int:
    async with uows() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(Order))).scalar_one())


async def test_checkout_refuses_an_option_that_does_not_serve_the_address(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=2000)
    await fill_cart(uow_factory, user, (item, 2))
    shanghai = await _address_in(uow_factory, user, "CN")
    sao_paulo = await _address_in(uow_factory, user, "BR")
    refused = [(shanghai, P), (sao_paulo, S), (sao_paulo, E)]
    for address, option in refused:
        async with uow_factory() as uow:
            with pytest.raises(ShippingNotServed) as info:
                await checkout(uow, user, address_id=address, shipping_option=option,
                               payment_method=PaymentMethodKind.CASH_ON_DELIVERY, now=NOW)
        assert info.value.option == option.value and info.value.country in ("CN", "BR")
    # Nothing was created or held: no order, the stock and the cart as they were.
    assert await _orders(uow_factory) == 0
    assert await variant_stock(uow_factory, item.variant_id) == 5
    async with uow_factory() as uow:
        assert (await get_cart(uow, user, NOW)).item_count == 2
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=shanghai, shipping_option=E,
                               payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert order.address is not None and order.address["country"] == "CN" and order.shipping_option is E


async def test_pickup_needs_a_pickup_point_in_the_address_country(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    await fill_cart(uow_factory, user, (item, 1))
    home = await make_address(uow_factory, user)  # Springfield, US
    no_counter = ShippingZones.of(["US"], None)
    async with uow_factory() as uow:
        with pytest.raises(ShippingNotServed):
            await checkout(uow, user, address_id=None, shipping_option=P,
                           payment_method=PaymentMethodKind.TELEGRAM, now=NOW, zones=no_counter)
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=home, shipping_option=P,
                               payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert order.shipping_option is P and order.address is not None


async def test_choose_delivery_refuses_an_address_the_option_does_not_serve(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=2000)
    sale = await make_flash_sale(uow_factory, item)
    async with uow_factory() as uow:
        claim = await claim_flash_sale(uow, sale, user, now=NOW)
    assert claim.order is not None
    shanghai = await _address_in(uow_factory, user, "CN")
    async with uow_factory() as uow:
        with pytest.raises(ShippingNotServed):
            await choose_delivery(uow, claim.order.id, user, address_id=shanghai, shipping_option=P,
                                  payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    async with uow_factory() as uow:
        chosen = await choose_delivery(uow, claim.order.id, user, address_id=shanghai, shipping_option=S,
                                       payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert chosen.shipping_option is S and chosen.address is not None and chosen.address["country"] == "CN"


def test_the_zones_come_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.settings import SettingsError, load_settings

    monkeypatch.chdir(tmp_path)  # no developer's .env
    for name in ("SHOPBOT_SHIP_TO", "SHOPBOT_PICKUP"):
        monkeypatch.delenv(name, raising=False)
    assert load_settings().shipping_zones == DEMO_ZONES
    monkeypatch.setenv("SHOPBOT_SHIP_TO", "us, cn")
    monkeypatch.setenv("SHOPBOT_PICKUP", "")
    zones = load_settings().shipping_zones
    assert zones.options_for("CN") == (S, E) and zones.options_for("GB") == () and zones.pickup is None
    monkeypatch.setenv("SHOPBOT_SHIP_TO", "USA")
    monkeypatch.setenv("SHOPBOT_PICKUP", "Seattle")
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert [line.strip().split(":")[0] for line in str(info.value).splitlines()[1:]] == [
        "SHOPBOT_SHIP_TO", "SHOPBOT_PICKUP"]
