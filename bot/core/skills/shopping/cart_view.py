"""Rendering the cart: lines with quantity, unit price and line total, every promotion applied with its
explanation, hints ("add $X more to save $Y"), the total, the gift card's part and what is left to pay, and
-/+/remove buttons per line.

WHY one renderer: the cart is shown as a new message (/cart, "show my cart") and as an edit of the same
message after a button press; both must look identical.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Keyboard, keyboard
from bot.core.skills.checkout.gift_card import card_line, gift_card_button, gift_card_error_text, left_line
from bot.core.skills.shopping.products import sku_code
from bot.core.skills.shopping.savings import adjustment_label, adjustment_note, hint_text
from bot.core.skills.shopping.words import short_label, shown_option
from bot.i18n import Translator
from store.cart import MAX_QUANTITY, CartLineView, CartView

__all__ = ["LineInfo", "line_infos", "render_cart", "line_arg"]

_KIND_ICON = {"flash_sale": "⚡", "offer": "🎁", "coupon": "🏷", "shipping": "🚚"}


@dataclass(frozen=True)
class LineInfo:
    """A cart line plus what the cart view lacks: its product (id, shop id) and the title to show."""

    line: CartLineView
    product_id: int
    product_external_id: str
    title: str


def line_infos(cart: CartView, lang: str) -> list[LineInfo]:
    """Each line with its product, titled in the shopper's language: read with the cart (``get_cart``), so a cart
    view is one read (a Chinese shopper's cart read every product again, two statements each)."""
    return [LineInfo(ln, ln.product_id, ln.product_external_id, (ln.title_zh or ln.title) if lang == "zh" else ln.title)
            for ln in cart.lines]


def line_arg(line: CartLineView) -> str:
    return sku_code(line.sku, line.variant_id)


def _option(line: CartLineView, lang: str) -> str:
    values = [shown_option(k, str(v), lang)
              for k, v in line.attributes.items() if isinstance(v, str | int) and str(v).strip()]
    return f" ({html.escape(' / '.join(values))})" if values else ""


def render_cart(cart: CartView, infos: list[LineInfo], t: Translator, codec: CallbackCodec,
                user_id: int) -> tuple[str, Keyboard]:
    if cart.is_empty or cart.breakdown is None:
        return t("🛒 Your cart is empty."), keyboard(
            [Button(t("🔎 Search"), data=codec.encode(user_id, "menu", "search")),
             Button(t("🔥 Promotions"), data=codec.encode(user_id, "promos"))])
    b = cart.breakdown
    out = [t("🛒 <b>Your cart</b> · items: {n}", n=cart.item_count)]
    rows: list[list[Button]] = []
    for i, info in enumerate(infos, 1):
        ln = info.line
        out.append(f"{i}. <b>{html.escape(info.title)}</b>{_option(ln, t.language)}")
        if ln.on_flash_sale:
            # unit_price is the list price: show what the list price comes to, then what the shopper pays.
            detail = t("{qty} × {unit} = {list_total} → ⚡ <b>{total}</b> at the flash-sale price", qty=ln.quantity,
                       unit=ln.unit_price.format(), list_total=ln.unit_price.times(ln.quantity).format(),
                       total=ln.line_total.format())
        else:
            detail = t("{qty} × {unit} = <b>{total}</b>", qty=ln.quantity, unit=ln.unit_price.format(),
                       total=ln.line_total.format())
        out.append("   " + detail)
        if not ln.is_available:
            out.append("   " + (t("⚠️ only {n} left — lower the quantity", n=ln.stock_available)
                                if ln.stock_available > 0 else t("⚠️ sold out — please remove it")))
        arg = line_arg(ln)
        short = short_label(info.title, 18)
        rows.append([
            Button("➖", data=codec.encode(user_id, "cq", arg, -1)),
            Button(f"{i}. {short}", data=codec.encode(user_id, "pd", info.product_id)),
            Button("➕", data=codec.encode(user_id, "cq", arg, 1)) if ln.quantity < MAX_QUANTITY
            else Button("·", data=codec.encode(user_id, "cart", "e")),
            Button("🗑", data=codec.encode(user_id, "crm", arg)),
        ])
    out.append("")
    out.append(t("Subtotal: {amount}", amount=b.subtotal.format()))
    for adj in b.adjustments:
        colon = "：" if t.language == "zh" else ": "
        out.append(f"{_KIND_ICON.get(adj.kind, '•')} {adjustment_label(adj, t)}{colon}<b>{adj.amount.format()}</b>")
        note = adjustment_note(adj, t)
        if note:
            out.append(f"   <i>{note}</i>")
    if b.shipping.amount:
        out.append(t("Shipping: {amount}", amount=b.shipping.format()))
    out.append(t("<b>Total: {amount}</b>", amount=b.total.format()))
    if b.discount.amount:
        out.append(t("You save {amount}.", amount=b.discount.format()))
    if cart.gift_card is not None:  # a tender, after the total: it pays, it does not discount
        use = cart.gift_card
        out.append(card_line(use.masked, use.applied, use.balance_after, t))
        out.append(left_line(use.left_to_pay, t))
    out.extend(f"💡 {hint_text(hint, t)}" for hint in b.hints)
    if cart.gift_card_problem is not None:
        out.append("💡 " + gift_card_error_text(cart.gift_card_problem, t))
    tools = [Button(t("🏷 Coupon"), data=codec.encode(user_id, "cpn", "ask")),
             gift_card_button(bool(cart.gift_card_code), "c", t, codec, user_id),
             Button(t("🧹 Clear"), data=codec.encode(user_id, "cclr"))]
    if cart.coupon_code:
        tools[0] = Button(t("✖ Remove coupon"), data=codec.encode(user_id, "cpn", "r"))
    rows.append(tools)
    rows.append([Button(t("💳 Checkout"), data=codec.encode(user_id, "co", "start"))])
    return "\n".join(out), keyboard(*rows)
