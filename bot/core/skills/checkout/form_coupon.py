"""A coupon typed while an address form waits for a field ("I have a coupon SAVE5" after ➕ New address,
"use coupon WELCOME10" when the street is asked, "不用优惠券了"): applied, refused with why, or removed, and the
form asks for the same field again with everything typed so far kept. Both forms: checkout's (``co_address``) and
the address book's (``addr_new``, where the coupon goes on the cart and the answer shows it).

WHY: the form took every message as its answer, so the coupon was ignored ("Who should we deliver to?" again) or,
worse, saved as the street or the city. The coupon rules are the shop's usual ones (``shopping.coupons``: one
coupon per order, the better one kept, gift-card codes redeemed as such); ``checkout.midflow.after_coupon``
follows the answer with the form's question instead of the checkout's step.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.checkout import address_form
from bot.core.skills.shopping.coupon_words import drops_coupon, mentions_coupon
from bot.core.state import Conversation
from bot.i18n import Translator

__all__ = ["coupon_in_form", "form_waiting"]


def form_waiting(state: Conversation) -> bool:
    """Checkout's address form is open (the coupon's answer is followed by its question, not the step)."""
    return state.pending is not None and state.pending.kind == "co_address"


async def coupon_in_form(text: str, services: Services, user_id: int, state: Conversation, t: Translator,
                         lang: str, codec: CallbackCodec, now: datetime) -> list[Reply] | None:
    """The coupon's answer and the form's question; None when the message is not about a coupon (the form
    takes it)."""
    from bot.core.skills.shopping.coupons import code_from_text, coupon_intent

    if not mentions_coupon(text) or address_form.looks_like_address(text):
        return None
    book = state.pending is not None and state.pending.kind == "addr_new"
    if drops_coupon(text) or code_from_text(text) is not None:
        replies = await coupon_intent(text, "", None, services, state, t, lang, codec, user_id, now)
        replies = replies if isinstance(replies, list) else [replies]
        # checkout's form is asked again by ``midflow.after_coupon``; the address book's here
        reminder = await address_form.resume_book(state, t) if book else None
        return replies + ([reminder] if reminder is not None else [])
    # "I have a coupon" with no code: ask for it, without leaving the form (a "coupon" step would replace it).
    waiting = await (address_form.resume_book if book else address_form.resume_checkout)(state, t)
    ask = t("Send the coupon code in a message like “coupon SAVE5” and I'll apply it.")
    return [Text(ask + ("\n\n" + waiting.text if isinstance(waiting, Text) else ""))]
