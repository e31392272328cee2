"""Choose delivery and payment for an order created before the shopper picked them (a flash-sale claim).

The claim took the unit at once (that is the race the shopper wins); where it goes and how it is paid is
asked afterwards, while the order waits for payment. Changing the choice again before paying is allowed.
The same call changes delivery of any unpaid order (``bot/core/skills/orders/modify.py``): when the new total
falls below the gift card part, the difference goes back to the card, and an order the card now covers in
full is paid by it at once.
"""

from __future__ import annotations

from datetime import datetime

from store.checkout.delivery import address_snapshot, check_payment_method, check_serves, resolve_option
from store.giftcards.orders import card_snapshot, return_card_part
from store.models.orders import OrderEventType, OrderStatus, PaymentMethodKind, ShippingOption
from store.money import Money
from store.orders import events
from store.orders.errors import OrderNotEditable
from store.orders.service import notice
from store.orders.views import OrderView, format_order_number, load_order, to_view
from store.payments.gift_card import settle_by_gift_card
from store.shipping.options import quote
from store.shipping.zones import DEMO_ZONES, ShippingZones
from store.uow import UnitOfWork

__all__ = ["choose_delivery"]


async def choose_delivery(
    uow: UnitOfWork,
    order_id: int | str,
    user_id: int,
    *,
    address_id: int | None,
    shipping_option: ShippingOption | None,
    payment_method: PaymentMethodKind,
    now: datetime,
    zones: ShippingZones = DEMO_ZONES,
) -> OrderView:
    """Set delivery and payment of an unpaid order; ShippingNotServed when the option does not deliver to the
    address (a pickup order switched to an address abroad, a stale button), PaymentMethodNotAllowed when the
    method does not fit it (cash on delivery to an address abroad)."""
    session = uow.session
    order = await load_order(session, order_id, user_id=user_id)
    if order.status is not OrderStatus.PENDING_PAYMENT:
        raise OrderNotEditable(format_order_number(order.id), OrderStatus(order.status).value)
    option = resolve_option(shipping_option, is_digital=order.is_digital)
    if payment_method is PaymentMethodKind.GIFT_CARD:  # the card part stays; the rest is paid another way
        raise OrderNotEditable(format_order_number(order.id), OrderStatus(order.status).value)
    address = await address_snapshot(session, user_id, address_id, option, now=now)
    check_serves(option, address, zones)
    check_payment_method(payment_method, order.currency, is_digital=order.is_digital, option=option,
                         address=address, zones=zones)
    merchandise = Money(order.total_minor - order.shipping_minor, order.currency)
    shipping = quote(option, merchandise, is_digital=order.is_digital).price
    new_total = merchandise + shipping
    actor = events.user_actor(user_id)
    if order.gift_card_held and order.gift_card_minor > new_total.amount:
        excess = Money(order.gift_card_minor - new_total.amount, order.currency)
        await return_card_part(session, order, actor, now, reason="delivery changed", amount=excess)
        kept = dict((order.pricing or {}).get("gift_card") or {})
        balance_after = kept.get("balance_after") or {"amount": 0, "currency": order.currency}
        after = Money(int(balance_after.get("amount", 0)) + excess.amount, order.currency)
        order.pricing = {**(order.pricing or {}), "gift_card": card_snapshot(
            order.gift_card_code or "", Money(order.gift_card_minor, order.currency), after)}
    order.shipping_option = option
    order.payment_method = payment_method
    order.address = address
    order.shipping_minor = shipping.amount
    order.total_minor = new_total.amount
    if payment_method is PaymentMethodKind.CASH_ON_DELIVERY:
        order.expires_at = None  # nothing to wait for: staff pack it, the courier collects
    order.updated_at = now
    session.add(events.delivery_chosen(order.id, actor, now, shipping_option=option.value,
                                       payment_method=payment_method.value, shipping=shipping))
    await session.flush()
    paid = bool(order.gift_card_held and order.gift_card_minor and order.gift_card_minor == order.total_minor)
    if paid:
        await settle_by_gift_card(session, order, actor, now)
    view = to_view(order)
    notice(uow, order, OrderEventType.DELIVERY_CHOSEN)
    if paid:
        notice(uow, order, OrderEventType.PAYMENT_CAPTURED)
    await uow.commit()
    return view
