"""Invoices for orders paid through Telegram: card payments (provider token) and Telegram Stars (XTR).

WHY here and not in the store: the store signs the payload and fixes the amounts (``build_invoice``); what
the shopper reads on Telegram's payment sheet (title, description, price labels) is dialogue text and is
translated here. Telegram takes exactly one price row for Stars invoices, so XTR orders get one row. The items
(description and price rows) are named as the order summary names them (``titles.localize_order``: the Chinese
title where the catalog has one, and the option bought); a Chinese shopper's invoice said "订单 SB10001" above
English product titles. Only the display copy changes: the signed payload covers the order id and amount.
"""

from __future__ import annotations

from bot.core.replies import Invoice, InvoicePrice
from bot.core.secrets import payment_secret
from bot.core.services import Services
from bot.core.skills.checkout.labels import shipping_label
from bot.core.skills.checkout.titles import localize_order
from bot.i18n import Translator
from bot.settings import Settings
from store.models.orders import PaymentMethodKind
from store.orders.views import OrderView
from store.payments.stars import StarsPayments
from store.payments.telegram import TelegramPayments

__all__ = ["payments_for", "build_invoice", "INVOICE_METHODS"]

INVOICE_METHODS = frozenset({PaymentMethodKind.TELEGRAM, PaymentMethodKind.STARS})


def payments_for(currency: str, settings: Settings) -> TelegramPayments:
    """Stars for XTR, card payments otherwise (the store refuses a method that does not fit the order)."""
    secret = payment_secret(settings)
    return StarsPayments(secret) if currency == "XTR" else TelegramPayments(secret)


async def build_invoice(order: OrderView, services: Services, t: Translator) -> Invoice:
    """The invoice for an unpaid order in the shopper's language; raises the store's PaymentRefused if it
    cannot be paid this way."""
    order = await localize_order(order, services, t.language)
    settings = services.settings
    payments = StarsPayments(payment_secret(settings)) if order.payment_method is PaymentMethodKind.STARS \
        else TelegramPayments(payment_secret(settings))
    spec = payments.build_invoice(order)
    title = t("Order {number}", number=order.number)[:32]
    if spec.is_stars:
        prices: tuple[InvoicePrice, ...] = (InvoicePrice(title, spec.total.amount),)
    else:
        labelled = []
        for price in spec.prices:
            label = price.label
            if label == "Discount":
                label = t("Discounts")
            elif label.startswith("Gift card") and order.gift_card is not None:
                label = t("Gift card {code}", code=order.gift_card.masked)
            elif label.startswith("Shipping"):
                label = shipping_label(order.shipping_option, t)
            labelled.append(InvoicePrice(label[:64], price.amount))
        prices = tuple(labelled)
    description = ", ".join(f"{line.title} × {line.quantity}" for line in order.lines)
    token = ""
    if not spec.is_stars and settings.telegram_payment_provider_token is not None:
        token = settings.telegram_payment_provider_token.get_secret_value()
    return Invoice(title=title, description=description[:255] or title, payload=spec.payload,
                   currency=spec.currency, prices=prices, provider_token=token)
