"""The snapshot a ticket carries: what the shopper said lately, what is in their cart, their recent orders.

Plain JSON (strings and integers, money in minor units with its currency) so it is stored as is, shown to
staff, and exported with the shopper's data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from store.cart import get_cart
from store.orders.views import list_orders
from store.uow import UnitOfWork

__all__ = ["build_ticket_context", "MAX_MESSAGES", "MAX_ORDERS"]

MAX_MESSAGES = 10
MAX_ORDERS = 3
_MAX_MESSAGE_CHARS = 500


async def build_ticket_context(uow: UnitOfWork, user_id: int, messages: Sequence[str], *,
                               now: datetime) -> dict[str, Any]:
    cart = await get_cart(uow, user_id, now)
    orders = await list_orders(uow, user_id, limit=MAX_ORDERS)
    return {
        "messages": [m[:_MAX_MESSAGE_CHARS] for m in list(messages)[-MAX_MESSAGES:]],
        "cart": [{"sku": ln.sku, "title": ln.title, "quantity": ln.quantity, "amount": ln.line_total.amount,
                  "currency": ln.line_total.currency} for ln in cart.lines],
        "orders": [{"number": o.number, "status": o.status.value, "amount": o.total.amount,
                    "currency": o.currency, "created_at": o.created_at.isoformat(),
                    "items": [f"{ln.quantity} × {ln.title}" for ln in o.lines]} for o in orders],
    }
