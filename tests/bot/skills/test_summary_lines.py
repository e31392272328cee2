"""The checkout and order summary list a product once per list price, however many order lines hold it."""

from __future__ import annotations

from bot.core.skills.checkout.summary import PricedRows, item_lines
from bot.i18n import translator
from store.models.orders import ShippingOption
from store.money import Money


def _rows(*items: tuple[str, int, Money]) -> PricedRows:
    subtotal = Money(sum(unit.amount * qty for _t, qty, unit in items), "USD")
    return PricedRows(currency="USD", items=items, subtotal=subtotal, adjustments=(), shipping=Money(0, "USD"),
                      option=ShippingOption.STANDARD, total=subtotal)


def test_lines_of_one_variant_at_one_list_price_are_shown_once() -> None:
    blender, mug = Money(34999, "USD"), Money(1299, "USD")
    lines = item_lines(_rows(("Vitamix E310", 1, blender), ("Mug", 2, mug), ("Vitamix E310", 1, blender)),
                       translator("en"))
    assert lines == ["2 × Vitamix E310 — $349.99 each = $699.98", "2 × Mug — $12.99 each = $25.98"]


def test_different_list_prices_stay_apart() -> None:
    lines = item_lines(_rows(("Tee", 1, Money(1000, "USD")), ("Tee", 1, Money(1200, "USD"))), translator("en"))
    assert len(lines) == 2
