"""The stacking rule as pure functions: each rule, their order, explanations, and hypothesis invariants."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.models.pricing import CouponKind, CouponScope
from store.money import Money
from store.pricing.errors import (
    CouponExpired,
    CouponMinimumSpendNotMet,
    CouponNotApplicable,
    CouponNotStarted,
)
from store.pricing.reasons import (
    AdjustmentKind,
    CouponNotApplied,
    CouponRefusal,
    FixedCouponSaving,
    FlashSaleLimit,
    FlashSaleSaving,
    NextOfferTier,
    OfferTierSaving,
    PercentCouponSaving,
)
from store.pricing.rules import CouponRule, FlashPrice, LineInput, OfferRule, compute
from store.pricing.snapshot import adjustments_from_snapshot, hints_from_snapshot, pricing_snapshot

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def usd(amount: int) -> Money:
    return Money(amount, "USD")


OFFER = OfferRule(1, "Spend more, save more", ((usd(10000), usd(1000)), (usd(20000), usd(3000)),
                                               (usd(50000), usd(10000))))


def line(variant_id: int, price: int, qty: int, **kw: object) -> LineInput:
    return LineInput(variant_id, f"SKU{variant_id}", f"Item {variant_id}", qty, usd(price), **kw)  # type: ignore[arg-type]


def test_best_offer_tier_with_its_reason_and_the_next_tier_as_a_hint() -> None:
    b = compute("USD", [line(1, 10700, 2)], flash={}, offers=[OFFER], coupon=None, shipping=None, now=NOW)
    (offer,) = b.adjustments
    assert offer.amount == usd(-3000) and offer.reference == "1" and offer.kind is AdjustmentKind.OFFER
    assert offer.reason == OfferTierSaving("Spend more, save more", None, tier=2, tiers=3, threshold=usd(20000),
                                           saving=usd(3000), base=usd(21400), applied=usd(3000))
    assert offer.explanation == "Spend $200.00, save $30.00 (tier 2 of 3) (your items: $214.00)"
    assert b.hints == (NextOfferTier("Spend more, save more", None, tier=3, tiers=3, threshold=usd(50000),
                                     saving=usd(10000), current=usd(21400), missing=usd(28600)),)
    assert b.hints[0].english() == ("Add $286.00 more to save $100.00 (Spend more, save more: spend $500.00, "
                                    "save $100.00).")
    assert b.total == usd(18400)


def test_each_tier_is_named_by_its_position() -> None:
    shuffled = OfferRule(2, "Tiers", ((usd(50000), usd(10000)), (usd(10000), usd(1000)), (usd(20000), usd(3000))),
                         name_zh="多买多省")
    for price, tier, saving in ((10000, 1, 1000), (25000, 2, 3000), (60000, 3, 10000)):
        b = compute("USD", [line(1, price, 1)], flash={}, offers=[shuffled], coupon=None, shipping=None, now=NOW)
        reason = b.adjustments[0].reason
        assert isinstance(reason, OfferTierSaving) and (reason.tier, reason.tiers) == (tier, 3)
        assert reason.saving == usd(saving) and reason.offer_name_zh == "多买多省"


def test_flash_price_replaces_unit_price_up_to_its_units_and_is_excluded_from_offers() -> None:
    flash = {1: FlashPrice(7, "Noon deal", usd(5000), units=1)}
    b = compute("USD", [line(1, 8000, 3), line(2, 9000, 1)], flash=flash, offers=[OFFER], coupon=None,
                shipping=None, now=NOW)
    assert [(ln.quantity, ln.unit_price, ln.flash_sale_id) for ln in b.lines] == [
        (1, usd(5000), 7), (2, usd(8000), None), (1, usd(9000), None)]
    assert b.subtotal == usd(33000)
    kinds = {a.kind: a for a in b.adjustments}
    assert kinds["flash_sale"].amount == usd(-3000)
    assert kinds["flash_sale"].reason == FlashSaleSaving("Item 1", "Noon deal", usd(5000), usd(8000), 1, usd(3000))
    assert kinds["flash_sale"].explanation == "Item 1: $50.00 instead of $80.00 × 1 (you save $30.00)"
    offer = kinds["offer"].reason
    assert isinstance(offer, OfferTierSaving) and (offer.tier, offer.base) == (2, usd(25000))
    assert b.hints[0] == FlashSaleLimit("Item 1", "Noon deal", usd(5000), usd(8000), at_sale_price=1,
                                        at_list_price=2)
    assert b.total == usd(33000 - 3000 - 3000)


def test_coupon_applies_after_the_offer_and_rounds_half_up() -> None:
    coupon = CouponRule("TEN", CouponKind.PERCENT, percent_off=10)
    b = compute("USD", [line(1, 10005, 2)], flash={}, offers=[OFFER], coupon=coupon, shipping=usd(500), now=NOW)
    offer, applied = b.adjustments
    assert applied.amount == usd(-1701)  # 10% of $170.10 = $17.01 (half up)
    assert applied.reason == PercentCouponSaving("TEN", 10, base=usd(17010), applied=usd(1701), scoped=False,
                                                 min_spend=None)
    assert applied.explanation == "10% off $170.10 = $17.01"
    assert b.total == usd(20010 - 3000 - 1701 + 500) and b.shipping == usd(500)


def test_fixed_coupon_is_capped_and_never_makes_the_total_negative() -> None:
    coupon = CouponRule("BIG", CouponKind.FIXED, amount_off=usd(5000))
    b = compute("USD", [line(1, 1200, 1)], flash={}, offers=[], coupon=coupon, shipping=None, now=NOW)
    assert b.adjustments[0].amount == usd(-1200) and b.total == usd(0)
    reason = b.adjustments[0].reason
    assert isinstance(reason, FixedCouponSaving) and reason.capped and reason.base == usd(1200)
    assert "limited to your $12.00" in b.adjustments[0].explanation


def test_coupon_refusals_are_typed() -> None:
    items = [line(1, 1000, 1)]

    def price(rule: CouponRule) -> object:
        return compute("USD", items, flash={}, offers=[], coupon=rule, shipping=None, now=NOW)

    with pytest.raises(CouponExpired):
        price(CouponRule("OLD", CouponKind.PERCENT, percent_off=5, ends_at=NOW - timedelta(days=1)))
    with pytest.raises(CouponNotStarted):
        price(CouponRule("SOON", CouponKind.PERCENT, percent_off=5, starts_at=NOW + timedelta(days=1)))
    with pytest.raises(CouponMinimumSpendNotMet) as info:
        price(CouponRule("MIN", CouponKind.FIXED, amount_off=usd(500), min_spend=usd(3000)))
    assert info.value.missing == usd(2000) and "add $20.00 more" in str(info.value)
    with pytest.raises(CouponNotApplicable, match="orders in CNY") as wrong:
        price(CouponRule("CNY", CouponKind.FIXED, amount_off=Money(500, "CNY")))
    assert (wrong.value.cause, wrong.value.currency) == (CouponRefusal.WRONG_CURRENCY, "CNY")
    with pytest.raises(CouponNotApplicable, match="none of your items") as other:
        price(CouponRule("CAT", CouponKind.PERCENT, percent_off=5, scope=CouponScope.CATEGORY,
                         scope_category_path="Garden"))
    assert other.value.refusal is CouponRefusal.NO_ELIGIBLE_ITEMS
    lenient = compute("USD", items, flash={}, offers=[], shipping=None, now=NOW, coupon_strict=False,
                      coupon=CouponRule("MIN", CouponKind.FIXED, amount_off=usd(500), min_spend=usd(3000)))
    assert lenient.total == usd(1000)
    assert lenient.hints == (CouponNotApplied("MIN", CouponRefusal.MINIMUM_SPEND, minimum=usd(3000),
                                              current=usd(1000), missing=usd(2000)),)
    expired = compute("USD", items, flash={}, offers=[], shipping=None, now=NOW, coupon_strict=False,
                      coupon=CouponRule("OLD", CouponKind.PERCENT, percent_off=5, ends_at=NOW - timedelta(days=1)))
    assert expired.hints == (CouponNotApplied("OLD", CouponRefusal.EXPIRED, moment=NOW - timedelta(days=1)),)


def test_scoped_coupon_counts_only_matching_items() -> None:
    items = [line(1, 4000, 1, product_id=1, category_path="Home > Kitchen > Mugs"),
             line(2, 6000, 1, product_id=2, category_path="Home > Lighting")]
    by_category = CouponRule("MUGS", CouponKind.PERCENT, percent_off=50, scope=CouponScope.CATEGORY,
                             scope_category_path="Home > Kitchen")
    by_product = CouponRule("LAMP", CouponKind.FIXED, amount_off=usd(1000), scope=CouponScope.PRODUCT,
                            scope_product_id=2)
    assert compute("USD", items, flash={}, offers=[], coupon=by_category, shipping=None,
                   now=NOW).adjustments[0].amount == usd(-2000)
    assert compute("USD", items, flash={}, offers=[], coupon=by_product, shipping=None,
                   now=NOW).total == usd(9000)


def test_stars_are_whole_units() -> None:
    coupon = CouponRule("STAR", CouponKind.PERCENT, percent_off=15)
    b = compute("XTR", [LineInput(1, "S", "Stickers", 1, Money(75, "XTR"))], flash={}, offers=[], coupon=coupon,
                shipping=None, now=NOW)
    assert b.adjustments[0].amount == Money(-11, "XTR") and b.total == Money(64, "XTR")  # 11.25 -> 11


amounts = st.integers(min_value=0, max_value=2_000_000)
line_inputs = st.lists(st.tuples(st.integers(0, 500_000), st.integers(1, 20)), min_size=1, max_size=6)
flashes = st.dictionaries(st.integers(0, 5), st.tuples(st.integers(0, 500_000), st.integers(0, 10)), max_size=3)
tiers = st.lists(st.tuples(st.integers(1, 2_000_000), st.integers(1, 2_000_000)), max_size=4)
coupons = st.one_of(
    st.none(),
    st.builds(lambda p, m: CouponRule("P", CouponKind.PERCENT, percent_off=p, min_spend=usd(m) if m else None),
              st.integers(1, 100), st.integers(0, 100_000)),
    st.builds(lambda a: CouponRule("F", CouponKind.FIXED, amount_off=usd(a)), st.integers(1, 3_000_000)),
)


@settings(max_examples=300, deadline=None)
@given(line_inputs, flashes, tiers, coupons, amounts)
def test_invariants(lines: list[tuple[int, int]], flash_specs: dict[int, tuple[int, int]],
                    tier_specs: list[tuple[int, int]], coupon: CouponRule | None, shipping: int) -> None:
    items = [line(i, price, qty) for i, (price, qty) in enumerate(lines)]
    flash = {i: FlashPrice(100 + i, "F", usd(p), units) for i, (p, units) in flash_specs.items()}
    offer_tiers = {t: min(s, t) for t, s in tier_specs}
    offers = [OfferRule(1, "O", tuple((usd(t), usd(s)) for t, s in offer_tiers.items()))] if offer_tiers else []
    b = compute("USD", items, flash=flash, offers=offers, coupon=coupon, shipping=usd(shipping), now=NOW,
                coupon_strict=False)
    assert b.total.amount >= 0 and b.total.amount >= shipping
    assert b.total.amount == b.subtotal.amount + sum(a.amount.amount for a in b.adjustments) + b.shipping.amount
    assert all(isinstance(m.amount, int) for m in [b.total, b.subtotal, *(a.amount for a in b.adjustments)])
    assert all(a.amount.amount <= 0 for a in b.adjustments)
    assert sum(ln.quantity for ln in b.lines) == sum(q for _, q in lines)
    assert b.subtotal.amount == sum(p * q for p, q in lines)
    paid_items = sum(ln.line_total.amount for ln in b.lines)
    non_flash = sum(ln.line_total.amount for ln in b.lines if ln.flash_sale_id is None)
    for a in b.adjustments:
        if a.kind == "offer":
            assert -a.amount.amount <= non_flash
        if a.kind == "coupon":
            offer = sum(-x.amount.amount for x in b.adjustments if x.kind == "offer")
            assert -a.amount.amount <= paid_items - offer
    assert len([a for a in b.adjustments if a.kind == "coupon"]) <= 1
    assert len([a for a in b.adjustments if a.kind == "offer"]) <= 1
    for a in b.adjustments:  # every adjustment carries its reason, and the reason's numbers are the amount
        reason = a.reason
        assert reason is not None and a.explanation == reason.english()
        taken = reason.saving if isinstance(reason, FlashSaleSaving) else reason.applied
        assert taken == -a.amount
    # What an order stores (JSON) reads back as the same adjustments and hints, reasons included.
    stored = json.loads(json.dumps(pricing_snapshot(b)))
    assert adjustments_from_snapshot(stored, "USD") == b.adjustments
    assert hints_from_snapshot(stored) == b.hints


def test_a_stored_order_without_reasons_reads_back_without_guessing() -> None:
    """Orders stored before reasons were kept (or with a code this version does not know) keep their label and
    amount; the reason is None rather than parsed from the English text."""
    legacy = {"adjustments": [
        {"kind": "offer", "label": "Spend $200, save $30", "amount": -3000, "currency": "USD",
         "explanation": "Spend $200.00, save $30.00 (your items: $214.00)", "reference": "1"},
        {"kind": "coupon", "label": "Coupon X", "amount": -100, "currency": "USD", "explanation": "",
         "reference": "X", "reason": {"code": "coupon_from_the_future", "params": {}}},
        {"kind": "coupon", "label": "Coupon Y", "amount": -100, "currency": "USD", "explanation": "",
         "reference": "Y", "reason": {"code": "coupon_percent", "params": {"coupon_code": "Y"}}},
        {"kind": "nonsense"}], "hints": ["Add $1.00 more"]}
    offer, future, broken = adjustments_from_snapshot(legacy, "USD")
    assert (offer.label, offer.amount, offer.reason) == ("Spend $200, save $30", usd(-3000), None)
    assert future.reason is None and broken.reason is None  # unknown code; required parameters missing
    assert hints_from_snapshot(legacy) == ()
