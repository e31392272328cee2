"""Coupons: apply one by text ("use coupon SAVE5", "/coupon SAVE5", "优惠券 SAVE5"), from the promotions list
or the cart's button (which asks for the code), remove it; every refusal explained with its data (the end
date, the missing amount, the limit).

A gift card code (``GC-…``, in any case or spacing) typed where a coupon is accepted, or a message that asks
to redeem a gift card, goes to the gift-card skill (``bot.core.skills.checkout.gift_card``): a gift card is
money already paid, not a coupon."""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.followups import asks_something
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout import gift_card
from bot.core.skills.shopping.cart import cart_reply, drop_coupon_reply
from bot.core.skills.shopping.coupon_code import candidates, code_from_text, said_code
from bot.core.skills.shopping.coupon_words import asks_which_coupons, drops_coupon
from bot.core.skills.shopping.promotions import promotions_reply
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import get_cart
from store.giftcards import find_code
from store.giftcards.cards import looks_like_gift_code
from store.money import Money
from store.pricing.breakdown import PriceBreakdown
from store.pricing.engine import apply_coupon, quote_coupon
from store.pricing.errors import (
    CouponError,
    CouponExpired,
    CouponMinimumSpendNotMet,
    CouponNotApplicable,
    CouponNotStarted,
    CouponPerUserLimitReached,
    CouponUnknown,
    CouponUsedUp,
)
from store.pricing.reasons import CouponRefusal

__all__ = ["router", "explain_coupon_error", "code_from_text"]

router = Router("shopping.coupons")

def explain_coupon_error(exc: CouponError, t: Translator) -> str:
    code = html.escape(exc.coupon_code)
    if isinstance(exc, CouponUnknown):
        return t("I don't know the coupon {code}. Please check the spelling.", code=code)
    if isinstance(exc, CouponExpired):
        return t("Coupon {code} expired on {date}.", code=code, date=f"{exc.ended_at:%Y-%m-%d}")
    if isinstance(exc, CouponNotStarted):
        return t("Coupon {code} can be used from {date} (UTC).", code=code, date=f"{exc.starts_at:%Y-%m-%d %H:%M}")
    if isinstance(exc, CouponMinimumSpendNotMet):
        return t("Coupon {code} needs a spend of {minimum}; your items come to {current}. Add {missing} more to "
                 "use it.", code=code, minimum=exc.minimum.format(), current=exc.current.format(),
                 missing=exc.missing.format())
    if isinstance(exc, CouponUsedUp):
        return t("Sorry, coupon {code} has been used up.", code=code)
    if isinstance(exc, CouponPerUserLimitReached):
        return t("You have already used coupon {code} (limit: {limit} per shopper).", code=code, limit=exc.limit)
    if isinstance(exc, CouponNotApplicable):
        if exc.cause is CouponRefusal.EMPTY_CART:
            return t("Your cart is empty: add something first, then apply coupon {code}.", code=code)
        if exc.cause is CouponRefusal.NO_ELIGIBLE_ITEMS:
            return t("Coupon {code} is for other products: none of the items in your cart qualify.", code=code)
        if exc.cause is CouponRefusal.WRONG_CURRENCY and exc.currency:
            return t("Coupon {code} is for orders paid in {currency}, and your cart is in another currency.",
                     code=code, currency=html.escape(exc.currency))
        return t("Coupon {code} doesn't apply to your cart.", code=code)
    return t("Sorry, coupon {code} can't be used right now.", code=code)


async def _apply(code: str, services: Services, state: Conversation, t: Translator, lang: str,
                 codec: CallbackCodec, user_id: int, now: datetime, *,
                 replace_better: bool = False) -> Reply | list[Reply]:
    """Apply ``code``. One coupon per order: a coupon that would save less than the one on the cart does not
    replace it unless the shopper confirms (``replace_better``); it was swapped silently for a worse one.
    Mid-checkout the answer is followed by the checkout's step, not the cart (``checkout.midflow``)."""
    from bot.core.skills.checkout.midflow import after_coupon  # not at import: checkout.steps imports shopping

    if looks_like_gift_code(code):  # "GC-…" is never a coupon, even a mistyped one
        from store.giftcards import GiftCardError, GiftCardRefusal

        return Text(gift_card.gift_card_error_text(GiftCardError(code, GiftCardRefusal.NOT_A_CODE), t))
    try:
        async with services.uows() as uow:
            cart = await get_cart(uow, user_id, now)
            before = cart.coupon_code
            if before and before.upper() != code.upper() and not replace_better:
                kept = _saving(cart.breakdown)
                offered = _saving(await quote_coupon(uow, user_id, code, now))
                if kept is not None and (offered is None or offered < kept):
                    kept_reply = _keep_better(before, kept, code, offered, t, codec, user_id)
                    step = await after_coupon("", services, user_id, state, t, codec)
                    return [kept_reply, *step[1:]] if step else kept_reply
            breakdown = await apply_coupon(uow, user_id, code, now)
    except CouponError as exc:
        step = await after_coupon(explain_coupon_error(exc, t), services, user_id, state, t, codec)
        if step:  # mid-checkout: why not, and the step it was typed at
            return step
        return Text(explain_coupon_error(exc, t), buttons=keyboard([
            Button(t("🔥 Promotions"), data=codec.encode(user_id, "promos")),
            Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))]))
    saving = _saving(breakdown)
    note = t("🏷 Coupon {code} applied: you save {saved}.", code=html.escape(code.upper()),
             saved=saving.format() if saving is not None else "—")
    if before and before.upper() != code.upper():
        note += ("" if lang == "zh" else " ") + t("(It replaces {old}: one coupon per order.)", old=html.escape(before))
    state.topic = "coupon"  # "remove it" next means this coupon (shopping.cart.remove_intent)
    return (await after_coupon(note, services, user_id, state, t, codec)
            or await cart_reply(services, t, lang, codec, user_id, now, note=note))


