from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from store.cart import get_cart
from store.checkout.choose import choose_delivery
from store.checkout.errors import CartEmpty, PaymentMethodNotAllowed
from store.checkout.service import checkout
from store.errors import InsufficientStock, NotFound, ValidationFailed
from store.flash_sales import claim_flash_sale
from store.models.orders import OrderEventType, OrderStatus, PaymentMethodKind, ShippingOption
from store.models.pricing import Coupon, CouponKind, CouponRedemption
from store.money import Money
from store.orders.events import OrderChanged
from store.orders.views import order_timeline
from store.pricing.reasons import FlashSaleSaving, PercentCouponSaving
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import (
    NOW,
    fill_cart,
    make_address,
    make_item,
    make_user,
    place_order,
    variant_stock,
)


async def test_checkout_turns_the_cart_into_an_order_with_reserved_stock(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=1500)
    published: list[object] = []
    uow_factory.subscribe(published.extend)
    order = await place_order(uow_factory, user, (item, 2))

    assert order.number == f"SB{10000 + order.id}"
    assert order.status is OrderStatus.PENDING_PAYMENT
    assert order.subtotal == Money(3000, "USD")
    assert order.shipping == Money(599, "USD")  # standard, under the free-shipping threshold
    assert order.total == Money(3599, "USD")
    assert order.address is not None and order.address["city"] == "Springfield"
    assert order.expires_at == NOW + timedelta(minutes=30)
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [(item.sku, 2)]
    assert await variant_stock(uow_factory, item.variant_id) == 3
    async with uow_factory() as uow:
        assert (await get_cart(uow, user, NOW)).is_empty
        kinds = [e.kind for e in await order_timeline(uow, order.id)]
    assert kinds[:2] == [OrderEventType.PLACED.value, OrderEventType.STOCK_RESERVED.value]
    assert [type(e) for e in published if isinstance(e, OrderChanged)] == [OrderChanged]


async def test_free_standard_shipping_over_threshold_and_express_is_charged(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=10, price_minor=6000)
    free = await place_order(uow_factory, user, (item, 1))
    assert free.shipping == Money(0, "USD") and free.total == Money(6000, "USD")
    express = await place_order(uow_factory, user, (item, 1), option=ShippingOption.EXPRESS)
    assert express.shipping == Money(1599, "USD")
    pickup = await place_order(uow_factory, user, (item, 1), option=ShippingOption.PICKUP)
    assert pickup.shipping == Money(0, "USD") and pickup.address is None


async def test_digital_goods_need_no_address_and_pay_in_stars(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    ebook = await make_item(uow_factory, stock=100, price_minor=250, currency="XTR", digital=True)
    await fill_cart(uow_factory, user, (ebook, 1))
    async with uow_factory() as uow:
        with pytest.raises(PaymentMethodNotAllowed):
            await checkout(uow, user, address_id=None, shipping_option=None,
                           payment_method=PaymentMethodKind.CASH_ON_DELIVERY, now=NOW)
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=None, shipping_option=None,
                               payment_method=PaymentMethodKind.STARS, now=NOW)
    assert order.is_digital and order.shipping_option is ShippingOption.DIGITAL
    assert order.total == Money(250, "XTR") and order.address is None


