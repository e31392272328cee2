"""After checkout: order history and details, tracking, changing and cancelling, returns, invoices and the
address book. ``router`` is what the registry includes."""

from __future__ import annotations

from bot.core.router import Router
from bot.core.skills.orders import (
    addresses,
    cancel,
    delivery_change,
    history,
    invoice,
    modify,
    order_add,
    returns,
    tracking,
    typed_address,
)

__all__ = ["router"]

router = Router("orders+returns").include(history.router, tracking.router, cancel.router, modify.router,
                                          returns.router, invoice.router, addresses.router,
                                          typed_address.router, delivery_change.router,
                                          order_add.router)
