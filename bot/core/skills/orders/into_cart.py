"""An earlier order's items back in the cart: "put it back in cart" after a cancel (orders.cancel) and "order the
same again" (orders.reorder) both end here, so both name the items the same way and in the shopper's language.

WHY today's prices and stock: the cart is a new purchase; an item no longer available in that quantity is named
instead of silently dropped, and nothing is bought until the shopper checks out.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.checkout.titles import localize_order
from bot.i18n import Translator
from store.cart import add_to_cart
from store.errors import StoreError
from store.orders.views import OrderView

__all__ = ["order_into_cart"]


async def order_into_cart(services: Services, user_id: int, order: OrderView, t: Translator, codec: CallbackCodec,
                          said: Callable[[str], str]) -> list[Reply]:
    """``said``: the lead line for the items added ("Back in your cart: {items}.")."""
    shown = await localize_order(order, services, t.language)
    added, failed = [], []
    for line, named in zip(order.lines, shown.lines, strict=True):
        try:
            async with services.uows() as uow:
                await add_to_cart(uow, user_id, line.sku, line.quantity)
            added.append(f"{named.title} × {line.quantity}")
        except StoreError:
            failed.append(named.title)
    text = said(", ".join(added)) if added else ""
    if failed:
        text += ("\n" if text else "") + t("These are no longer available in that quantity: {items}.",
                                           items=", ".join(failed))
    return [Text(text, buttons=keyboard([Button(t("🧾 Checkout"), data=codec.encode(user_id, "co", "start")),
                                         Button(t("🛒 Cart"), data=codec.encode(user_id, "cart"))]))]
