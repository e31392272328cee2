"""The price breakdown a shopper reads before paying, on the receipt and on the invoice: line by line.

WHY lines at list price: the store's invariant is ``total = subtotal (list prices) + adjustments + shipping``,
so printing exactly those rows lets the shopper add it up themselves; every saving (flash sale, "spend 200
save 30", coupon) is its own row with its reason, worded from the reason's data (``savings``); an offer's row
names the tier that applied. Built from an order (after checkout) or from a cart price (before the order
exists) through one neutral shape, so both read the same. A gift card comes *after* the total (it pays, it
does not discount): its own row with what is left on the card, then what is left to pay.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from bot.core.skills.checkout.gift_card import card_line, left_line
from bot.core.skills.checkout.labels import shipping_label
from bot.core.skills.shopping.savings import adjustment_label, adjustment_note
from bot.i18n import Translator
from store.giftcards import GiftCardUse
from store.models.orders import ShippingOption
from store.money import Money
from store.orders.views import OrderView
from store.pricing.breakdown import Adjustment, PriceBreakdown
from store.pricing.reasons import AdjustmentKind
from store.shipping.options import quote

__all__ = ["PricedRows", "CardRow", "from_order", "from_breakdown", "breakdown_text", "item_lines"]


@dataclass(frozen=True)
class CardRow:
    masked: str
    amount: Money  # what the card pays
    balance_after: Money | None
    returned: bool = False  # the order was cancelled unpaid: the amount is back on the card


@dataclass(frozen=True)
class PricedRows:
    currency: str
    items: tuple[tuple[str, int, Money], ...]  # title, quantity, list unit price
    subtotal: Money
    adjustments: tuple[Adjustment, ...]
    shipping: Money
    option: ShippingOption | None
    total: Money
    gift_card: CardRow | None = None

    @property
    def left_to_pay(self) -> Money:
        card = self.gift_card
        return self.total - card.amount if card is not None and not card.returned else self.total


def from_order(order: OrderView) -> PricedRows:
    items = tuple((line.title, line.quantity, line.list_unit_price) for line in order.lines)
    part = order.gift_card
    card = None if part is None else CardRow(part.masked, part.amount, part.balance_after, returned=not part.held)
    return PricedRows(order.currency, items, order.subtotal, order.adjustments, order.shipping,
                      order.shipping_option, order.total, card)


def from_breakdown(price: PriceBreakdown, option: ShippingOption | None, use: GiftCardUse | None = None) -> PricedRows:
    items = tuple((line.title, line.quantity, line.list_unit_price) for line in price.lines)
    card = None if use is None else CardRow(use.masked, use.applied, use.balance_after)
    return PricedRows(price.currency, items, price.subtotal, price.adjustments, price.shipping, option, price.total,
                      card)


def item_lines(rows: PricedRows, t: Translator) -> list[str]:
    """One line per product at one list price. WHY merged: an order keeps a flash-sale unit and the units
    beyond the sale's limit as separate lines of the same variant, and the summary printed
    "1 × Vitamix … $349.99 each" twice (the flash saving is its own line below)."""
    merged: dict[tuple[str, Money], int] = {}
    for title, qty, unit in rows.items:
        merged[(title, unit)] = merged.get((title, unit), 0) + qty
    return [
        t("{qty} × {title} — {unit} each = {amount}", qty=qty, title=html.escape(title), unit=unit.format(),
          amount=unit.times(qty).format())
        for (title, unit), qty in merged.items()
    ]


def _adjustment(adj: Adjustment, t: Translator) -> str:
    amount = adj.amount.format()
    if adj.kind is AdjustmentKind.FLASH_SALE:
        head = t("Flash sale saving: {amount}", amount=amount)
    elif adj.kind is AdjustmentKind.OFFER:
        head = t("Offer “{name}”: {amount}", name=adjustment_label(adj, t), amount=amount)
    else:
        head = t("{label}: {amount}", label=adjustment_label(adj, t), amount=amount)
    note = adjustment_note(adj, t)
    if note:
        head += f"<i>（{note}）</i>" if t.language == "zh" else f" <i>({note})</i>"
    return "🏷 " + head


def _shipping(rows: PricedRows, t: Translator) -> str:
    option = rows.option
    if option is ShippingOption.DIGITAL:
        return "📲 " + t("Delivery: digital, in this chat — free")
    if option is ShippingOption.PICKUP:
        return "🏬 " + t("Pickup in store — free")
    name = shipping_label(option, t)
    if rows.shipping.amount == 0 and option is ShippingOption.STANDARD:
        merchandise = rows.total - rows.shipping
        free = quote(option, merchandise, is_digital=False).free_because_over
        if free is not None:
            return "🚚 " + t("{option}: free (free from {threshold})", option=name, threshold=free.format())
    return "🚚 " + t("{option}: {amount}", option=name, amount=rows.shipping.format())


def breakdown_text(rows: PricedRows, t: Translator) -> str:
    """Items, subtotal, each saving with its reason, shipping, total — one row each."""
    out = item_lines(rows, t)
    out.append(t("Subtotal (list prices): {amount}", amount=rows.subtotal.format()))
    out.extend(_adjustment(a, t) for a in rows.adjustments if a.amount.amount != 0)
    if rows.option is not None:
        out.append(_shipping(rows, t))
    out.append("<b>" + t("Total: {amount}", amount=rows.total.format()) + "</b>")
    card = rows.gift_card
    if card is not None and card.returned:
        out.append("🎁 " + t("Gift card {code}: {amount} went back to the card", code=html.escape(card.masked),
                             amount=card.amount.format()))
    elif card is not None:
        out.append(card_line(card.masked, card.amount, card.balance_after, t))
        out.append(left_line(rows.left_to_pay, t))
    return "\n".join(out)
