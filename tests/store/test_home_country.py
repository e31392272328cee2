"""What depends on the shop's home country (``ShippingZones.home``: the pickup counter's country unless set):
cash on delivery only at home and for pickup, refused by the store at order time; and delivery estimates,
domestic or international (knowledge/demo/faq.json: "Do you offer cash on delivery?", "How long does
delivery take?")."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.settings import SettingsError, load_settings
from store.cart import get_cart
from store.checkout.choose import choose_delivery
from store.checkout.delivery import allowed_payment_methods
from store.checkout.errors import PaymentMethodNotAllowed
from store.checkout.service import checkout
from store.flash_sales import claim_flash_sale
from store.models.orders import Order, OrderStatus, PaymentMethodKind, ShippingOption
from store.models.users import Address
from store.money import Money
from store.shipping.options import available_options, quote
from store.shipping.zones import DEMO_SHIP_TO, DEMO_ZONES, PickupPoint, ShippingZones
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, fill_cart, make_address, make_flash_sale, make_item, make_user

S, E, P = ShippingOption.STANDARD, ShippingOption.EXPRESS, ShippingOption.PICKUP
COD, CARD = PaymentMethodKind.CASH_ON_DELIVERY, PaymentMethodKind.TELEGRAM


def test_home_is_the_pickup_country_unless_set() -> None:
    assert DEMO_ZONES.home == "US"
    assert DEMO_ZONES.is_domestic("us") and not DEMO_ZONES.is_domestic("CN") and not DEMO_ZONES.is_domestic(None)
    assert ShippingZones.of(["US", "CA"], None).home is None  # no counter, no setting: nothing is domestic
    assert ShippingZones.of(["US", "CA"], None, "ca").home == "CA"
    assert ShippingZones.of(["US"], PickupPoint("US", "Seattle"), "GB").home == "GB"  # the setting wins


def test_cash_on_delivery_is_for_home_addresses_and_pickup() -> None:
    assert DEMO_ZONES.collects_cash(S, "US") and DEMO_ZONES.collects_cash(E, "US")
    assert DEMO_ZONES.collects_cash(P, "US") and DEMO_ZONES.collects_cash(P, None)
    assert not DEMO_ZONES.collects_cash(S, "CN") and not DEMO_ZONES.collects_cash(E, "GB")
    assert not DEMO_ZONES.collects_cash(ShippingOption.DIGITAL, None)

    def fits(option: ShippingOption, country: str | None) -> list[PaymentMethodKind]:
        methods = allowed_payment_methods("USD", is_digital=False, option=option, country=country, zones=DEMO_ZONES)
        return [m for m, why in methods.items() if why is None]

    assert fits(S, "US") == [CARD, COD]
    assert fits(S, "CN") == [CARD]
    assert fits(P, None) == [CARD, COD]


def test_delivery_estimates_follow_the_destination() -> None:
    goods = Money(2000, "USD")
    us = {q.option: q.days for q in available_options(goods, is_digital=False, country="US", zones=DEMO_ZONES)}
    cn = {q.option: q.days for q in available_options(goods, is_digital=False, country="CN", zones=DEMO_ZONES)}
    assert us == {S: "3-5", E: "1-2", P: "0"}
    assert cn == {S: "7-14", E: "3-6"}
    # Only the estimate changes: the prices are the same everywhere (the FAQ's "Which countries...").
    assert quote(S, goods, is_digital=False, domestic=False).price == quote(S, goods, is_digital=False).price
    gb_shop = ShippingZones.of(DEMO_SHIP_TO, None, "GB")
    gb = {q.option: q.days for q in available_options(goods, is_digital=False, country="GB", zones=gb_shop)}
    assert gb == {S: "3-5", E: "1-2"}


def test_home_country_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no developer's .env
    for name in ("SHOPBOT_SHIP_TO", "SHOPBOT_PICKUP", "SHOPBOT_HOME_COUNTRY"):
        monkeypatch.delenv(name, raising=False)
    assert load_settings().shipping_zones.home == "US"  # the pickup counter's country
    monkeypatch.setenv("SHOPBOT_PICKUP", "")
    monkeypatch.setenv("SHOPBOT_HOME_COUNTRY", "gb")
    assert load_settings().shipping_zones.home == "GB"
    monkeypatch.setenv("SHOPBOT_HOME_COUNTRY", "Britain")
    with pytest.raises(SettingsError, match="SHOPBOT_HOME_COUNTRY"):
        load_settings()


async def _shanghai(uows: UnitOfWorkFactory, user_id: int) -> int:
    async with uows() as uow:
        address = Address(user_id=user_id, name="王小明", phone="13800138000", line1="浦东新区世纪大道100号",
                          city="上海市", region="", postcode="200120", country="CN")
        uow.session.add(address)
        await uow.commit()
        return address.id


async def _orders(uows: UnitOfWorkFactory) -> int:
    async with uows() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(Order))).scalar_one())


async def test_checkout_refuses_cash_on_delivery_abroad(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=2000)
    await fill_cart(uow_factory, user, (item, 2))
    shanghai = await _shanghai(uow_factory, user)
    for option in (S, E):
        async with uow_factory() as uow:
            with pytest.raises(PaymentMethodNotAllowed) as info:
                await checkout(uow, user, address_id=shanghai, shipping_option=option, payment_method=COD, now=NOW)
        assert (info.value.method, info.value.country, info.value.home) == (COD.value, "CN", "US")
    assert await _orders(uow_factory) == 0
    async with uow_factory() as uow:
        assert (await get_cart(uow, user, NOW)).item_count == 2  # the cart as it was
    home = await make_address(uow_factory, user)  # Springfield, US
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=home, shipping_option=S, payment_method=COD, now=NOW)
    assert order.payment_method is COD and order.expires_at is None


async def test_cash_on_delivery_for_pickup_and_with_an_explicit_home(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=2000)
    await fill_cart(uow_factory, user, (item, 1))
    async with uow_factory() as uow:
        pickup = await checkout(uow, user, address_id=None, shipping_option=P, payment_method=COD, now=NOW)
    assert pickup.payment_method is COD and pickup.address is None
    await fill_cart(uow_factory, user, (item, 1))
    shanghai = await _shanghai(uow_factory, user)
    china_shop = ShippingZones.of(DEMO_SHIP_TO, None, "CN")
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=shanghai, shipping_option=S, payment_method=COD, now=NOW,
                               zones=china_shop)
    assert order.payment_method is COD


async def test_choose_delivery_refuses_cash_on_delivery_abroad(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=2000)
    sale = await make_flash_sale(uow_factory, item)
    async with uow_factory() as uow:
        claim = await claim_flash_sale(uow, sale, user, now=NOW)
    assert claim.order is not None
    shanghai = await _shanghai(uow_factory, user)
    async with uow_factory() as uow:
        with pytest.raises(PaymentMethodNotAllowed):
            await choose_delivery(uow, claim.order.id, user, address_id=shanghai, shipping_option=S,
                                  payment_method=COD, now=NOW)
    async with uow_factory() as uow:
        unchanged = (await uow.session.execute(select(Order).where(Order.id == claim.order.id))).scalar_one()
        assert unchanged.payment_method is None and unchanged.address is None
        assert unchanged.status is OrderStatus.PENDING_PAYMENT
    async with uow_factory() as uow:
        chosen = await choose_delivery(uow, claim.order.id, user, address_id=shanghai, shipping_option=S,
                                       payment_method=CARD, now=NOW)
    assert chosen.payment_method is CARD
