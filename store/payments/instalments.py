"""Instalment plans shown for larger orders: 3, 6 or 12 monthly payments in exact minor units.

Amounts are split so they sum to the total exactly: the remainder of the division goes one minor unit at
a time to the first months (never rounding money away). This is what is shown; collection is the
provider's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.money import Money

__all__ = ["InstalmentOption", "instalment_plan", "split", "DEFAULT_THRESHOLD_MINOR", "DEFAULT_MONTHS"]

DEFAULT_THRESHOLD_MINOR = 30000
DEFAULT_MONTHS = (3, 6, 12)


@dataclass(frozen=True)
class InstalmentOption:
    months: int
    payments: tuple[Money, ...]  # one per month, first month first
    total: Money

    @property
    def per_month(self) -> Money:
        """The usual monthly amount (the first months may carry one extra minor unit)."""
        return self.payments[-1]


def split(total: Money, months: int) -> tuple[Money, ...]:
    if months <= 0:
        raise ValueError("months must be positive")
    base, rest = divmod(total.amount, months)
    return tuple(Money(base + (1 if i < rest else 0), total.currency) for i in range(months))


def instalment_plan(total: Money, *, threshold_minor: int = DEFAULT_THRESHOLD_MINOR,
                    months: tuple[int, ...] = DEFAULT_MONTHS) -> list[InstalmentOption]:
    """Options for an order of ``total``; empty unless it is above the threshold (same currency)."""
    if total.amount <= threshold_minor or total.amount <= 0:
        return []
    return [InstalmentOption(m, split(total, m), total) for m in months if total.amount >= m]
