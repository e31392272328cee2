"""Turn typed store errors into kind sentences in the shopper's language.

Each error carries its data (which SKU, how many are left, how much more to spend); the wording lives here,
once, so every skill explains a problem the same way.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import Translator
from store.errors import ErrorCode, StoreError

__all__ = ["explain_store_error"]


def _get(exc: StoreError, *names: str) -> Any:
    for name in names:
        value = getattr(exc, name, None)
        if value is not None:
            return value
    return None


def explain_store_error(exc: StoreError, t: Translator) -> str:
    code = exc.code
    if code == ErrorCode.INSUFFICIENT_STOCK:
        sku, left = _get(exc, "sku"), _get(exc, "available", "left", "remaining")
        if left:
            return t("Sorry, only {left} left of {sku}. Lower the quantity and try again.", left=left, sku=sku)
        return t("Sorry, {sku} is sold out right now.", sku=sku or "")
    if code == ErrorCode.NOT_FOUND:
        return t("I couldn't find {what} \u201c{key}\u201d.", what=t(str(_get(exc, "kind") or "that")),
                 key=_get(exc, "key") or "")
    if code == ErrorCode.CART_EMPTY:
        return t("Your cart is empty. Search for something first!")
    if code == ErrorCode.COUPON_INVALID:
        return t("That coupon can't be used: {reason}", reason=str(exc))
    if code == ErrorCode.ILLEGAL_TRANSITION:
        return t("That isn't possible for this order any more ({reason}).", reason=str(exc))
    if code == ErrorCode.PAYMENT_MISMATCH:
        return t("That payment doesn't match the order, so it was not applied. Nothing was charged twice.")
    return t("Sorry, that didn't work: {reason}", reason=str(exc))
