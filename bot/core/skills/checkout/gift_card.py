"""Gift cards in the dialogue: apply a code in the cart or at checkout, remove it, and every refusal explained.

Where a code comes in: "apply GC-…", "/coupon GC-…", "redeem gift card GC-…" (the coupon skill hands any
GC- code here), the cart's and the payment step's "🎁 Gift card" button (which asks for the code: pending
step ``gift_card``), or a code typed while that question is open. Codes are normalised (case, spaces, dashes).
Button prefix ``gcd``: ``ask:<where>``, ``r:<where>`` (remove); ``<where>`` is ``c`` (cart) or ``co``
(checkout), so the answer comes back where the shopper was. WHY the card is not a coupon: it is money already
paid (store.giftcards), so it is shown as its own line *after* the total, with what is left on the card.
"""

from __future__ import annotations

import html
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from store.giftcards import GiftCardError, GiftCardRefusal, apply_gift_card, find_code, masked, remove_gift_card
from store.giftcards.cards import looks_like_gift_code
from store.money import Money

__all__ = ["router", "gift_card_error_text", "card_line", "left_line", "apply_code", "ask_code", "wants_gift_card",
           "gift_card_button", "in_checkout"]

router = Router("gift_cards")

_WORDS = ("gift card", "giftcard", "gift-card", "e-gift", "礼品卡", "礼物卡", "购物卡")


def wants_gift_card(text: str) -> bool:
    """The message names a gift card (with or without a code): "redeem gift card", "用礼品卡"."""
    folded = text.casefold()
    return any(w in folded for w in _WORDS) or find_code(text) is not None or looks_like_gift_code(text)


def gift_card_error_text(exc: GiftCardError, t: Translator) -> str:
    why = exc.refusal
    # A real card is named by its last group only (the code is a bearer secret); what was typed is shown whole
    # when it matches no card, so the shopper can spot the typo.
    unknown = why in (GiftCardRefusal.NOT_A_CODE, GiftCardRefusal.UNKNOWN)
    code = html.escape(exc.gift_code if unknown or exc.gift_code.count("-") != 4 else masked(exc.gift_code))
    if why is GiftCardRefusal.NOT_A_CODE:
        return t("“{code}” doesn't look like a gift card code. Gift card codes look like GC-XXXX-XXXX-XXXX-XXXX "
                 "(letters and digits; spaces and small letters are fine).", code=code)
    if why is GiftCardRefusal.UNKNOWN:
        return t("I can't find a gift card with the code {code}. Please check it against the message it came "
                 "in — each group has four letters or digits.", code=code)
    if why is GiftCardRefusal.VOIDED:
        return t("Gift card {code} can't be used: it was cancelled when its purchase was refunded.", code=code)
    if why is GiftCardRefusal.EMPTY:
        return t("Gift card {code} has been used up: there is nothing left on it.", code=code)
    if why is GiftCardRefusal.WRONG_CURRENCY and exc.currency:
        if exc.order_currency == "XTR":
            return t("Gift card {code} pays in {currency}, and your cart is priced in Telegram Stars. Use it on "
                     "goods priced in {currency}.", code=code, currency=html.escape(exc.currency))
        return t("Gift card {code} is in {currency}, but your order is in {other}: a card pays only in its own "
                 "currency.", code=code, currency=html.escape(exc.currency),
                 other=html.escape(exc.order_currency or ""))
    if why is GiftCardRefusal.GIFT_CARDS_IN_CART:
        return t("Gift cards can't be used to buy other gift cards. Check out the gift cards separately, then use "
                 "{code} on the rest.", code=code)
    if why is GiftCardRefusal.EMPTY_CART:
        return t("Your cart is empty: add something first, then apply gift card {code}.", code=code)
    if why is GiftCardRefusal.BALANCE_CHANGED and exc.balance is not None:
        return t("Gift card {code} was just used on another order and now has {balance} left. I've updated the "
                 "amount — please check it and confirm again.", code=code, balance=exc.balance.format())
    if why is GiftCardRefusal.NOT_ENOUGH and exc.balance is not None:
        return t("Gift card {code} has {balance}, less than the total: choose how to pay the rest.", code=code,
                 balance=exc.balance.format())
    return t("Gift card {code} can't be used right now.", code=code)


