"""Why a gift card cannot be used: one typed refusal per case, with the data a reply needs (the balance, the
card's currency), so the dialogue words it in either language and never reads ``str(exc)``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from store.errors import ErrorCode, StoreError
from store.money import Money

__all__ = ["GiftCardRefusal", "GiftCardError"]


class GiftCardRefusal(StrEnum):
    NOT_A_CODE = "not_a_code"  # the text is not shaped like GC-XXXX-XXXX-XXXX-XXXX
    UNKNOWN = "unknown"  # shaped like one, but no card has this code
    VOIDED = "voided"  # the card's own purchase was refunded
    EMPTY = "empty"  # nothing left on it
    WRONG_CURRENCY = "wrong_currency"  # the card is in ``currency``, the cart or order in ``order_currency``
    GIFT_CARDS_IN_CART = "gift_cards_in_cart"  # gift cards do not buy gift cards
    EMPTY_CART = "empty_cart"
    BALANCE_CHANGED = "balance_changed"  # another order used it between the summary and the order
    NOT_ENOUGH = "not_enough"  # "pay with the gift card" chosen, but the card does not cover the whole total


@dataclass(eq=False)
class GiftCardError(StoreError):
    """A gift card refused; ``gift_code`` is the code as normalised (or as typed when it is not a code)."""

    gift_code: str
    refusal: GiftCardRefusal
    balance: Money | None = None  # what is on the card now (EMPTY, BALANCE_CHANGED, NOT_ENOUGH)
    currency: str | None = None  # the card's currency (WRONG_CURRENCY)
    order_currency: str | None = None
    code: ErrorCode = ErrorCode.VALIDATION

    def __str__(self) -> str:
        detail = {
            GiftCardRefusal.NOT_A_CODE: "is not a gift card code",
            GiftCardRefusal.UNKNOWN: "is not a gift card of this shop",
            GiftCardRefusal.VOIDED: "was voided (its purchase was refunded)",
            GiftCardRefusal.EMPTY: "has no balance left",
            GiftCardRefusal.WRONG_CURRENCY: f"is in {self.currency}, the order in {self.order_currency}",
            GiftCardRefusal.GIFT_CARDS_IN_CART: "cannot pay for other gift cards",
            GiftCardRefusal.EMPTY_CART: "needs something in the cart",
            GiftCardRefusal.BALANCE_CHANGED: f"now has {self.balance} left (used on another order)",
            GiftCardRefusal.NOT_ENOUGH: f"has only {self.balance}, less than the total",
        }[self.refusal]
        return f"gift card {self.gift_code} {detail}"
