"""Why a price changed and how to save more, as data: a typed reason code with typed parameters.

WHY data and not sentences: the shopper reads every adjustment and hint in their own language, and the
dialogue words them from these fields (``bot/core/skills/shopping/savings.py``). A sentence would have to be
parsed back into numbers, and any change of wording would silently break the other language. ``english()``
still words each reason for logs, exports and staff, but nothing reads that text back.

Adjustment reasons: ``FlashSaleSaving``, ``OfferTierSaving``, ``PercentCouponSaving``, ``FixedCouponSaving``.
Hints: ``NextOfferTier``, ``FlashSaleLimit``, ``CouponNotApplied``. Each class has one ``ReasonCode``; an
order stores ``{"code": ..., "params": {...}}`` (``store.pricing.snapshot``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from store.money import Money

__all__ = [
    "AdjustmentKind", "ReasonCode", "CouponRefusal", "FlashSaleSaving", "OfferTierSaving", "PercentCouponSaving",
    "FixedCouponSaving", "NextOfferTier", "FlashSaleLimit", "CouponNotApplied", "AdjustmentReason", "PriceHint",
    "REASON_TYPES",
]


class AdjustmentKind(StrEnum):
    FLASH_SALE = "flash_sale"
    OFFER = "offer"
    COUPON = "coupon"


class ReasonCode(StrEnum):
    # adjustments
    FLASH_SALE = "flash_sale"
    OFFER_TIER = "offer_tier"
    COUPON_PERCENT = "coupon_percent"
    COUPON_FIXED = "coupon_fixed"
    # hints
    NEXT_OFFER_TIER = "next_offer_tier"
    FLASH_SALE_LIMIT = "flash_sale_limit"
    COUPON_NOT_APPLIED = "coupon_not_applied"


class CouponRefusal(StrEnum):
    """Why a coupon does not apply (each ``store.pricing.errors.CouponError`` names one)."""

    UNKNOWN = "unknown"
    NOT_STARTED = "not_started"
    EXPIRED = "expired"
    MINIMUM_SPEND = "minimum_spend"
    USED_UP = "used_up"
    PER_USER_LIMIT = "per_user_limit"
    WRONG_CURRENCY = "wrong_currency"
    NO_ELIGIBLE_ITEMS = "no_eligible_items"
    EMPTY_CART = "empty_cart"


def _tier(tier: int, tiers: int) -> str:
    return f" (tier {tier} of {tiers})" if tiers > 1 else ""


@dataclass(frozen=True)
class FlashSaleSaving:
    """``quantity`` units of ``item_title`` at ``price`` instead of ``list_price`` in the sale ``sale_title``."""

    code: ClassVar[ReasonCode] = ReasonCode.FLASH_SALE
    item_title: str
    sale_title: str
    price: Money
    list_price: Money
    quantity: int
    saving: Money
    sale_title_zh: str | None = None  # the sale's Chinese name, when the shop gave one

    def english(self) -> str:
        return (f"{self.item_title}: {self.price} instead of {self.list_price} × {self.quantity} "
                f"(you save {self.saving})")


@dataclass(frozen=True)
class OfferTierSaving:
    """Tier ``tier`` (1 = the lowest threshold) of ``tiers`` of a full-reduction offer was reached by ``base``."""

    code: ClassVar[ReasonCode] = ReasonCode.OFFER_TIER
    offer_name: str
    offer_name_zh: str | None
    tier: int
    tiers: int
    threshold: Money
    saving: Money  # the tier's saving
    base: Money  # the items the offer was measured on (list prices, flash-sale units excluded)
    applied: Money  # what was taken off: the saving, capped at ``base``

    def english(self) -> str:
        return f"Spend {self.threshold}, save {self.saving}{_tier(self.tier, self.tiers)} (your items: {self.base})"


@dataclass(frozen=True)
class PercentCouponSaving:
    code: ClassVar[ReasonCode] = ReasonCode.COUPON_PERCENT
    coupon_code: str
    percent: int
    base: Money  # what the coupon applied to
    applied: Money
    scoped: bool  # only some items (a category or a product) qualified
    min_spend: Money | None

    def english(self) -> str:
        scope = " on eligible items" if self.scoped else ""
        minimum = f"; minimum spend {self.min_spend}" if self.min_spend is not None else ""
        return f"{self.percent}% off {self.base}{scope} = {self.applied}{minimum}"


@dataclass(frozen=True)
class FixedCouponSaving:
    code: ClassVar[ReasonCode] = ReasonCode.COUPON_FIXED
    coupon_code: str
    amount_off: Money  # the coupon's face value
    base: Money
    applied: Money  # ``amount_off`` capped at ``base``
    scoped: bool
    min_spend: Money | None

    @property
    def capped(self) -> bool:
        return self.applied.amount < self.amount_off.amount

    def english(self) -> str:
        text = f"{self.amount_off} off" + (" on eligible items" if self.scoped else "")
        if self.capped:
            text += f" (limited to your {self.base})"
        return text + (f"; minimum spend {self.min_spend}" if self.min_spend is not None else "")


@dataclass(frozen=True)
class NextOfferTier:
    """Spending ``missing`` more reaches tier ``tier`` of ``tiers`` (``threshold``, saving ``saving``)."""

    code: ClassVar[ReasonCode] = ReasonCode.NEXT_OFFER_TIER
    offer_name: str
    offer_name_zh: str | None
    tier: int
    tiers: int
    threshold: Money
    saving: Money
    current: Money
    missing: Money

    def english(self) -> str:
        return (f"Add {self.missing} more to save {self.saving} ({self.offer_name}: spend {self.threshold}, "
                f"save {self.saving}).")


@dataclass(frozen=True)
class FlashSaleLimit:
    """Only ``at_sale_price`` units get the flash price (units left or the per-shopper limit)."""

    code: ClassVar[ReasonCode] = ReasonCode.FLASH_SALE_LIMIT
    item_title: str
    sale_title: str
    price: Money
    list_price: Money
    at_sale_price: int
    at_list_price: int

    def english(self) -> str:
        return (f"Only {self.at_sale_price} × {self.item_title} at the flash-sale price {self.price}; "
                f"the other {self.at_list_price} at {self.list_price}.")


@dataclass(frozen=True)
class CouponNotApplied:
    """The cart's coupon does not apply (any more); the fields that matter depend on ``refusal``."""

    code: ClassVar[ReasonCode] = ReasonCode.COUPON_NOT_APPLIED
    coupon_code: str
    refusal: CouponRefusal
    minimum: Money | None = None  # MINIMUM_SPEND
    current: Money | None = None  # MINIMUM_SPEND
    missing: Money | None = None  # MINIMUM_SPEND
    moment: datetime | None = None  # NOT_STARTED (start), EXPIRED (end)
    limit: int | None = None  # PER_USER_LIMIT
    currency: str | None = None  # WRONG_CURRENCY: the coupon's currency

    def english(self) -> str:
        why = {
            CouponRefusal.UNKNOWN: "there is no such coupon",
            CouponRefusal.NOT_STARTED: f"it can be used from {self.moment:%Y-%m-%d %H:%M} UTC" if self.moment
            else "it has not started yet",
            CouponRefusal.EXPIRED: f"it expired on {self.moment:%Y-%m-%d}" if self.moment else "it expired",
            CouponRefusal.MINIMUM_SPEND: f"it needs a spend of {self.minimum} (you have {self.current}); "
                                         f"add {self.missing} more",
            CouponRefusal.USED_UP: "it has been used up",
            CouponRefusal.PER_USER_LIMIT: f"you have already used it ({self.limit} per shopper)",
            CouponRefusal.WRONG_CURRENCY: f"it is for orders in {self.currency}",
            CouponRefusal.NO_ELIGIBLE_ITEMS: "none of your items qualify",
            CouponRefusal.EMPTY_CART: "your cart is empty",
        }[self.refusal]
        return f"Coupon {self.coupon_code} is not applied: {why}."


AdjustmentReason = FlashSaleSaving | OfferTierSaving | PercentCouponSaving | FixedCouponSaving
PriceHint = NextOfferTier | FlashSaleLimit | CouponNotApplied

REASON_TYPES: dict[ReasonCode, type[AdjustmentReason] | type[PriceHint]] = {
    cls.code: cls for cls in (FlashSaleSaving, OfferTierSaving, PercentCouponSaving, FixedCouponSaving,
                              NextOfferTier, FlashSaleLimit, CouponNotApplied)
}
