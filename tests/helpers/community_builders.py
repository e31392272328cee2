"""Builders for community/account tests: orders moved straight to paid/delivered, tickets, groups.

Moving an order's status with one UPDATE skips payment and shipping on purpose: points, reviews and privacy
only care that an order *is* paid or delivered, and the payment and shipping paths have their own tests.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from store.models.orders import Order, OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.views import OrderView
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, Item, place_order

__all__ = ["order_in_status", "set_order_status"]


async def set_order_status(uows: UnitOfWorkFactory, order_id: int, status: OrderStatus, *,
                           paid_at: datetime | None = NOW) -> None:
    async with uows() as uow:
        await uow.session.execute(update(Order).where(Order.id == order_id).values(status=status, paid_at=paid_at))
        await uow.commit()


async def order_in_status(uows: UnitOfWorkFactory, user_id: int, *items: tuple[Item, int],
                          status: OrderStatus = OrderStatus.DELIVERED) -> OrderView:
    """Checkout ``items`` for ``user_id`` and put the order in ``status`` (paid unless pending payment)."""
    order = await place_order(uows, user_id, *items, method=PaymentMethodKind.TELEGRAM,
                              option=ShippingOption.STANDARD)
    await set_order_status(uows, order.id, status,
                           paid_at=None if status is OrderStatus.PENDING_PAYMENT else NOW)
    return order
