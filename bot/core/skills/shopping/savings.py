"""Why a price went down, and how to save more, in the shopper's language.

WHY parsing: the store explains each adjustment and hint in English for its own records (``store.pricing.rules``
words them in a fixed format, and orders keep those words). A Chinese shopper must not read English, and an
English shopper reads a shorter line than the record. So the known formats are read back into their numbers
and worded here; a text in an unknown format is shown as is in English and left out in Chinese (the amount of
every adjustment is always shown by the caller, so nothing about the money is ever hidden).
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

from bot.i18n import Translator

__all__ = ["adjustment_note", "hint_text", "percent_off_text"]

_M = r"-?(?:[$¥€£]?\d[\d,]*(?:\.\d+)?(?: [A-Z]{3}| ⭐)?)"  # a Money.format() amount

_OFFER = re.compile(rf"^Spend (?P<threshold>{_M}), save (?P<saving>{_M})(?: \(your items: {_M}\))?$")
_FLASH = re.compile(rf"^.*: (?P<price>{_M}) instead of (?P<list>{_M}) × (?P<n>\d+) \(you save (?P<saving>{_M})\)$")
_PERCENT = re.compile(rf"^(?P<p>\d+)% off (?P<base>{_M})(?P<scope> on eligible items)? = (?P<amount>{_M})"
                      rf"(?:; minimum spend (?P<min>{_M}))?$")
_FIXED = re.compile(rf"^(?P<off>{_M}) off(?P<scope> on eligible items)?(?: \(limited to your (?P<base>{_M})\))?"
                    rf"(?:; minimum spend (?P<min>{_M}))?$")
_NEXT_TIER = re.compile(rf"^Add (?P<more>{_M}) more to save (?P<saving>{_M}) \(.*: spend (?P<threshold>{_M}), "
                        rf"save {_M}\)\.$")
_FLASH_LIMIT = re.compile(rf"^Only (?P<n>\d+) × (?P<title>.+) at the flash-sale price (?P<price>{_M}); "
                          rf"the other (?P<m>\d+) at (?P<list>{_M})\.$")
_COUPON_MIN = re.compile(rf"^Coupon (?P<code>\S+) is not applied: coupon \S+ needs a spend of (?P<min>{_M}) "
                         rf"\(you have {_M}\); add (?P<missing>{_M}) more\.$")
_COUPON_OTHER = re.compile(r"^Coupon (?P<code>\S+) is not applied: .*$")


def percent_off_text(percent: int, t: Translator) -> str:
    """"10% off" -- in Chinese the native "9折" (pay 90%)."""
    if t.language == "zh":
        pay = Decimal(100 - percent) / 10
        return t("{n}% off", n=percent) if pay <= 0 else f"打{pay.normalize():f}折"
    return t("{n}% off", n=percent)


def adjustment_note(kind: str, explanation: str, t: Translator) -> str | None:
    """A short aside for one price adjustment (HTML-escaped), or None when there is nothing worth adding."""
    text = explanation.strip()
    if not text:
        return None
    if kind == "offer" and (m := _OFFER.match(text)):
        return t("spend {threshold}, save {saving}", threshold=m["threshold"], saving=m["saving"])
    if kind == "flash_sale" and (m := _FLASH.match(text)):
        return t("{n} × {price} instead of {list}", n=m["n"], price=m["price"], list=m["list"])
    if kind == "coupon" and (m := _PERCENT.match(text)):
        note = percent_off_text(int(m["p"]), t)
        if m["scope"]:
            note = t("{discount} on eligible items", discount=note)
        return note + (" · " + t("minimum spend {amount}", amount=m["min"]) if m["min"] else "")
    if kind == "coupon" and (m := _FIXED.match(text)):
        note = t("{amount} off", amount=m["off"])
        if m["scope"]:
            note = t("{discount} on eligible items", discount=note)
        return note + (" · " + t("minimum spend {amount}", amount=m["min"]) if m["min"] else "")
    return html.escape(text) if t.language == "en" else None


def hint_text(hint: str, t: Translator) -> str | None:
    """A "save more" tip in the shopper's language (HTML-escaped), or None when it cannot be said in it."""
    text = hint.strip()
    if m := _NEXT_TIER.match(text):
        return t("Add {more} more to save {saving} (spend {threshold}, save {saving}).", more=m["more"],
                 saving=m["saving"], threshold=m["threshold"])
    if m := _FLASH_LIMIT.match(text):
        return t("Only {n} of them at the flash-sale price {price}; the other {m} at {list}.", n=m["n"],
                 price=m["price"], m=m["m"], list=m["list"])
    if m := _COUPON_MIN.match(text):
        return t("Coupon {code} is not applied yet: it needs a spend of {minimum}. Add {missing} more to use it.",
                 code=html.escape(m["code"]), minimum=m["min"], missing=m["missing"])
    if m := _COUPON_OTHER.match(text):
        return t("Coupon {code} no longer applies to your cart.", code=html.escape(m["code"]))
    return html.escape(text) if t.language == "en" else None
