"""Checkout steps for an order that already exists without delivery details: a flash-sale claim.

WHY the same steps: a claim takes the unit at once (that is the race the shopper wins) and asks where it goes
and how it is paid afterwards, within the claim's payment window. The shopper walks the very same address ->
shipping -> payment buttons as a cart checkout; ``state.checkout["order"]`` says the last step calls
``store.checkout.choose.choose_delivery`` on that order instead of creating one from the cart.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.core.skills.checkout.summary import PricedRows
from store.checkout.choose import choose_delivery
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.money import Money
from store.orders.views import OrderView, get_order
from store.shipping.options import quote

__all__ = ["load", "merchandise", "priced_rows", "choose", "needs_choice"]


def needs_choice(order: OrderView) -> bool:
    return order.status is OrderStatus.PENDING_PAYMENT and order.payment_method is None


async def load(services: Services, user_id: int, order_id: int) -> OrderView:
    async with services.uows() as uow:
        return await get_order(uow, order_id, user_id=user_id)


def merchandise(order: OrderView) -> Money:
    """What the goods cost after discounts: the order total without its (not yet chosen) shipping."""
    return order.total - order.shipping


def priced_rows(order: OrderView, option: ShippingOption) -> PricedRows:
    goods = merchandise(order)
    shipping = quote(option, goods, is_digital=order.is_digital).price
    items = tuple((line.title, line.quantity, line.list_unit_price) for line in order.lines)
    return PricedRows(order.currency, items, order.subtotal, order.adjustments, shipping, option, goods + shipping)


async def choose(services: Services, user_id: int, order_id: int, *, address_id: int | None,
                 option: ShippingOption | None, method: PaymentMethodKind) -> OrderView:
    async with services.uows() as uow:
        return await choose_delivery(uow, order_id, user_id, address_id=address_id, shipping_option=option,
                                     payment_method=method, now=services.clock(),
                                     zones=services.settings.shipping_zones)
