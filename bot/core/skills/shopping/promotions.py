"""Deals: running flash sales (time and units left), upcoming ones, "spend X save Y" tiers and current coupons,
with buttons to open a sale's product or apply a coupon; and one flash sale opened from a deep link."""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Photo, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cards import duration_text
from bot.core.skills.shopping.named_words import price_subject, shown_named
from bot.core.skills.shopping.products import sku_code
from bot.core.skills.shopping.savings import offer_name, percent_off_text
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from store.errors import NotFound
from store.models.pricing import CouponKind
from store.pricing.listing import CouponInfo, FlashSaleInfo, OfferInfo, current_promotions, get_flash_sale

__all__ = ["router", "promotions_reply", "open_flash_sale"]

router = Router("shopping.promotions")


def _title(sale: FlashSaleInfo, lang: str) -> str:
    return html.escape(sale.product_title_zh if lang == "zh" and sale.product_title_zh else sale.product_title)


def _coupon_line(c: CouponInfo, t: Translator) -> str:
    if c.kind is CouponKind.PERCENT:
        what = percent_off_text(c.percent_off or 0, t)
    else:
        what = t("{amount} off", amount=c.amount_off.format() if c.amount_off else "")
    if c.min_spend is not None:
        what = t("{discount} on orders of {amount} or more", discount=what, amount=c.min_spend.format())
    line = f"• <code>{html.escape(c.code)}</code> — {what}"
    if c.ends_at is not None:
        line += " · " + t("until {date}", date=f"{c.ends_at:%Y-%m-%d}")
    if c.uses_left is not None:
        line += " · " + t("{n} uses left", n=c.uses_left)
    return line


def _offer_line(offer: OfferInfo, t: Translator) -> str:
    """"Spend more, save more: $10.00 off $100.00, $30.00 off $200.00" -- every tier, lowest first."""
    tiers = ("，" if t.language == "zh" else ", ").join(
        t("{saving} off {threshold}", saving=saving.format(), threshold=threshold.format())
        for threshold, saving in offer.tiers)
    colon = "：" if t.language == "zh" else ": "
    return f"🎁 <b>{offer_name(offer.name, offer.name_zh, t)}</b>{colon}{tiers}"


def _sale_line(sale: FlashSaleInfo, now: datetime, t: Translator, lang: str) -> str:
    if sale.upcoming(now):
        return "• " + t("{title}: {price} (now {was}) — starts in {when}, {n} units", title=_title(sale, lang),
                        price=sale.price.format(), was=sale.list_price.format(),
                        when=duration_text((sale.starts_at - now).total_seconds(), t), n=sale.quantity_total)
    return "• " + t("{title}: <b>{price}</b> instead of {was} — {left} of {total} left, ends in {when}",
                    title=_title(sale, lang), price=sale.price.format(), was=sale.list_price.format(),
                    left=sale.quantity_remaining, total=sale.quantity_total,
                    when=duration_text((sale.ends_at - now).total_seconds(), t))


