"""Product cards: one photo (or text, when a product has no image) per product with price, stock and rating,
and the three buttons a shopper uses most: details, add to cart, more like this.

Prices show the cheapest active variant ("from $X" when variants differ) and, during a flash sale, the sale
price with the list price it replaces. Text is HTML; product data is escaped.
"""

from __future__ import annotations

import html
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Keyboard, Photo, Reply, Text, keyboard
from bot.core.skills.shopping.products import LOW_STOCK, Shown, active_variants, display_title, sku_arg
from bot.i18n import Translator
from store.catalog.views import ProductView

__all__ = ["price_line", "stock_line", "rating_line", "card_caption", "card_buttons", "product_card",
           "duration_text"]


def duration_text(seconds: float, t: Translator) -> str:
    """"2d 4h", "3h 20m", "12 min": how long until a sale ends or starts."""
    minutes = max(1, int(seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return t("{d}d {h}h", d=days, h=hours)
    if hours:
        return t("{h}h {m}m", h=hours, m=mins)
    return t("{m} min", m=mins)


def price_line(shown: Shown, t: Translator, now: datetime | None = None) -> str:
    variants = active_variants(shown.product)
    if not variants:
        return t("Not on sale right now")
    cheapest = min(variants, key=lambda v: v.price.amount)
    flash = [shown.flash[v.id] for v in variants if v.id in shown.flash]
    if flash:
        sale = min(flash, key=lambda f: f.price.amount)
        line = t("<b>{price}</b> ⚡ flash sale (was {was})", price=sale.price.format(), was=sale.list_price.format())
        if now is not None:
            left = duration_text((sale.ends_at - now).total_seconds(), t)
            line += "\n" + t("⏳ {left} left · {n} units remaining", left=left, n=sale.quantity_remaining)
        return line
    if len({v.price.amount for v in variants}) > 1:
        return t("from <b>{price}</b>", price=cheapest.price.format())
    return f"<b>{cheapest.price.format()}</b>"


def stock_line(product: ProductView, t: Translator) -> str:
    stock = sum(v.stock for v in active_variants(product))
    if stock <= 0:
        return t("❌ Out of stock")
    if stock <= LOW_STOCK:
        return t("⚠️ Only {n} left", n=stock)
    return t("✅ In stock")


def rating_line(product: ProductView, t: Translator) -> str:
    if product.rating_tenths is None:
        return ""
    rating = f"{product.rating_tenths // 10}.{product.rating_tenths % 10}"
    return t("★ {rating} · {sold} sold", rating=rating, sold=product.sales_count)


def card_caption(shown: Shown, t: Translator, lang: str, now: datetime | None = None) -> str:
    p = shown.product
    head = f"<b>{html.escape(display_title(p, lang))}</b>"
    meta = " · ".join(x for x in (html.escape(p.brand or ""), rating_line(p, t)) if x)
    lines = [head, meta, price_line(shown, t, now), stock_line(p, t)]
    return "\n".join(x for x in lines if x)


def add_button(shown: Shown, t: Translator, codec: CallbackCodec, user_id: int, qty: int = 1) -> Button | None:
    """One in-stock variant: add it straight away; several: ask which; none in stock: no button."""
    in_stock = [v for v in active_variants(shown.product) if v.stock > 0]
    if not in_stock:
        return None
    if len(active_variants(shown.product)) == 1:
        return Button(t("🛒 Add to cart"), data=codec.encode(user_id, "add", sku_arg(in_stock[0]), qty))
    return Button(t("🛒 Add to cart"), data=codec.encode(user_id, "var", shown.product.id, qty))


def card_buttons(shown: Shown, t: Translator, codec: CallbackCodec, user_id: int) -> Keyboard:
    pid = shown.product.id
    add = add_button(shown, t, codec, user_id)
    return keyboard(
        [Button(t("ℹ️ Details"), data=codec.encode(user_id, "pd", pid)), *([add] if add else [])],
        [Button(t("🔁 More like this"), data=codec.encode(user_id, "more", pid))],
    )


def product_card(shown: Shown, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                 now: datetime | None = None, prefix: str = "") -> Reply:
    caption = prefix + card_caption(shown, t, lang, now)
    buttons = card_buttons(shown, t, codec, user_id)
    if shown.product.image_url:
        return Photo(photo=shown.product.image_url, caption=caption, buttons=buttons)
    return Text(caption, buttons=buttons)
