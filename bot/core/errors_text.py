"""Turn typed store errors into kind sentences in the shopper's language.

Each error carries its data (which SKU, how many are left, how much more to spend); the wording lives here,
once, so every skill explains a problem the same way. WHY no ``str(exc)`` in a reply: the store words its
errors in English for logs; a Chinese shopper must never see that text, so each known type is worded here.
"""

from __future__ import annotations

from typing import Any

from bot.core.intent_labels import N_
from bot.i18n import Translator
from store.checkout.errors import PaymentMethodNotAllowed
from store.errors import CartCurrencyMismatch, CartQuantityInvalid, ErrorCode, NotFound, StoreError

__all__ = ["explain_store_error", "not_found_text", "payment_refused_text"]

# What the store calls the thing it could not find, as a shopper would name it.
_KINDS = {
    "product": N_("the product"), "variant": N_("the product"), "cart line": N_("that item in your cart"),
    "address": N_("that address"), "user": N_("your account"), "flash sale": N_("that flash sale"),
    "question": N_("that question"), "answer": N_("that answer"), "pending question": N_("that question"),
    "ticket": N_("the ticket"), "category": N_("that category"), "return request": N_("that return request"),
    "open return request": N_("an open return request for that order"),
}


def _get(exc: StoreError, *names: str) -> Any:
    for name in names:
        value = getattr(exc, name, None)
        if value is not None:
            return value
    return None


def not_found_text(exc: NotFound, t: Translator) -> str:
    if exc.kind == "order":
        return t("I couldn't find order {key} among your orders. Send /orders to see them.", key=exc.key)
    what = t(_KINDS.get(exc.kind, N_("that")))
    return t("Sorry, I couldn't find {what} ({key}). It may have been removed or the link is out of date.",
             what=what, key=exc.key)


def payment_refused_text(exc: PaymentMethodNotAllowed, t: Translator) -> str:
    """A payment method the store refused for an order (a button from before the address changed, or typed)."""
    from store.models.orders import PaymentMethodKind

    if exc.method == PaymentMethodKind.CASH_ON_DELIVERY.value and exc.home and exc.country:
        return t("Sorry, cash on delivery is only for addresses in {home} and for pickup orders, so it can't pay "
                 "for delivery to {country}. Nothing was ordered or changed.", home=exc.home, country=exc.country)
    return t("Sorry, that way of paying isn't available for this order, so nothing was ordered or changed.")


def explain_store_error(exc: StoreError, t: Translator) -> str:
    from store.models.orders import ShippingOption
    from store.orders.errors import IllegalTransition, OrderNotEditable
    from store.pricing.errors import CouponError
    from store.shipping.errors import ShippingNotServed
    from store.support.errors import TicketClosed

    code = exc.code
    if isinstance(exc, CouponError):
        from bot.core.skills.shopping.coupons import explain_coupon_error

        return explain_coupon_error(exc, t)
    if isinstance(exc, NotFound):
        return not_found_text(exc, t)
    if isinstance(exc, IllegalTransition):
        return t("Order {number} has changed in the meantime, so that isn't possible any more. Send /orders to "
                 "see where it stands.", number=exc.order_number)
    if isinstance(exc, OrderNotEditable):
        return t("Order {number} can't be changed any more.", number=exc.order_number)
    if isinstance(exc, PaymentMethodNotAllowed):
        return payment_refused_text(exc, t)
    if isinstance(exc, TicketClosed):
        return t("Ticket {number} is already closed. Send /support if you need help again.", number=exc.number)
    if isinstance(exc, ShippingNotServed):
        from bot.core.skills.checkout.labels import shipping_label

        try:
            option = shipping_label(ShippingOption(exc.option), t)
        except ValueError:
            option = exc.option
        return t("{option} doesn't deliver to addresses in {country}, so nothing was changed. Choose another "
                 "address or delivery option, or send /support and a person will help.", option=option,
                 country=exc.country or "?")
    if isinstance(exc, CartQuantityInvalid):
        return t("You can have 1 to {maximum} of one item in your cart.", maximum=exc.maximum)
    if isinstance(exc, CartCurrencyMismatch):
        return t("That item is priced in {item} but your cart is in {cart}: one order is paid in one currency. "
                 "Check out or clear your cart first.", item=exc.item_currency, cart=exc.cart_currency)
    if code == ErrorCode.INSUFFICIENT_STOCK:
        sku, left = _get(exc, "sku"), _get(exc, "available", "left", "remaining")
        if left:
            return t("Sorry, only {left} left of {sku}. Lower the quantity and try again.", left=left, sku=sku)
        return t("Sorry, {sku} is sold out right now.", sku=sku or "")
    if code == ErrorCode.CART_EMPTY:
        return t("Your cart is empty. Search for something first!")
    if code == ErrorCode.ILLEGAL_TRANSITION:
        return t("That has already been done or isn't possible any more.")
    if code == ErrorCode.PAYMENT_MISMATCH:
        return t("That payment doesn't match the order, so it was not applied. Nothing was charged twice.")
    return t("Sorry, that didn't work. Nothing was changed; please check and try again, or send /support.")