async def promotions_reply(services: Services, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                           now: datetime, state: Conversation | None = None) -> Reply:
    """``state``: the running flash sales become the items on screen, so "抢一个", "grab one", "the headphones
    one" and "第一个" refer to them (flash_claim)."""
    async with services.uows.read() as uow:
        promos = await current_promotions(uow, now)
    if state is not None and promos.running:
        state.remember_results([s.product_external_id for s in promos.running], None)
        if len(promos.running) > 1:
            state.focus_sku = None  # several sales on screen: "抢一个" asks which, not the product opened before
    if promos.is_empty:
        return Text(t("No promotions are running right now. Check back soon!"),
                    buttons=keyboard([Button(t("🔎 Search"), data=codec.encode(user_id, "menu", "search"))]))
    out = [t("🔥 <b>Deals right now</b>")]
    rows: list[list[Button]] = []
    if promos.running:
        out += ["", t("⚡ <b>Flash sales</b>")] + [_sale_line(s, now, t, lang) for s in promos.running]
        rows += [[Button("⚡ " + short_label(s.product_title_zh if lang == "zh" and s.product_title_zh
                                             else s.product_title, 40),
                         data=codec.encode(user_id, "pd", s.product_id))] for s in promos.running[:5]]
    if promos.upcoming:
        out += ["", t("⏰ <b>Coming soon</b>")] + [_sale_line(s, now, t, lang) for s in promos.upcoming]
    for offer in promos.offers:
        out += ["", _offer_line(offer, t)]
    if promos.coupons:
        out += ["", t("🏷 <b>Coupons</b>")] + [_coupon_line(c, t) for c in promos.coupons]
        use = [Button(t("Use {code}", code=c.code), data=codec.encode(user_id, "cpn", "a", c.code))
               for c in promos.coupons if len(c.code) <= 30][:4]
        rows += [use[i:i + 2] for i in range(0, len(use), 2)]
    return Text("\n".join(out), buttons=keyboard(*rows))


@router.intent("list_promotions")
@router.button("promos")
async def promotions(services: Services, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                     now: datetime, state: Conversation, text: str = "") -> Reply:
    reply = await promotions_reply(services, t, lang, codec, user_id, now, state)
    named = await _sale_named(services, state, text, now) if text else None
    if named is None or not isinstance(reply, Text):
        return reply
    # "is the blender still on flash sale": that sale first and in focus, so "how much is it normally" and "can
    # i buy 2" are about the blender (they asked "which one?" and added 2 JBL headphones).
    state.focus_sku = named.sku
    return Text("⚡ " + _sale_line(named, now, t, lang)[2:] + "\n\n" + reply.text, buttons=reply.buttons)


_DEAL_TALK = re.compile(r"\b(?:on|in|at|still|today|now|deals?|promo(?:tion)?s?|offers?|discounts?|there|right|"
                        r"going|running|available)\b|活动|促销|秒杀|还在|吗", re.IGNORECASE)


async def _sale_named(services: Services, state: Conversation, text: str, now: datetime) -> FlashSaleInfo | None:
    """The one running sale whose product the message names (after the list put the sales on screen)."""
    words = " ".join(_DEAL_TALK.sub(" ", price_subject(text)).split())
    if not words:
        return None
    ref = await shown_named(services, state, words)
    async with services.uows.read() as uow:
        promos = await current_promotions(uow, now)
    return next((s for s in promos.running if ref in (s.product_external_id, s.sku)), None) if ref else None


async def open_flash_sale(sale_id: int, services: Services, state: Conversation, t: Translator, lang: str,
                          codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    """``/start promo_<id>``: the sale as a card (adding to the cart gets the flash price while it runs)."""
    try:
        async with services.uows() as uow:
            sale = await get_flash_sale(uow, sale_id)
    except NotFound:
        sale = None
    if sale is None or not (sale.running(now) or sale.upcoming(now)):
        note = t("That promotion has ended or sold out. Here is what's on now:")
        return [Text(note), await promotions_reply(services, t, lang, codec, user_id, now)]
    state.focus_sku = sale.sku
    text = f"⚡ <b>{html.escape(sale.title)}</b>\n" + _sale_line(sale, now, t, lang)[2:]
    rows = [[Button(t("ℹ️ Details"), data=codec.encode(user_id, "pd", sale.product_id))]]
    if sale.running(now):
        add = codec.encode(user_id, "add", sku_code(sale.sku, sale.variant_id), 1)
        rows[0].append(Button(t("🛒 Add to cart"), data=add))
        text += "\n" + t("Limit {n} per shopper at this price.", n=sale.per_user_limit)
    buttons = keyboard(*rows)
    if sale.image_url:
        return [Photo(photo=sale.image_url, caption=text, buttons=buttons)]
    return [Text(text, buttons=buttons)]
