"""Shipping options and their prices: what checkout offers and charges.

Rates are per currency in minor units; standard shipping is free from a merchandise total (after
discounts). Digital goods have the single option ``digital`` at no charge, and need no address. Which
physical options an address may choose at all is ``store.shipping.zones``'s rule.

Delivery estimates follow the published policy (knowledge/demo/faq.json, "How long does delivery take?"):
within the shop's home country standard takes 3-5 business days and express 1-2; abroad 7-14 and 3-6. WHY
the estimate depends on the destination: a Shanghai address was promised "3-5 days", a week or more short
of what the shop can do. Prices are the same everywhere (the same FAQ), so only ``days`` changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ValidationFailed
from store.models.orders import ShippingOption
from store.money import Money
from store.shipping.zones import ShippingZones

__all__ = ["ShippingRates", "ShippingQuote", "RATES", "quote", "available_options", "needs_address"]


@dataclass(frozen=True)
class ShippingRates:
    standard: int
    express: int
    free_standard_from: int


@dataclass(frozen=True)
class ShippingQuote:
    option: ShippingOption
    price: Money
    days: str  # delivery estimate shown to the shopper, e.g. "3-5"
    free_because_over: Money | None = None  # set when standard shipping was waived by the threshold


RATES: dict[str, ShippingRates] = {
    "USD": ShippingRates(standard=599, express=1599, free_standard_from=5000),
    "EUR": ShippingRates(standard=599, express=1599, free_standard_from=5000),
    "GBP": ShippingRates(standard=499, express=1299, free_standard_from=4000),
    "CNY": ShippingRates(standard=1000, express=2500, free_standard_from=19900),
}

_DAYS = {ShippingOption.STANDARD: "3-5", ShippingOption.EXPRESS: "1-2", ShippingOption.PICKUP: "0",
         ShippingOption.DIGITAL: "0"}
_INTERNATIONAL_DAYS = {**_DAYS, ShippingOption.STANDARD: "7-14", ShippingOption.EXPRESS: "3-6"}


def needs_address(option: ShippingOption) -> bool:
    return option in (ShippingOption.STANDARD, ShippingOption.EXPRESS)


def quote(option: ShippingOption, merchandise: Money, *, is_digital: bool, domestic: bool = True) -> ShippingQuote:
    """Price one option for an order whose goods cost ``merchandise`` (after discounts). ``domestic``: the
    address is in the shop's home country (``ShippingZones.is_domestic``); it changes only the estimate, so
    callers that need just the price may leave it."""
    cur = merchandise.currency
    days = (_DAYS if domestic else _INTERNATIONAL_DAYS)[option]
    if is_digital != (option is ShippingOption.DIGITAL):
        what = "digital goods are delivered in chat" if is_digital else "physical goods need a shipping option"
        raise ValidationFailed(f"{option.value} does not fit this order: {what}")
    if option in (ShippingOption.DIGITAL, ShippingOption.PICKUP):
        return ShippingQuote(option, Money.zero(cur), days)
    rates = RATES.get(cur)
    if rates is None:
        raise ValidationFailed(f"no shipping rates configured for {cur}")
    if option is ShippingOption.EXPRESS:
        return ShippingQuote(option, Money(rates.express, cur), days)
    if merchandise.amount >= rates.free_standard_from:
        return ShippingQuote(option, Money.zero(cur), days, Money(rates.free_standard_from, cur))
    return ShippingQuote(option, Money(rates.standard, cur), days)


def available_options(merchandise: Money, *, is_digital: bool, country: str | None,
                      zones: ShippingZones) -> list[ShippingQuote]:
    """The options that serve an address in ``country`` (None: no address yet), priced, with the domestic or
    international estimate. Empty when none does: the caller says so instead of offering something the shop
    cannot deliver."""
    if is_digital:
        return [quote(ShippingOption.DIGITAL, merchandise, is_digital=True)]
    domestic = zones.is_domestic(country)
    return [quote(o, merchandise, is_digital=False, domestic=domestic) for o in zones.options_for(country)]
