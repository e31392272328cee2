"""Choose delivery and payment for an order created before the shopper picked them (a flash-sale claim).

The claim took the unit at once (that is the race the shopper wins); where it goes and how it is paid is
asked afterwards, while the order waits for payment. Changing the choice again before paying is allowed.
"""

from __future__ import annotations

from datetime import datetime

from store.checkout.delivery import address_snapshot, check_payment_method, resolve_option
from store.models.orders import OrderEventType, OrderStatus, PaymentMethodKind, ShippingOption
from store.money import Money
from store.orders import events
from store.orders.errors import OrderNotEditable
from store.orders.service import notice
from store.orders.views import OrderView, format_order_number, load_order, to_view
from store.shipping.options import quote
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
) -> OrderView:
    session = uow.session
    order = await load_order(session, order_id, user_id=user_id)
    if order.status is not OrderStatus.PENDING_PAYMENT:
        raise OrderNotEditable(format_order_number(order.id), OrderStatus(order.status).value)
    option = resolve_option(shipping_option, is_digital=order.is_digital)
    check_payment_method(payment_method, order.currency, is_digital=order.is_digital)
    address = await address_snapshot(session, user_id, address_id, option, now=now)
    merchandise = Money(order.total_minor - order.shipping_minor, order.currency)
    shipping = quote(option, merchandise, is_digital=order.is_digital).price
    order.shipping_option = option
    order.payment_method = payment_method
    order.address = address
    order.shipping_minor = shipping.amount
    order.total_minor = merchandise.amount + shipping.amount
    if payment_method is PaymentMethodKind.CASH_ON_DELIVERY:
        order.expires_at = None  # nothing to wait for: staff pack it, the courier collects
    order.updated_at = now
    session.add(events.delivery_chosen(order.id, events.user_actor(user_id), now, shipping_option=option.value,
                                       payment_method=payment_method.value, shipping=shipping))
    await session.flush()
    view = to_view(order)
    notice(uow, order, OrderEventType.DELIVERY_CHOSEN)
    await uow.commit()
    return view
