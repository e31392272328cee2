"""The pricing rules as pure functions over integers: no database, so every rule is property-tested.

THE STACKING RULE (also in docs/pricing.md), applied in this order:

1. Flash sale: a line whose variant has an active flash sale (inside its window, units remaining, same
   currency, cheaper than list) gets the flash price for up to min(quantity, units remaining, per-shopper
   limit) units; any further units stay at list price as a separate line. The saving is a "flash_sale"
   adjustment.
2. Full-reduction offer ("spend 200, save 30"): applies to the items NOT bought at a flash price, summed at
   list price. Of all active offers in the cart's currency only the single best tier applies (the largest
   saving whose threshold is reached), never more than that amount. A hint names the next tier.
3. Coupon: at most one, applied to what remains of the items after steps 1 and 2 (for a category- or
   product-scoped coupon: the matching items at their paid prices, capped at that remainder). The minimum
   spend is measured on that same amount. Percent coupons round half up to the minor unit.
4. Shipping is added last and is never discounted by the above.

Every discount is capped at the amount it applies to, so no total is ever negative; ``subtotal`` is at
list prices and ``total = subtotal + adjustments + shipping`` exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from store.models.pricing import CouponKind, CouponScope
from store.money import Money, MoneyError
from store.pricing.breakdown import Adjustment, PriceBreakdown, PricedLine
from store.pricing.errors import (
    CouponExpired,
    CouponMinimumSpendNotMet,
    CouponNotApplicable,
    CouponNotStarted,
)

__all__ = [
    "LineInput", "FlashPrice", "OfferRule", "CouponRule", "aware", "compute", "coupon_discount",
    "flash_sale_explanation",
]


def aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; every stored time is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class LineInput:
    variant_id: int
    sku: str
    title: str
    quantity: int
    list_unit_price: Money
    product_id: int = 0
    category_path: str | None = None


@dataclass(frozen=True)
class FlashPrice:
    flash_sale_id: int
    title: str
    price: Money
    units: int  # min(units remaining, per-shopper limit)


@dataclass(frozen=True)
class OfferRule:
    offer_id: int
    name: str
    tiers: tuple[tuple[Money, Money], ...]  # (threshold, saving)


@dataclass(frozen=True)
class CouponRule:
    code: str
    kind: CouponKind
    percent_off: int | None = None
    amount_off: Money | None = None
    min_spend: Money | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    scope: CouponScope = CouponScope.ORDER
    scope_category_path: str | None = None
    scope_product_id: int | None = None
    description: str = ""


def flash_sale_explanation(title: str, price: Money, list_price: Money, quantity: int) -> str:
    """The one wording of a flash-sale saving (cart, checkout and group claims alike; the dialogue reads it)."""
    saving = (list_price - price).times(quantity)
    return f"{title}: {price} instead of {list_price} × {quantity} (you save {saving})"


def _flash_lines(
    line: LineInput, flash: FlashPrice | None, currency: str
) -> tuple[list[PricedLine], Adjustment | None, str | None]:
    list_price = line.list_unit_price
    n = 0
    if flash is not None and flash.price.currency == currency and flash.price.amount < list_price.amount:
        n = max(0, min(line.quantity, flash.units))
    lines: list[PricedLine] = []
    adjustment = hint = None
    if n and flash is not None:
        lines.append(PricedLine(line.variant_id, line.sku, line.title, n, flash.price, list_price,
                                flash.price.times(n), flash.flash_sale_id))
        saving = (list_price - flash.price).times(n)
        adjustment = Adjustment(
            "flash_sale", f"Flash sale: {flash.title}", -saving,
            flash_sale_explanation(line.title, flash.price, list_price, n),
            str(flash.flash_sale_id))
        if n < line.quantity:
            hint = (f"Only {n} × {line.title} at the flash-sale price {flash.price}; "
                    f"the other {line.quantity - n} at {list_price}.")
    rest = line.quantity - n
    if rest:
        lines.append(PricedLine(line.variant_id, line.sku, line.title, rest, list_price, list_price,
                                list_price.times(rest), None))
    return lines, adjustment, hint


def _best_offer(offers: Sequence[OfferRule], base: Money) -> tuple[Adjustment | None, str | None]:
    best: tuple[OfferRule, Money, Money] | None = None
    upcoming: tuple[Money, Money, OfferRule] | None = None
    for offer in offers:
        for threshold, saving in offer.tiers:
            if threshold.currency != base.currency or saving.amount <= 0:
                continue
            if threshold.amount <= base.amount and (best is None or saving.amount > best[2].amount):
                best = (offer, threshold, saving)
    current = best[2].amount if best else 0
    for offer in offers:
        for threshold, saving in offer.tiers:
            if threshold.currency != base.currency or threshold.amount <= base.amount:
                continue
            if saving.amount > current and (upcoming is None or threshold.amount < upcoming[0].amount):
                upcoming = (threshold, saving, offer)
    adjustment = hint = None
    if best is not None:
        offer, threshold, saving = best
        amount = Money(min(saving.amount, base.amount), base.currency)
        adjustment = Adjustment("offer", offer.name, -amount,
                                f"Spend {threshold}, save {saving} (your items: {base})", str(offer.offer_id))
    if upcoming is not None:
        threshold, saving, offer = upcoming
        hint = f"Add {threshold - base} more to save {saving} ({offer.name}: spend {threshold}, save {saving})."
    return adjustment, hint


def coupon_discount(rule: CouponRule, base: Money, now: datetime, eligible: bool = True) -> Adjustment:
    """The coupon's adjustment on ``base`` (what it applies to), or a typed refusal."""
    if rule.starts_at is not None and aware(now) < aware(rule.starts_at):
        raise CouponNotStarted(rule.code, aware(rule.starts_at))
    if rule.ends_at is not None and aware(now) >= aware(rule.ends_at):
        raise CouponExpired(rule.code, aware(rule.ends_at))
    for money in (rule.amount_off, rule.min_spend):
        if money is not None and money.currency != base.currency:
            raise CouponNotApplicable(rule.code, f"it is for orders in {money.currency}")
    if not eligible:
        raise CouponNotApplicable(rule.code, "none of your items qualify")
    if rule.min_spend is not None and base.amount < rule.min_spend.amount:
        raise CouponMinimumSpendNotMet(rule.code, rule.min_spend, base, rule.min_spend - base)
    scope = "" if rule.scope is CouponScope.ORDER else " on eligible items"
    if rule.kind is CouponKind.PERCENT:
        if rule.percent_off is None:
            raise MoneyError(f"coupon {rule.code} has no percentage")
        amount = min(base.percent(rule.percent_off), base)
        explanation = f"{rule.percent_off}% off {base}{scope} = {amount}"
    else:
        if rule.amount_off is None:
            raise MoneyError(f"coupon {rule.code} has no amount")
        amount = Money(min(rule.amount_off.amount, base.amount), base.currency)
        explanation = f"{rule.amount_off} off{scope}"
        if amount.amount < rule.amount_off.amount:
            explanation += f" (limited to your {base})"
    if rule.min_spend is not None and rule.min_spend.amount:
        explanation += f"; minimum spend {rule.min_spend}"
    return Adjustment("coupon", f"Coupon {rule.code}", -amount, explanation, rule.code)


