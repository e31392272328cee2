"""Why a price went down, and how to save more, in the shopper's language.

WHY from data: every adjustment and hint carries its reason as a typed code with typed parameters
(``store.pricing.reasons``); this module words each one through the catalogue, so English and Chinese say
the same thing and a change of wording in one language cannot break the other. Nothing here reads the
store's English ``explanation`` (kept for logs and exports). An adjustment without a reason (an order stored
before reasons were kept) is shown by the caller with its label and amount and no aside.
"""

from __future__ import annotations

import html
from decimal import Decimal

from bot.i18n import Translator
from store.pricing.breakdown import Adjustment
from store.pricing.reasons import (
    AdjustmentKind,
    CouponNotApplied,
    CouponRefusal,
    FixedCouponSaving,
    FlashSaleLimit,
    FlashSaleSaving,
    NextOfferTier,
    OfferTierSaving,
    PercentCouponSaving,
    PriceHint,
)

__all__ = ["adjustment_label", "adjustment_note", "hint_text", "percent_off_text", "offer_name", "tier_text"]


def percent_off_text(percent: int, t: Translator) -> str:
    """"10% off" -- in Chinese the native "9折" (pay 90%)."""
    if t.language == "zh":
        pay = Decimal(100 - percent) / 10
        return t("{n}% off", n=percent) if pay <= 0 else f"打{pay.normalize():f}折"
    return t("{n}% off", n=percent)


def offer_name(name: str, name_zh: str | None, t: Translator) -> str:
    """An offer's or a flash sale's own name (HTML-escaped), in Chinese when the shop gave one."""
    return html.escape(name_zh if t.language == "zh" and name_zh else name)


def tier_text(threshold: str, saving: str, tier: int, tiers: int, t: Translator) -> str:
    """"spend $200.00, save $30.00 · tier 2 of 3" (the tier only when the offer has several)."""
    if tiers > 1:
        return t("spend {threshold}, save {saving} · tier {tier} of {tiers}", threshold=threshold, saving=saving,
                 tier=tier, tiers=tiers)
    return t("spend {threshold}, save {saving}", threshold=threshold, saving=saving)


def adjustment_label(adj: Adjustment, t: Translator) -> str:
    """The adjustment's name (HTML-escaped): the sale, the offer or the coupon it comes from."""
    reason = adj.reason
    if isinstance(reason, FlashSaleSaving):
        return t("Flash sale: {title}", title=offer_name(reason.sale_title, reason.sale_title_zh, t))
    if isinstance(reason, OfferTierSaving):
        return offer_name(reason.offer_name, reason.offer_name_zh, t)
    if isinstance(reason, PercentCouponSaving | FixedCouponSaving):
        return t("Coupon {code}", code=html.escape(reason.coupon_code))
    if adj.kind is AdjustmentKind.FLASH_SALE:
        return t("Flash sale: {title}", title=html.escape(adj.label.removeprefix("Flash sale: ")))
    if adj.kind is AdjustmentKind.COUPON and adj.reference:
        return t("Coupon {code}", code=html.escape(adj.reference))
    return html.escape(adj.label)


def _coupon_note(discount: str, scoped: bool, capped_to: str | None, minimum: str | None, t: Translator) -> str:
    note = t("{discount} on eligible items", discount=discount) if scoped else discount
    if capped_to is not None:
        note += " · " + t("limited to your {amount}", amount=capped_to)
    if minimum is not None:
        note += " · " + t("minimum spend {amount}", amount=minimum)
    return note


def adjustment_note(adj: Adjustment, t: Translator) -> str | None:
    """A short aside for one price adjustment (HTML), or None when its reason was not recorded."""
    reason = adj.reason
    if isinstance(reason, FlashSaleSaving):
        return t("{n} × {price} instead of {list}", n=reason.quantity, price=reason.price.format(),
                 list=reason.list_price.format())
    if isinstance(reason, OfferTierSaving):
        return tier_text(reason.threshold.format(), reason.saving.format(), reason.tier, reason.tiers, t)
    if isinstance(reason, PercentCouponSaving):
        minimum = reason.min_spend.format() if reason.min_spend is not None else None
        return _coupon_note(percent_off_text(reason.percent, t), reason.scoped, None, minimum, t)
    if isinstance(reason, FixedCouponSaving):
        minimum = reason.min_spend.format() if reason.min_spend is not None else None
        return _coupon_note(t("{amount} off", amount=reason.amount_off.format()), reason.scoped,
                            reason.base.format() if reason.capped else None, minimum, t)
    return None


def _coupon_refusal(hint: CouponNotApplied, t: Translator) -> str:
    code = html.escape(hint.coupon_code)
    refusal = hint.refusal
    if refusal is CouponRefusal.MINIMUM_SPEND and hint.minimum is not None and hint.missing is not None:
        return t("Coupon {code} is not applied yet: it needs a spend of {minimum}. Add {missing} more to use it.",
                 code=code, minimum=hint.minimum.format(), missing=hint.missing.format())
    if refusal is CouponRefusal.EXPIRED and hint.moment is not None:
        return t("Coupon {code} is not applied: it expired on {date}.", code=code, date=f"{hint.moment:%Y-%m-%d}")
    if refusal is CouponRefusal.NOT_STARTED and hint.moment is not None:
        return t("Coupon {code} is not applied yet: it can be used from {date} (UTC).", code=code,
                 date=f"{hint.moment:%Y-%m-%d %H:%M}")
    if refusal is CouponRefusal.USED_UP:
        return t("Coupon {code} is not applied: it has been used up.", code=code)
    if refusal is CouponRefusal.PER_USER_LIMIT and hint.limit is not None:
        return t("Coupon {code} is not applied: you have already used it (limit: {limit} per shopper).", code=code,
                 limit=hint.limit)
    if refusal is CouponRefusal.UNKNOWN:
        return t("Coupon {code} is not applied: there is no such coupon.", code=code)
    if refusal is CouponRefusal.WRONG_CURRENCY and hint.currency:
        return t("Coupon {code} is not applied: it is for orders paid in {currency}.", code=code,
                 currency=html.escape(hint.currency))
    if refusal is CouponRefusal.NO_ELIGIBLE_ITEMS:
        return t("Coupon {code} is not applied: none of the items in your cart qualify.", code=code)
    return t("Coupon {code} no longer applies to your cart.", code=code)


def hint_text(hint: PriceHint, t: Translator) -> str:
    """A "save more" tip or a note on the cart's coupon, in the shopper's language (HTML)."""
    if isinstance(hint, NextOfferTier):
        return t("Add {more} more to save {saving} (spend {threshold}, save {saving}).", more=hint.missing.format(),
                 saving=hint.saving.format(), threshold=hint.threshold.format())
    if isinstance(hint, FlashSaleLimit):
        return t("Only {n} of them at the flash-sale price {price}; the other {m} at {list}.", n=hint.at_sale_price,
                 price=hint.price.format(), m=hint.at_list_price, list=hint.list_price.format())
    return _coupon_refusal(hint, t)
