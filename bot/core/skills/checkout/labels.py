"""Shopper-facing names for order statuses, shipping options and payment methods, in the shopper's language.

WHY one module: checkout, order lists, tracking and invoices all name the same things; saying them the same
way everywhere (and translating them once) is what makes the bot read as one assistant.
"""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Translator
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.views import OrderView

__all__ = ["status_label", "order_status", "shipping_label", "method_label", "when", "day"]


def status_label(status: OrderStatus, t: Translator) -> str:
    labels = {
        OrderStatus.PENDING_PAYMENT: t("waiting for payment"),
        OrderStatus.PAID: t("paid"),
        OrderStatus.PACKED: t("packed"),
        OrderStatus.SHIPPED: t("shipped"),
        OrderStatus.DELIVERED: t("delivered"),
        OrderStatus.COMPLETED: t("completed"),
        OrderStatus.CANCELLED: t("cancelled"),
        OrderStatus.RETURN_REQUESTED: t("return requested"),
        OrderStatus.RETURNED: t("returned"),
        OrderStatus.REFUNDED: t("refunded"),
    }
    return labels[status]


def order_status(order: OrderView, t: Translator) -> str:
    """The status as the shopper should read it: a cash-on-delivery order is not "waiting for payment" (they
    were told there is nothing to pay now), and a claimed flash-sale item waits for their delivery choice."""
    if order.status is OrderStatus.PENDING_PAYMENT:
        if order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY:
            return t("to pay on delivery")
        if order.payment_method is None:
            return t("waiting for your delivery choice")
    return status_label(order.status, t)


def shipping_label(option: ShippingOption | None, t: Translator) -> str:
    labels = {
        ShippingOption.STANDARD: t("Standard delivery"),
        ShippingOption.EXPRESS: t("Express delivery"),
        ShippingOption.PICKUP: t("Pickup in store"),
        ShippingOption.DIGITAL: t("Digital delivery in chat"),
    }
    return labels[option] if option is not None else t("not chosen yet")


def method_label(method: PaymentMethodKind | None, t: Translator) -> str:
    labels = {
        PaymentMethodKind.TELEGRAM: t("Card (Telegram Payments)"),
        PaymentMethodKind.STARS: t("Telegram Stars"),
        PaymentMethodKind.CASH_ON_DELIVERY: t("Cash on delivery"),
        PaymentMethodKind.GIFT_CARD: t("Gift card"),
    }
    return labels[method] if method is not None else t("not chosen yet")


def when(moment: datetime) -> str:
    """Dates and times in UTC, unambiguous in both languages."""
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def day(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")
