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
from store.pricing.reasons import (
    AdjustmentKind,
    AdjustmentReason,
    CouponRefusal,
    FixedCouponSaving,
    FlashSaleLimit,
    FlashSaleSaving,
    NextOfferTier,
    OfferTierSaving,
    PercentCouponSaving,
    PriceHint,
)

__all__ = [
    "LineInput", "FlashPrice", "OfferRule", "CouponRule", "aware", "compute", "coupon_discount",
    "adjustment", "flash_sale_adjustment",
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
    title_zh: str | None = None


@dataclass(frozen=True)
class OfferRule:
    offer_id: int
    name: str
    tiers: tuple[tuple[Money, Money], ...]  # (threshold, saving)
    name_zh: str | None = None

    def tier_number(self, threshold: Money) -> tuple[int, int]:
        """(position of the tier with ``threshold`` counting from the lowest, 1-based; number of tiers)."""
        ordered = sorted(t.amount for t, _ in self.tiers)
        return ordered.index(threshold.amount) + 1, len(ordered)


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


def adjustment(kind: AdjustmentKind, label: str, amount: Money, reference: str | None,
               reason: AdjustmentReason) -> Adjustment:
    """An adjustment with its reason, and the reason in English for the record."""
    return Adjustment(kind, label, amount, reason.english(), reference, reason)


def flash_sale_adjustment(flash_sale_id: int, sale_title: str, item_title: str, price: Money, list_price: Money,
                          quantity: int, sale_title_zh: str | None = None) -> Adjustment:
    """The one flash-sale saving (cart, checkout and group claims alike)."""
    saving = (list_price - price).times(quantity)
    reason = FlashSaleSaving(item_title, sale_title, price, list_price, quantity, saving, sale_title_zh)
    return adjustment(AdjustmentKind.FLASH_SALE, f"Flash sale: {sale_title}", -saving, str(flash_sale_id), reason)


def _flash_lines(
    line: LineInput, flash: FlashPrice | None, currency: str
) -> tuple[list[PricedLine], Adjustment | None, FlashSaleLimit | None]:
    list_price = line.list_unit_price
    n = 0
    if flash is not None and flash.price.currency == currency and flash.price.amount < list_price.amount:
        n = max(0, min(line.quantity, flash.units))
    lines: list[PricedLine] = []
    saving_adjustment: Adjustment | None = None
    hint: FlashSaleLimit | None = None
    if n and flash is not None:
        lines.append(PricedLine(line.variant_id, line.sku, line.title, n, flash.price, list_price,
                                flash.price.times(n), flash.flash_sale_id))
        saving_adjustment = flash_sale_adjustment(flash.flash_sale_id, flash.title, line.title, flash.price,
                                                  list_price, n, flash.title_zh)
        if n < line.quantity:
            hint = FlashSaleLimit(line.title, flash.title, flash.price, list_price, n, line.quantity - n)
    rest = line.quantity - n
    if rest:
        lines.append(PricedLine(line.variant_id, line.sku, line.title, rest, list_price, list_price,
                                list_price.times(rest), None))
    return lines, saving_adjustment, hint


def _best_offer(offers: Sequence[OfferRule], base: Money) -> tuple[Adjustment | None, NextOfferTier | None]:
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
    found: Adjustment | None = None
    hint: NextOfferTier | None = None
    if best is not None:
        offer, threshold, saving = best
        amount = Money(min(saving.amount, base.amount), base.currency)
        tier, tiers = offer.tier_number(threshold)
        reason = OfferTierSaving(offer.name, offer.name_zh, tier, tiers, threshold, saving, base, amount)
        found = adjustment(AdjustmentKind.OFFER, offer.name, -amount, str(offer.offer_id), reason)
    if upcoming is not None:
        threshold, saving, offer = upcoming
        tier, tiers = offer.tier_number(threshold)
        hint = NextOfferTier(offer.name, offer.name_zh, tier, tiers, threshold, saving, base, threshold - base)
    return found, hint


def coupon_discount(rule: CouponRule, base: Money, now: datetime, eligible: bool = True) -> Adjustment:
    """The coupon's adjustment on ``base`` (what it applies to), or a typed refusal."""
    if rule.starts_at is not None and aware(now) < aware(rule.starts_at):
        raise CouponNotStarted(rule.code, aware(rule.starts_at))
    if rule.ends_at is not None and aware(now) >= aware(rule.ends_at):
        raise CouponExpired(rule.code, aware(rule.ends_at))
    for money in (rule.amount_off, rule.min_spend):
        if money is not None and money.currency != base.currency:
            raise CouponNotApplicable(rule.code, CouponRefusal.WRONG_CURRENCY, money.currency)
    if not eligible:
        raise CouponNotApplicable(rule.code, CouponRefusal.NO_ELIGIBLE_ITEMS)
    if rule.min_spend is not None and base.amount < rule.min_spend.amount:
        raise CouponMinimumSpendNotMet(rule.code, rule.min_spend, base, rule.min_spend - base)
    scoped = rule.scope is not CouponScope.ORDER
    minimum = rule.min_spend if rule.min_spend is not None and rule.min_spend.amount else None
    reason: AdjustmentReason
    if rule.kind is CouponKind.PERCENT:
        if rule.percent_off is None:
            raise MoneyError(f"coupon {rule.code} has no percentage")
        amount = min(base.percent(rule.percent_off), base)
        reason = PercentCouponSaving(rule.code, rule.percent_off, base, amount, scoped, minimum)
    else:
        if rule.amount_off is None:
            raise MoneyError(f"coupon {rule.code} has no amount")
        amount = Money(min(rule.amount_off.amount, base.amount), base.currency)
        reason = FixedCouponSaving(rule.code, rule.amount_off, base, amount, scoped, minimum)
    return adjustment(AdjustmentKind.COUPON, f"Coupon {rule.code}", -amount, rule.code, reason)


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
    hints: list[PriceHint] = []
    for item in items:
        if item.list_unit_price.currency != currency:
            raise MoneyError(f"{item.sku} is priced in {item.list_unit_price.currency}, not {currency}")
        new_lines, saving, hint = _flash_lines(item, flash.get(item.variant_id), currency)
        lines.extend(new_lines)
        adjustments.extend([saving] if saving else [])
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
            hints.append(exc.as_hint())
    ship = shipping if shipping is not None else zero
    if ship.currency != currency or ship.amount < 0:
        raise MoneyError(f"shipping {ship} does not fit a {currency} order")
    total = subtotal + sum((a.amount for a in adjustments), zero) + ship
    return PriceBreakdown(currency=currency, lines=tuple(lines), subtotal=subtotal,
                          adjustments=tuple(adjustments), shipping=ship, total=total, hints=tuple(hints))
