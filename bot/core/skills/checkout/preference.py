"""The payment step's buttons: their names for this order, and the way to pay the shopper said before the step.

WHY: "刷卡" typed at the shipping step was answered "your order isn't placed yet" and then forgotten; it is kept
in the checkout (``prefer``, ``typed``) and this module puts it first on the payment step, or says it can't be used
for the order. A pickup order's cash is paid at the counter, so its button says so.
"""

from __future__ import annotations

from bot.core.skills.checkout.labels import method_label
from bot.i18n import Translator
from store.models.orders import PaymentMethodKind, ShippingOption

__all__ = ["METHOD_CODES", "labels_for", "preferred_first"]

METHOD_CODES = {"tg": PaymentMethodKind.TELEGRAM, "stars": PaymentMethodKind.STARS,
                "cod": PaymentMethodKind.CASH_ON_DELIVERY, "gc": PaymentMethodKind.GIFT_CARD}


def labels_for(option: ShippingOption, t: Translator) -> dict[PaymentMethodKind, str]:
    """The payment buttons' names where they differ from ``method_label``."""
    labels = {PaymentMethodKind.GIFT_CARD: t("Pay with the gift card")}
    if option is ShippingOption.PICKUP:  # nothing is delivered: the cash is paid at the counter
        labels[PaymentMethodKind.CASH_ON_DELIVERY] = t("Cash at pickup")
    return labels


def preferred_first(code: object, fits: dict[PaymentMethodKind, str | None], allowed: list[PaymentMethodKind],
                    labels: dict[PaymentMethodKind, str], t: Translator) -> tuple[list[PaymentMethodKind], str] | None:
    """The way to pay said before this step ("刷卡" at the shipping step, ``typed``): its button first and a line
    saying so, or that it can't be used for this order. None when nothing was said or it is the only choice."""
    method = METHOD_CODES.get(str(code)) if code else None
    if method is None or allowed == [PaymentMethodKind.GIFT_CARD]:
        return None
    label = labels.get(method, method_label(method, t))
    if method not in allowed:
        if method not in fits:
            return None
        return allowed, t("{method} can't be used for this order, so please choose another way to pay below.",
                          method=label)
    ordered = [method, *[m for m in allowed if m is not method]]
    return ordered, t("You said you'd pay by {method}: press “{method}” below to place the order.", method=label)
