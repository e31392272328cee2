"""Typed coupon errors: each carries what the shopper needs to hear (dates, the missing amount, the limit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from store.errors import ErrorCode, StoreError
from store.money import Money

__all__ = [
    "CouponError", "CouponUnknown", "CouponExpired", "CouponNotStarted", "CouponMinimumSpendNotMet",
    "CouponUsedUp", "CouponPerUserLimitReached", "CouponNotApplicable",
]


class CouponError(StoreError):
    """Base of every coupon refusal; ``coupon_code`` names the code the shopper typed (upper-cased)."""

    code = ErrorCode.COUPON_INVALID
    coupon_code: str


@dataclass(eq=False)
class CouponUnknown(CouponError):
    coupon_code: str

    def __str__(self) -> str:
        return f"there is no coupon {self.coupon_code}"


@dataclass(eq=False)
class CouponExpired(CouponError):
    coupon_code: str
    ended_at: datetime

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} expired on {self.ended_at:%Y-%m-%d}"


@dataclass(eq=False)
class CouponNotStarted(CouponError):
    coupon_code: str
    starts_at: datetime

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} can be used from {self.starts_at:%Y-%m-%d %H:%M} UTC"


@dataclass(eq=False)
class CouponMinimumSpendNotMet(CouponError):
    coupon_code: str
    minimum: Money
    current: Money
    missing: Money

    def __str__(self) -> str:
        return (f"coupon {self.coupon_code} needs a spend of {self.minimum} (you have {self.current}); "
                f"add {self.missing} more")


@dataclass(eq=False)
class CouponUsedUp(CouponError):
    coupon_code: str

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} has been used up"


@dataclass(eq=False)
class CouponPerUserLimitReached(CouponError):
    coupon_code: str
    limit: int

    def __str__(self) -> str:
        times = "once" if self.limit == 1 else f"{self.limit} times"
        return f"you have already used coupon {self.coupon_code} ({times} per shopper)"


@dataclass(eq=False)
class CouponNotApplicable(CouponError):
    coupon_code: str
    reason: str

    def __str__(self) -> str:
        return f"coupon {self.coupon_code} does not apply: {self.reason}"