async def test_insufficient_stock_names_the_sku_and_keeps_everything(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    a = await make_item(uow_factory, stock=5)
    b = await make_item(uow_factory, stock=2)
    await fill_cart(uow_factory, user, (a, 1), (b, 2))
    address = await make_address(uow_factory, user)
    # Someone else buys one unit of b between "add to cart" and checkout.
    await make_user(uow_factory, 2)
    await place_order(uow_factory, 2, (b, 1))
    async with uow_factory() as uow:
        with pytest.raises(InsufficientStock) as info:
            await checkout(uow, user, address_id=address, shipping_option=ShippingOption.STANDARD,
                           payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert (info.value.sku, info.value.available) == (b.sku, 1)
    assert await variant_stock(uow_factory, a.variant_id) == 5
    async with uow_factory() as uow:
        assert (await get_cart(uow, user, NOW)).item_count == 3  # the cart is intact


async def test_bad_input_is_refused_clearly(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    item = await make_item(uow_factory, stock=5)
    async with uow_factory() as uow:
        with pytest.raises(CartEmpty):
            await checkout(uow, user, address_id=None, shipping_option=ShippingOption.PICKUP,
                           payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    await fill_cart(uow_factory, user, (item, 1))
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed, match="needs a delivery address"):
            await checkout(uow, user, address_id=None, shipping_option=ShippingOption.STANDARD,
                           payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    someone_elses = await make_address(uow_factory, 2)
    async with uow_factory() as uow:
        with pytest.raises(NotFound):
            await checkout(uow, user, address_id=someone_elses, shipping_option=ShippingOption.STANDARD,
                           payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    async with uow_factory() as uow:
        with pytest.raises(PaymentMethodNotAllowed):
            await checkout(uow, user, address_id=None, shipping_option=ShippingOption.PICKUP,
                           payment_method=PaymentMethodKind.STARS, now=NOW)
    assert await variant_stock(uow_factory, item.variant_id) == 5


async def test_coupon_is_applied_and_its_use_recorded(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=2000)
    async with uow_factory() as uow:
        uow.session.add(Coupon(code="SAVE10", kind=CouponKind.PERCENT, percent_off=10, max_uses=5))
        await uow.commit()
    await fill_cart(uow_factory, user, (item, 1))
    async with uow_factory() as uow:
        from store.pricing.engine import apply_coupon

        await apply_coupon(uow, user, "save10", NOW)
    order = await place_order(uow_factory, user, option=ShippingOption.PICKUP)
    assert order.coupon_code == "SAVE10"
    assert order.discount == Money(200, "USD") and order.total == Money(1800, "USD")
    (coupon,) = [a for a in order.adjustments if a.kind == "coupon"]
    # The order keeps the coupon's reason as data (read back from its JSON), not only an English sentence.
    assert coupon.reason == PercentCouponSaving("SAVE10", 10, base=Money(2000, "USD"), applied=Money(200, "USD"),
                                                scoped=False, min_spend=None)
    async with uow_factory() as uow:
        used = (await uow.session.execute(select(Coupon.used_count))).scalar_one()
        redemptions = (await uow.session.execute(select(CouponRedemption.order_id))).scalars().all()
    assert used == 1 and redemptions == [order.id]


async def test_flash_sale_claim_then_delivery_choice(uow_factory: UnitOfWorkFactory) -> None:
    from tests.helpers.order_builders import make_flash_sale

    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=4000)
    sale = await make_flash_sale(uow_factory, item, units=3, price_minor=1999)
    async with uow_factory() as uow:
        result = await claim_flash_sale(uow, sale, user, now=NOW)
    assert result.claimed and result.order is not None and result.order.needs_delivery_details
    assert result.order.total == Money(1999, "USD") and result.order.discount == Money(2001, "USD")
    (saving,) = result.order.adjustments  # explained like a flash-sale line in the cart, with the same reason
    assert (saving.kind, saving.amount) == ("flash_sale", Money(-2001, "USD"))
    title = result.order.lines[0].title
    assert saving.reason == FlashSaleSaving(title, "Flash deal", Money(1999, "USD"), Money(4000, "USD"), 1,
                                            Money(2001, "USD"))
    assert saving.explanation == f"{title}: $19.99 instead of $40.00 × 1 (you save $20.01)"
    address = await make_address(uow_factory, user)
    async with uow_factory() as uow:
        order = await choose_delivery(uow, result.order.id, user, address_id=address,
                                      shipping_option=ShippingOption.STANDARD,
                                      payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert order.shipping == Money(599, "USD") and order.total == Money(2598, "USD")
    assert order.address is not None and not order.needs_delivery_details


async def test_the_address_an_order_went_to_is_offered_first_next_time(uow_factory: UnitOfWorkFactory) -> None:
    """Checkout itself marks the chosen address used, so "the last one" is the last one ordered to."""
    from store.users import AddressInput, list_addresses, save_address

    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    async with uow_factory() as uow:
        home = (await save_address(uow, user, AddressInput("Ada", "1 Main St", "Home Town", "US"), now=NOW)).id
    async with uow_factory() as uow:  # saved later: offered first so far
        work = (await save_address(uow, user, AddressInput("Ada", "9 Office Rd", "Work City", "US"),
                                   now=NOW + timedelta(minutes=1))).id
    async with uow_factory() as uow:
        assert [a.id for a in await list_addresses(uow, user)][0] == work
    await fill_cart(uow_factory, user, (item, 1))
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=home, shipping_option=ShippingOption.STANDARD,
                               payment_method=PaymentMethodKind.TELEGRAM, now=NOW + timedelta(days=1))
    assert order.address is not None and order.address["city"] == "Home Town"
    async with uow_factory() as uow:
        offered = await list_addresses(uow, user)
    assert [a.id for a in offered] == [home, work]


async def test_unpaid_order_expires_after_the_configured_minutes(uow_factory: UnitOfWorkFactory) -> None:
    from store.orders.service import expire_unpaid_orders

    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=3)
    await fill_cart(uow_factory, user, (item, 2))
    async with uow_factory() as uow:
        order = await checkout(uow, user, address_id=None, shipping_option=ShippingOption.PICKUP,
                               payment_method=PaymentMethodKind.TELEGRAM, now=NOW, expiry_minutes=5)
    assert order.expires_at == NOW + timedelta(minutes=5)
    assert await variant_stock(uow_factory, item.variant_id) == 1
    async with uow_factory() as uow:
        assert await expire_unpaid_orders(uow, NOW + timedelta(minutes=4, seconds=59)) == []
    assert await variant_stock(uow_factory, item.variant_id) == 1
    async with uow_factory() as uow:
        assert await expire_unpaid_orders(uow, NOW + timedelta(minutes=5)) == [order.id]
    assert await variant_stock(uow_factory, item.variant_id) == 3
    async with uow_factory() as uow:
        expired = [e for e in await order_timeline(uow, order.id) if e.kind == OrderEventType.EXPIRED.value]
    assert len(expired) == 1 and expired[0].at == NOW + timedelta(minutes=5)
