"""Money as integer minor units with a currency: never floats, never a bare number."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["Money", "MoneyError", "currency_exponent", "known_currencies", "parse_major"]

# ISO 4217 exponents for the currencies a shop is likely to use; XTR is Telegram Stars (whole stars).
_EXPONENTS: dict[str, int] = {
    "USD": 2, "EUR": 2, "GBP": 2, "CNY": 2, "HKD": 2, "SGD": 2, "AUD": 2, "CAD": 2, "CHF": 2, "RUB": 2,
    "INR": 2, "TWD": 2, "MYR": 2, "THB": 2, "UAH": 2, "BRL": 2, "MXN": 2, "JPY": 0, "KRW": 0, "VND": 0,
    "XTR": 0,
}


class MoneyError(ValueError):
    """An amount or currency that cannot be money (wrong scale, unknown currency, mixed currencies)."""


def currency_exponent(currency: str) -> int:
    try:
        return _EXPONENTS[currency.upper()]
    except KeyError:
        raise MoneyError(f"unknown currency {currency!r}") from None


def known_currencies() -> tuple[str, ...]:
    """Every currency code money can be kept in (settings refuse any other shop currency at start)."""
    return tuple(sorted(_EXPONENTS))


def parse_major(text: str | int | float | Decimal, currency: str) -> Money:
    """Parse "19.99" (major units) into Money, refusing more decimals than the currency has."""
    exponent = currency_exponent(currency)
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        raise MoneyError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise MoneyError(f"{text!r} is not a finite amount")
    scaled = value * (Decimal(10) ** exponent)
    if scaled != scaled.to_integral_value():
        raise MoneyError(f"{text!r} has more than {exponent} decimals for {currency.upper()}")
    return Money(int(scaled), currency.upper())


@dataclass(frozen=True, order=True)
class Money:
    amount: int  # minor units
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise MoneyError(f"amount must be an int of minor units, got {self.amount!r}")
        currency_exponent(self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency.upper())

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def times(self, quantity: int) -> Money:
        return Money(self.amount * quantity, self.currency)

    def percent(self, percent: int | Decimal) -> Money:
        """This amount times percent/100, rounded half up to a minor unit."""
        value = (Decimal(self.amount) * Decimal(percent) / Decimal(100)).quantize(Decimal(1), ROUND_HALF_UP)
        return Money(int(value), self.currency)

    def to_major(self) -> Decimal:
        exponent = currency_exponent(self.currency)
        return (Decimal(self.amount) / (Decimal(10) ** exponent)).quantize(Decimal(1).scaleb(-exponent))

    def format(self) -> str:
        """Human form: "$19.99", "¥120.00", "250 ⭐"."""
        symbol = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(self.currency)
        if self.currency == "XTR":
            return f"{self.amount} ⭐"
        major = self.to_major()
        sign = "-" if major < 0 else ""
        return f"{sign}{symbol}{abs(major):,}" if symbol else f"{sign}{abs(major):,} {self.currency}"

    def __str__(self) -> str:
        return self.format()
