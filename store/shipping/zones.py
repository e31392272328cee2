"""Where each shipping option can go: the countries the shop delivers to and where its pickup point is.

WHY a rule of its own: checkout offered every option to every address, so a shopper in China was offered
pickup at the shop's counter in Seattle, and an order could be placed that the shop cannot fulfil. The same
``ShippingZones`` decides what the dialogue offers (``options_for``) and what the store accepts
(``store.checkout.delivery.check_serves``), so a stale button cannot get past the store.

Pickup is matched by country, not city: the city is free text ("Seattle", "西雅图", a suburb) and a shopper
near the counter may well give an address in the next town; an address abroad can never collect in person.
An order placed without an address (pickup chosen before any address) is served when the shop has a
pickup point at all. ``DEMO_ZONES`` is the demo shop's published policy (knowledge/demo/faq.json: "Which
countries do you ship to?" and the pickup counter at 88 Pine Street, Seattle); ``bot.settings`` can replace it.

The shop's **home country** (``home``: set explicitly, else the pickup counter's country) is the one notion
behind two more rules the same FAQ publishes: cash on delivery is for addresses at home and for pickup
(``collects_cash``; a courier abroad collects no cash for us), and delivery estimates are domestic or
international (``is_domestic``, used by ``store.shipping.options``). A shop with neither a home country nor
a pickup point treats every address as international and takes no cash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from store.models.orders import ShippingOption

__all__ = ["PickupPoint", "ShippingZones", "DEMO_ZONES", "DEMO_SHIP_TO", "parse_pickup"]


@dataclass(frozen=True)
class PickupPoint:
    country: str  # ISO 3166-1 alpha-2, upper case
    city: str


@dataclass(frozen=True)
class ShippingZones:
    ship_to: frozenset[str]  # countries served by standard and express delivery
    pickup: PickupPoint | None  # None: the shop has no counter to collect from
    home_country: str | None = None  # None: the pickup point's country

    @classmethod
    def of(cls, ship_to: Iterable[str], pickup: PickupPoint | None, home: str | None = None) -> ShippingZones:
        code = home.strip().upper() if home and home.strip() else None
        return cls(frozenset(c.strip().upper() for c in ship_to if c.strip()), pickup, code)

    @property
    def home(self) -> str | None:
        """The shop's home country: the explicit one, else the pickup counter's (None: neither is known)."""
        if self.home_country:
            return self.home_country
        return self.pickup.country if self.pickup is not None else None

    def is_domestic(self, country: str | None) -> bool:
        """Whether an address in ``country`` is in the shop's home country (None: no address, not domestic)."""
        code = country.strip().upper() if country else None
        return code is not None and code == self.home

    def collects_cash(self, option: ShippingOption, country: str | None) -> bool:
        """Whether cash on delivery can pay an order sent with ``option`` to ``country``: at the pickup counter,
        or by the courier at a home-country address; never abroad, never for digital goods."""
        if option is ShippingOption.PICKUP:
            return self.pickup is not None
        if option is ShippingOption.DIGITAL:
            return False
        return self.is_domestic(country)

    def serves(self, option: ShippingOption, country: str | None) -> bool:
        """Whether ``option`` can deliver to an address in ``country`` (None: no address given)."""
        code = country.strip().upper() if country else None
        if option is ShippingOption.DIGITAL:
            return True
        if option is ShippingOption.PICKUP:
            return self.pickup is not None and (code is None or code == self.pickup.country)
        return code is not None and code in self.ship_to

    def options_for(self, country: str | None) -> tuple[ShippingOption, ...]:
        """The physical options that serve ``country``, in the order checkout shows them."""
        every = (ShippingOption.STANDARD, ShippingOption.EXPRESS, ShippingOption.PICKUP)
        return tuple(o for o in every if self.serves(o, country))


_EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
       "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
DEMO_SHIP_TO: tuple[str, ...] = ("US", "CA", "GB", *_EU, "CN", "HK", "SG", "JP", "AU")
DEMO_ZONES = ShippingZones.of(DEMO_SHIP_TO, PickupPoint("US", "Seattle"))


def parse_pickup(text: str) -> PickupPoint | None:
    """``"US:Seattle"`` -> a pickup point; an empty text -> no pickup point. Raises ValueError otherwise."""
    if not text.strip():
        return None
    country, _, city = text.partition(":")
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ValueError(f"pickup point must look like US:Seattle (a two-letter country code first), got {text!r}")
    return PickupPoint(code, city.strip())
