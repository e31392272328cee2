"""Checkout: turn the shopper's cart into an order in one transaction.

Everything happens inside the caller's unit of work and is committed once: price (with the cart's
coupon), shipping, the address snapshot, flash-sale units, stock reservation (``store.stock``), the order
and its history, the coupon use, the cart's gift card (its part taken from the balance; an order it pays in
full is paid at once, ``store.payments.gift_card``), clearing the cart. Any failure rolls all of it back, so
a shopper who is told "only 2 left of SKU-1" has lost nothing and holds nothing. Notices go out only after commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store import stock
from store.cart import clear_cart, get_cart
from store.checkout.delivery import address_snapshot, check_payment_method, check_serves, resolve_option
from store.checkout.errors import CartEmpty, FlashSaleUnavailable
from store.giftcards.errors import GiftCardError, GiftCardRefusal
from store.giftcards.orders import spend_on_order
from store.models.catalog import Product, Variant
from store.models.orders import Order, OrderEventType, OrderLine, OrderStatus, PaymentMethodKind, ShippingOption
from store.orders import events
from store.orders.service import notice
from store.orders.views import OrderView, to_view
from store.payments.gift_card import settle_by_gift_card
from store.pricing.engine import price_cart, record_coupon_use
from store.pricing.snapshot import pricing_snapshot
from store.shipping.options import quote
from store.shipping.zones import DEMO_ZONES, ShippingZones
from store.uow import UnitOfWork

__all__ = ["DEFAULT_EXPIRY_MINUTES", "checkout", "digital_variants", "pricing_snapshot"]

DEFAULT_EXPIRY_MINUTES = 30


async def digital_variants(session: AsyncSession, variant_ids: Sequence[int]) -> dict[int, bool]:
    rows = await session.execute(
        select(Variant.id, Product.is_digital).join(Product, Product.id == Variant.product_id)
        .where(Variant.id.in_(list(variant_ids)))
    )
    return {int(vid): bool(digital) for vid, digital in rows}


async def checkout(
    uow: UnitOfWork,
    user_id: int,
    *,
    address_id: int | None,
    shipping_option: ShippingOption | None,
    payment_method: PaymentMethodKind,
    now: datetime,
    expiry_minutes: int = DEFAULT_EXPIRY_MINUTES,
    zones: ShippingZones = DEMO_ZONES,
) -> OrderView:
    """Place an order from the cart (see the module docstring). Raises CartEmpty, InsufficientStock,
    FlashSaleUnavailable, PaymentMethodNotAllowed (e.g. cash on delivery to an address abroad), ValidationFailed,
    NotFound (address), ShippingNotServed (the option does not deliver to the address's country under ``zones``),
    GiftCardError (the cart's card can no longer pay: voided, emptied by another order...) or the pricing engine's
    coupon errors; on any of them nothing is kept. ``PaymentMethodKind.GIFT_CARD`` asks the card to pay
    everything."""
    session = uow.session
    cart = await get_cart(uow, user_id, now)
    if not cart.lines:
        raise CartEmpty(user_id)
    coupon = cart.coupon_code
    merchandise = await price_cart(uow, user_id, coupon_code=coupon, shipping=None, now=now)
    if not merchandise.lines:
        raise CartEmpty(user_id)
    digital = await digital_variants(session, [line.variant_id for line in merchandise.lines])
    is_digital = all(digital.get(line.variant_id, False) for line in merchandise.lines)
    option = resolve_option(shipping_option, is_digital=is_digital)
    if payment_method is PaymentMethodKind.GIFT_CARD and not cart.gift_card_code:
        raise GiftCardError("", GiftCardRefusal.NOT_ENOUGH)
    address = await address_snapshot(session, user_id, address_id, option, now=now)
    check_serves(option, address, zones)
    if payment_method is not PaymentMethodKind.GIFT_CARD:  # after the address: cash depends on where it goes
        check_payment_method(payment_method, merchandise.currency, is_digital=is_digital, option=option,
                             address=address, zones=zones)
    shipping = quote(option, merchandise.total, is_digital=is_digital).price
    breakdown = (
        merchandise if is_digital
        else await price_cart(uow, user_id, coupon_code=coupon, shipping=shipping, now=now)
    )

    # Flash-sale rows first, then every variant in id order: the same lock order as claims.
    for line in sorted(breakdown.lines, key=lambda ln: ln.flash_sale_id or 0):
        if line.flash_sale_id is not None:
            taken = await stock.take_flash_sale_units(session, line.flash_sale_id, user_id, line.quantity, now,
                                                      take_stock=False)
            if isinstance(taken, stock.ClaimRefusal):
                raise FlashSaleUnavailable(line.flash_sale_id, line.sku, taken.value)
    items = [stock.StockItem(line.variant_id, line.sku, line.quantity) for line in breakdown.lines]
    await stock.reserve(session, items)

    subtotal, total = breakdown.subtotal.amount, breakdown.total.amount
    order = Order(
        user_id=user_id, status=OrderStatus.PENDING_PAYMENT, currency=breakdown.currency,
        subtotal_minor=subtotal, shipping_minor=breakdown.shipping.amount, total_minor=total,
        discount_minor=max(0, subtotal + breakdown.shipping.amount - total),
        pricing=pricing_snapshot(breakdown), coupon_code=coupon, shipping_option=option,
        payment_method=payment_method, address=address, is_digital=is_digital,
        flash_sale_id=next((ln.flash_sale_id for ln in breakdown.lines if ln.flash_sale_id), None),
        stock_held=True, created_at=now, updated_at=now,
        expires_at=None if payment_method in (PaymentMethodKind.CASH_ON_DELIVERY, PaymentMethodKind.GIFT_CARD)
        else now + timedelta(minutes=expiry_minutes),
        lines=[
            OrderLine(variant_id=ln.variant_id, sku=ln.sku, title=ln.title, quantity=ln.quantity,
                      unit_price_minor=ln.unit_price.amount, list_unit_price_minor=ln.list_unit_price.amount,
                      line_total_minor=ln.line_total.amount, is_digital=digital.get(ln.variant_id, False),
                      flash_sale_id=ln.flash_sale_id)
            for ln in breakdown.lines
        ],
    )
    session.add(order)
    await session.flush()
    actor = events.user_actor(user_id)
    session.add(events.placed(order.id, actor, now, total=breakdown.total, lines=len(items), coupon=coupon))
    session.add(events.stock_reserved(order.id, now, items=[(i.sku, i.quantity) for i in items]))
    if coupon and any(str(a.kind) == "coupon" for a in breakdown.adjustments):
        await record_coupon_use(session, coupon, user_id, order.id)
        session.add(events.coupon_used(order.id, actor, now, code=coupon))
    paid = False
    if cart.gift_card_code:
        use = await spend_on_order(session, order, cart.gift_card_code, [i.variant_id for i in items], actor, now)
        if use.covers_all:
            await settle_by_gift_card(session, order, actor, now)
            paid = True
        elif payment_method is PaymentMethodKind.GIFT_CARD:
            raise GiftCardError(use.code, GiftCardRefusal.NOT_ENOUGH, balance=use.card.balance)
    await session.flush()
    view = to_view(order)
    notice(uow, order, OrderEventType.PLACED)
    if paid:
        notice(uow, order, OrderEventType.PAYMENT_CAPTURED)
    await clear_cart(uow, user_id)  # the last write: it commits the whole checkout (and publishes the notice)
    return view