def card_line(code_masked: str, applied: Money, balance_after: Money | None, t: Translator) -> str:
    """"🎁 Gift card GC-…-USV9: -$25.00, $0.00 left on the card"."""
    amount = (-applied).format()
    if balance_after is None:
        return "🎁 " + t("Gift card {code}: {amount}", code=html.escape(code_masked), amount=amount)
    return "🎁 " + t("Gift card {code}: {amount}, {left} left on the card", code=html.escape(code_masked),
                     amount=amount, left=balance_after.format())


def left_line(left: Money, t: Translator) -> str:
    if left.amount == 0:
        return "<b>" + t("Left to pay: {amount} — the gift card pays it all", amount=left.format()) + "</b>"
    return "<b>" + t("Left to pay: {amount}", amount=left.format()) + "</b>"


def in_checkout(state: Conversation) -> bool:
    """The shopper is choosing how to pay a cart checkout (where a card's answer should come back to)."""
    co = state.checkout
    return bool(co) and "order" not in co and co.get("method") is None and (bool(co.get("digital")) or "ship" in co)


def gift_card_button(has_card: bool, where: str, t: Translator, codec: CallbackCodec, user_id: int) -> Button:
    if has_card:
        return Button(t("✖ Remove gift card"), data=codec.encode(user_id, "gcd", "r", where))
    return Button(t("🎁 Gift card"), data=codec.encode(user_id, "gcd", "ask", where))


def ask_code(state: Conversation, t: Translator, where: str) -> Text:
    state.pending = Pending(kind="gift_card", data={"where": where})
    return Text(t("Send your gift card code (it looks like GC-XXXX-XXXX-XXXX-XXXX), or /cancel."))


async def _back(where: str, note: str, services: Services, state: Conversation, t: Translator, lang: str,
                codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    if where == "co" and in_checkout(state):
        from bot.core.skills.checkout import steps

        return [Text(note), *await steps.payment_step(services, user_id, state, t, codec)]
    from bot.core.skills.shopping.cart import cart_reply

    return [await cart_reply(services, t, lang, codec, user_id, now, note=note)]


async def apply_code(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                     codec: CallbackCodec, user_id: int, now: datetime, where: str | None = None) -> list[Reply]:
    """Apply the gift card in ``text`` (a whole message or just the code) to the cart."""
    where = where or ("co" if in_checkout(state) else "c")
    typed = find_code(text) or " ".join(text.split())
    try:
        async with services.uows() as uow:
            use = await apply_gift_card(uow, user_id, typed)
    except GiftCardError as exc:
        buttons = keyboard([Button(t("🎁 Try another code"), data=codec.encode(user_id, "gcd", "ask", where)),
                            Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))])
        return [Text(gift_card_error_text(exc, t), buttons=buttons)]
    note = t("🎁 Gift card {code} applied: it has {balance}.", code=html.escape(use.masked),
             balance=use.card.balance.format())
    return await _back(where, note, services, state, t, lang, codec, user_id, now)


@router.on_pending("gift_card")
async def gift_card_pending(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                            codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    where = str((state.pending.data if state.pending else {}).get("where") or "c")
    state.pending = None
    if text.strip().casefold() in ("cancel", "/cancel", "取消"):
        return [Text(t("Okay, no gift card."))]
    return await apply_code(text, services, state, t, lang, codec, user_id, now, where)


@router.button("gcd")
async def gift_card_buttons(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                            lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    action, where = payload.arg(0), payload.arg(1) or "c"
    if action == "r":
        async with services.uows() as uow:
            await remove_gift_card(uow, user_id)
        return await _back(where, t("Gift card removed from this order."), services, state, t, lang, codec,
                           user_id, now)
    return [ask_code(state, t, where)]
