"""Typed coupon errors: each carries what the shopper needs to hear (dates, the missing amount, the limit).

Each names its ``CouponRefusal`` and turns into the same data as a hint (``as_hint``) when the cart's stored
coupon stops applying, so the dialogue words a refusal from fields, never from ``str(exc)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from store.errors import ErrorCode, StoreError
from store.money import Money
from store.pricing.reasons import CouponNotApplied, CouponRefusal

__all__ = [
    "CouponError", "CouponUnknown", "CouponExpired", "CouponNotStarted", "CouponMinimumSpendNotMet",
    "CouponUsedUp", "CouponPerUserLimitReached", "CouponNotApplicable",
]


class CouponError(StoreError):
    """Base of every coupon refusal; ``coupon_code`` names the code the shopper typed (upper-cased)."""

    code = ErrorCode.COUPON_INVALID
    coupon_code: str

    @property
    def refusal(self) -> CouponRefusal:
        raise NotImplementedError

    def as_hint(self) -> CouponNotApplied:
        return CouponNotApplied(self.coupon_code, self.refusal)


@dataclass(eq=False)
class CouponUnknown(CouponError):
    coupon_code: str

    @property
    def refusal(self) -> CouponRefusal:
        return CouponRefusal.UNKNOWN

    def __str__(self) -> str:
        return f"there is no coupon {self.coupon_code}"


@dataclass(eq=False)
class CouponExpired(CouponError):
    coupon_code: str
    ended_at: datetime

    @property
    def refusal(self) -> CouponRefusal:
        return CouponRefusal.EXPIRED

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} expired on {self.ended_at:%Y-%m-%d}"

    def as_hint(self) -> CouponNotApplied:
        return CouponNotApplied(self.coupon_code, self.refusal, moment=self.ended_at)


@dataclass(eq=False)
class CouponNotStarted(CouponError):
    coupon_code: str
    starts_at: datetime

    @property
    def refusal(self) -> CouponRefusal:
        return CouponRefusal.NOT_STARTED

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} can be used from {self.starts_at:%Y-%m-%d %H:%M} UTC"

    def as_hint(self) -> CouponNotApplied:
        return CouponNotApplied(self.coupon_code, self.refusal, moment=self.starts_at)


@dataclass(eq=False)
class CouponMinimumSpendNotMet(CouponError):
    coupon_code: str
    minimum: Money
    current: Money
    missing: Money

    @property
    def refusal(self) -> CouponRefusal:
        return CouponRefusal.MINIMUM_SPEND

    def __str__(self) -> str:
        return (f"coupon {self.coupon_code} needs a spend of {self.minimum} (you have {self.current}); "
                f"add {self.missing} more")

    def as_hint(self) -> CouponNotApplied:
        return CouponNotApplied(self.coupon_code, self.refusal, minimum=self.minimum, current=self.current,
                                missing=self.missing)


@dataclass(eq=False)
class CouponUsedUp(CouponError):
    coupon_code: str

    @property
    def refusal(self) -> CouponRefusal:
        return CouponRefusal.USED_UP

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} has been used up"


@dataclass(eq=False)
class CouponPerUserLimitReached(CouponError):
    coupon_code: str
    limit: int

    @property
    def refusal(self) -> CouponRefusal:
        return CouponRefusal.PER_USER_LIMIT

    def __str__(self) -> str:
        times = "once" if self.limit == 1 else f"{self.limit} times"
        return f"you have already used coupon {self.coupon_code} ({times} per shopper)"

    def as_hint(self) -> CouponNotApplied:
        return CouponNotApplied(self.coupon_code, self.refusal, limit=self.limit)


_NOT_APPLICABLE = (CouponRefusal.WRONG_CURRENCY, CouponRefusal.NO_ELIGIBLE_ITEMS, CouponRefusal.EMPTY_CART)


@dataclass(eq=False)
class CouponNotApplicable(CouponError):
    """Wrong currency (``currency`` is the coupon's), no qualifying item, or an empty cart."""

    coupon_code: str
    cause: CouponRefusal
    currency: str | None = None

    def __post_init__(self) -> None:
        if self.cause not in _NOT_APPLICABLE:
            raise ValueError(f"{self.cause} is not a reason for CouponNotApplicable")

    @property
    def refusal(self) -> CouponRefusal:
        return self.cause

    @property
    def reason(self) -> str:
        """The English reason (logs)."""
        if self.cause is CouponRefusal.WRONG_CURRENCY:
            return f"it is for orders in {self.currency}"
        return "none of your items qualify" if self.cause is CouponRefusal.NO_ELIGIBLE_ITEMS else "your cart is empty"

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} does not apply: {self.reason}"

    def as_hint(self) -> CouponNotApplied:
        return CouponNotApplied(self.coupon_code, self.cause, currency=self.currency)
