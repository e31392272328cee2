"""Levels and the earning rate, in one place so the bot, the docs and the tests agree.

Levels (by current balance): Bronze from 0, Silver from 500, Gold from 2000 points.

Earning: one point per whole unit of the order total in USD/EUR/GBP (e.g. $25.99 -> 25 points); currencies
worth much less per unit earn at a matching rate (CNY 1 point per 7 yuan, Telegram Stars 1 point per 75
stars, roughly a dollar each); other currencies earn one point per major unit. A review earns 20 points,
an answer to another shopper's question 10. Points of an order that is refunded or cancelled after payment
are taken back in full.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.money import Money, currency_exponent

__all__ = ["Level", "LEVELS", "level_for", "next_level", "points_for_order", "REVIEW_POINTS",
           "ANSWER_POINTS"]

REVIEW_POINTS = 20
ANSWER_POINTS = 10
# Minor units of spend per point where one major unit is worth far less than a dollar.
_MINOR_PER_POINT = {"CNY": 700, "JPY": 150, "XTR": 75}


@dataclass(frozen=True)
class Level:
    name: str
    threshold: int


LEVELS: tuple[Level, ...] = (Level("Bronze", 0), Level("Silver", 500), Level("Gold", 2000))


def level_for(balance: int) -> Level:
    reached = [lv for lv in LEVELS if balance >= lv.threshold]
    return reached[-1] if reached else LEVELS[0]


def next_level(balance: int) -> Level | None:
    return next((lv for lv in LEVELS if lv.threshold > balance), None)


def points_for_order(total: Money) -> int:
    per_point: int = _MINOR_PER_POINT.get(total.currency) or int(10 ** currency_exponent(total.currency))
    return max(0, int(total.amount) // per_point)