def _coupon_base(rule: CouponRule, lines: Sequence[PricedLine], inputs: Mapping[int, LineInput],
                 remaining: Money) -> tuple[Money, bool]:
    if rule.scope is CouponScope.ORDER:
        return remaining, remaining.amount > 0
    total = 0
    for line in lines:
        item = inputs[line.variant_id]
        if rule.scope is CouponScope.PRODUCT:
            match = item.product_id == rule.scope_product_id
        else:
            path, scope = item.category_path or "", rule.scope_category_path or ""
            match = bool(scope) and (path == scope or path.startswith(scope + " > "))
        if match:
            total += line.line_total.amount
    return Money(min(total, remaining.amount), remaining.currency), total > 0


def compute(
    currency: str,
    items: Sequence[LineInput],
    *,
    flash: Mapping[int, FlashPrice],
    offers: Sequence[OfferRule],
    coupon: CouponRule | None,
    shipping: Money | None,
    now: datetime,
    coupon_strict: bool = True,
) -> PriceBreakdown:
    """Price ``items`` by the stacking rule. With ``coupon_strict`` False a refused coupon becomes a hint."""
    zero = Money.zero(currency)
    lines: list[PricedLine] = []
    adjustments: list[Adjustment] = []
    hints: list[str] = []
    for item in items:
        if item.list_unit_price.currency != currency:
            raise MoneyError(f"{item.sku} is priced in {item.list_unit_price.currency}, not {currency}")
        new_lines, adjustment, hint = _flash_lines(item, flash.get(item.variant_id), currency)
        lines.extend(new_lines)
        adjustments.extend([adjustment] if adjustment else [])
        hints.extend([hint] if hint else [])
    subtotal = sum((ln.list_unit_price.times(ln.quantity) for ln in lines), zero)
    offer_base = sum((ln.line_total for ln in lines if ln.flash_sale_id is None), zero)
    offer, offer_hint = _best_offer(offers, offer_base)
    if offer is not None:
        adjustments.append(offer)
    if offer_hint:
        hints.append(offer_hint)
    remaining = subtotal + sum((a.amount for a in adjustments), zero)
    if coupon is not None:
        base, eligible = _coupon_base(coupon, lines, {i.variant_id: i for i in items}, remaining)
        try:
            adjustments.append(coupon_discount(coupon, base, now, eligible))
        except (CouponExpired, CouponNotStarted, CouponMinimumSpendNotMet, CouponNotApplicable) as exc:
            if coupon_strict:
                raise
            hints.append(f"Coupon {coupon.code} is not applied: {exc}.")
    ship = shipping if shipping is not None else zero
    if ship.currency != currency or ship.amount < 0:
        raise MoneyError(f"shipping {ship} does not fit a {currency} order")
    total = subtotal + sum((a.amount for a in adjustments), zero) + ship
    return PriceBreakdown(currency=currency, lines=tuple(lines), subtotal=subtotal,
                          adjustments=tuple(adjustments), shipping=ship, total=total, hints=tuple(hints))
