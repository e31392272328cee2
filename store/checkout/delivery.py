"""Delivery and payment choices for one order: which payment methods fit, the address snapshot.

Rules (Telegram's, and the shop's): Stars (XTR) pay for digital goods only, and an XTR-priced order can only be
paid in Stars; card payments through Telegram take any other currency; cash on delivery needs something to
deliver, and someone to take the cash: the pickup counter, or a courier at an address in the shop's home country
(``ShippingZones.collects_cash``; the demo FAQ: "for physical goods to US addresses and for pickup orders"). The
dialogue offers what ``allowed_payment_methods`` allows for the chosen option and address, and
``check_payment_method`` refuses anything else at order time, as the shipping rule is. Addresses are copied into
the order so later edits to the address book do not change where a placed order goes. The shipping option must
serve the address's country (``check_serves``, the rule in ``store.shipping.zones``): checked here, at order time,
because the dialogue's buttons can be stale (pressed after the address changed).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.checkout.errors import PaymentMethodNotAllowed
from store.errors import NotFound, ValidationFailed
from store.models.orders import PaymentMethodKind, ShippingOption
from store.models.users import Address
from store.shipping.errors import ShippingNotServed
from store.shipping.options import needs_address
from store.shipping.zones import ShippingZones

__all__ = ["allowed_payment_methods", "check_payment_method", "address_snapshot", "resolve_option", "check_serves"]


def allowed_payment_methods(currency: str, *, is_digital: bool, option: ShippingOption, country: str | None,
                            zones: ShippingZones) -> dict[PaymentMethodKind, str | None]:
    """Every method with None if it fits an order sent with ``option`` to an address in ``country`` (None: no
    address), else the reason it does not."""
    xtr = currency == "XTR"
    cash: str | None = None
    if xtr or is_digital:
        cash = "cash on delivery needs physical goods priced in a currency"
    elif not zones.collects_cash(option, country):
        cash = (f"cash on delivery is for addresses in {zones.home or 'the shop’s country'} and pickup orders, "
                f"not {option.value} to {country or 'no address'}")
    return {
        PaymentMethodKind.STARS: None if xtr and is_digital else (
            "Telegram Stars pay for digital goods priced in Stars only"),
        PaymentMethodKind.TELEGRAM: None if not xtr else "an order priced in Stars is paid in Stars",
        PaymentMethodKind.CASH_ON_DELIVERY: cash,
    }


def check_payment_method(method: PaymentMethodKind, currency: str, *, is_digital: bool, option: ShippingOption,
                         address: dict[str, Any] | None, zones: ShippingZones) -> None:
    """Raise PaymentMethodNotAllowed unless ``method`` fits (``address``: the order's ``address_snapshot``)."""
    country = str(address.get("country") or "") if address is not None else ""
    reason = allowed_payment_methods(currency, is_digital=is_digital, option=option, country=country or None,
                                     zones=zones)[method]
    if reason is not None:
        raise PaymentMethodNotAllowed(method.value, reason, country=country, home=zones.home or "")


def resolve_option(option: ShippingOption | None, *, is_digital: bool) -> ShippingOption:
    if is_digital:
        return ShippingOption.DIGITAL
    if option is None or option is ShippingOption.DIGITAL:
        raise ValidationFailed("choose standard, express or pickup shipping for physical goods")
    return option


def check_serves(option: ShippingOption, address: dict[str, Any] | None, zones: ShippingZones) -> None:
    """Raise ShippingNotServed unless ``option`` delivers to ``address`` (an ``address_snapshot``)."""
    country = str(address.get("country") or "") if address is not None else ""
    if option is not ShippingOption.DIGITAL and not zones.serves(option, country or None):
        raise ShippingNotServed(option.value, country)


async def address_snapshot(session: AsyncSession, user_id: int, address_id: int | None,
                           option: ShippingOption, *, now: datetime) -> dict[str, Any] | None:
    """A copy of the shopper's address (required for standard/express, optional contact for pickup).

    The address is marked used at ``now`` in the same transaction, so the one an order went to is the one
    offered first next time (``store.users.list_addresses``), whoever calls checkout.
    """
    if address_id is None:
        if needs_address(option):
            raise ValidationFailed(f"{option.value} shipping needs a delivery address")
        return None
    if option is ShippingOption.DIGITAL:
        return None
    address = (
        await session.execute(select(Address).where(Address.id == address_id, Address.user_id == user_id))
    ).scalar_one_or_none()
    if address is None:
        raise NotFound("address", str(address_id))
    address.last_used_at = now
    return {
        "name": address.name, "phone": address.phone, "line1": address.line1, "line2": address.line2,
        "city": address.city, "region": address.region, "postcode": address.postcode,
        "country": address.country,
    }