def _saving(breakdown: PriceBreakdown | None) -> Money | None:
    adjustment = breakdown.adjustment("coupon") if breakdown is not None else None
    return -adjustment.amount if adjustment is not None else None


def _keep_better(kept_code: str, kept: Money, code: str, offered: Money | None, t: Translator,
                 codec: CallbackCodec, user_id: int) -> Reply:
    new = html.escape(code.upper())
    return Text(t("Your coupon {old} saves you {kept}; {new} would save {offered}. Only one coupon fits an order, "
                  "so I kept {old}.", old=html.escape(kept_code), kept=kept.format(), new=new,
                  offered=offered.format() if offered is not None else "—"),
                buttons=keyboard([Button(t("Use {code} anyway", code=new),
                                         data=codec.encode(user_id, "cpn", "f", code)),
                                  Button(t("🛒 View cart"), data=codec.encode(user_id, "cart"))]))


def _ask(t: Translator, state: Conversation) -> Reply:
    state.pending = Pending(kind="coupon")
    return Text(t("Type your coupon code (for example WELCOME10), or /cancel."))


@router.intent("apply_coupon")
@router.command("coupon")
async def coupon_intent(text: str, args: str, parse: ParseResult | None, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                        now: datetime) -> Reply | list[Reply]:
    said = args or text
    if drops_coupon(said):
        from bot.core.skills.checkout.midflow import coupon_dropped

        return (await coupon_dropped(services, user_id, state, t, codec, now)
                or await drop_coupon_reply(services, t, lang, codec, user_id, now))
    if _is_gift_card(said, args, parse):
        if find_code(said) is None and not looks_like_gift_code(said):
            return gift_card.ask_code(state, t, "co" if gift_card.in_checkout(state) else "c")
        return await gift_card.apply_code(said, services, state, t, lang, codec, user_id, now)
    # "/coupon freeship": the command's word is the code whatever it looks like; in a sentence, only a word that
    # looks like a code or is one ("I have a coupon too" asks for it: coupon_code)
    code = await said_code(args or text, None if args else parse, services) or (
        next(iter(candidates(args)), "").upper() if args else None)
    if not args and asks_which_coupons(text) and (not code or _plain_word(code, text)):
        # "is there a coupon i can use": the shop's public coupons and offers, each with its "Use" button.
        return await promotions_reply(services, t, lang, codec, user_id, now, state)
    if not code:
        return _ask(t, state)
    return await _apply(code, services, state, t, lang, codec, user_id, now)


def _plain_word(code: str, text: str) -> bool:
    """A "code" typed as a lowercase word of letters in a question ("is there a coupon for shoes"): a word."""
    return code.isalpha() and re.search(rf"\b{re.escape(code.lower())}\b", text) is not None


def _is_gift_card(said: str, args: str, parse: ParseResult | None) -> bool:
    """A GC- code anywhere, "/coupon GC…", a tagged code starting GC, or words like "gift card"."""
    if find_code(said) is not None or (args and looks_like_gift_code(args)):
        return True
    entity = parse.first("coupon_code") if parse is not None else None
    if entity is not None and str(entity.value).upper().startswith("GC-"):
        return True
    return gift_card.wants_gift_card(said)


@router.on_pending("coupon")
async def coupon_pending(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                         codec: CallbackCodec, user_id: int, now: datetime) -> Reply | list[Reply]:
    state.pending = None
    if find_code(text) is not None or looks_like_gift_code(text):
        return await gift_card.apply_code(text, services, state, t, lang, codec, user_id, now)
    code = await said_code(text, None, services)
    if code is None:
        if asks_something(text):
            # "两张券能一起用吗" / "can i use two?" at the code prompt: a question to answer, not a bad code
            from bot.core.skills.community.questions import answer_question

            return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec)
        return Text(t("That doesn't look like a coupon code. Codes are letters and digits, like SAVE5."))
    return await _apply(code, services, state, t, lang, codec, user_id, now)


@router.button("cpn")
async def coupon_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                        lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply | list[Reply]:
    action = payload.arg(0)
    if action in ("a", "f") and payload.arg(1):  # f: replace a coupon that saves more, as confirmed
        return await _apply(payload.arg(1), services, state, t, lang, codec, user_id, now,
                            replace_better=action == "f")
    if action == "r":
        return await drop_coupon_reply(services, t, lang, codec, user_id, now, edit=True)
    return _ask(t, state)
