"""Gift cards redeemed for real: codes, balances that never go below zero, the card as a tender on orders.

``cards`` (codes, balance changes, history), ``service`` (the cart: apply, quote, remove), ``orders`` (checkout
takes the card part, payment records it, cancel/expiry give it back); refunds live in ``store.payments.refunds``.
"""

from __future__ import annotations

from store.giftcards.cards import GiftCardView, find_code, looks_like_gift_code, masked, normalize_code
from store.giftcards.errors import GiftCardError, GiftCardRefusal
from store.giftcards.service import GiftCardUse, apply_gift_card, quote_gift_card, remove_gift_card

__all__ = ["GiftCardView", "GiftCardUse", "GiftCardError", "GiftCardRefusal", "find_code", "looks_like_gift_code",
           "masked", "normalize_code", "apply_gift_card", "quote_gift_card", "remove_gift_card"]
