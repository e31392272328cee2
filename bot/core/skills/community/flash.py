"""Flash sales in groups: ``/flash`` posts the running sale's card and everyone races on one [Claim] button.

The card is computed at send time: price against list price, "ends in 1h 23m", and a bar of how much is
claimed (▰▰▰▱▱ 60% claimed). [Claim] is an ``anyone`` button: the presser claims for themselves through
``store.flash_sales.claim_flash_sale`` (one conditional UPDATE decides the race), and gets a toast — won
("Reserved! Pay within N minutes", plus a private message with the next steps) or the typed reason lost.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, CallbackAnswer, Notify, Photo, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.common import esc, translator_for
from bot.i18n import Translator
from store.pricing.listing import FlashSaleInfo
from store.pricing.rules import aware

__all__ = ["router", "flash_card", "time_left", "progress_bar"]

router = Router("flash")
_BAR = 5


def time_left(t: Translator, ends_at: datetime, now: datetime) -> str:
    seconds = max(0, int((aware(ends_at) - aware(now)).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, minutes = rest // 3600, (rest % 3600) // 60
    if days:
        return t("ends in {d}d {h}h", d=days, h=hours)
    if hours:
        return t("ends in {h}h {m}m", h=hours, m=minutes)
    if minutes:
        return t("ends in {m}m", m=minutes)
    return t("ends in under a minute")


def progress_bar(t: Translator, total: int, remaining: int) -> str:
    claimed = max(0, total - remaining)
    share = claimed / total if total else 1.0
    filled = min(_BAR, round(share * _BAR))
    return t("{bar} {pct}% claimed · {left} left", bar="▰" * filled + "▱" * (_BAR - filled),
             pct=round(share * 100), left=remaining)


def flash_card(sale: FlashSaleInfo, t: Translator, lang: str, codec: CallbackCodec, now: datetime,
               bot_username: str | None = None) -> Reply:
    """The sale with its claim button; in a group (``bot_username`` given) also a link that opens the sale in
    the member's private chat with the bot (``start=promo_<id>``: details, options, checkout)."""
    title = sale.product_title_zh if lang == "zh" and sale.product_title_zh else sale.product_title
    saving = sale.list_price.amount - sale.price.amount
    pct = round(100 * saving / sale.list_price.amount) if sale.list_price.amount > 0 and saving > 0 else 0
    lines = [f"⚡ <b>{esc(sale.title)}</b>", esc(title),
             t("<b>{price}</b> instead of {was} (−{pct}%)", price=sale.price.format(), was=sale.list_price.format(),
               pct=pct),
             "⏳ " + time_left(t, sale.ends_at, now),
             progress_bar(t, sale.quantity_total, sale.quantity_remaining)]
    if sale.per_user_limit:
        lines.append(t("Limit {n} per person.", n=sale.per_user_limit))
    caption = "\n".join(lines)
    rows = [[Button(t("⚡ Claim for {price}", price=sale.price.format()),
                    data=codec.encode(0, "claim", sale.id, anyone=True))]]
    if bot_username:
        rows.append([Button(t("💬 Open in a private chat"), url=f"https://t.me/{bot_username}?start=promo_{sale.id}")])
    buttons = keyboard(*rows)
    if sale.image_url:
        return Photo(photo=sale.image_url, caption=caption, buttons=buttons)
    return Text(caption, buttons=buttons)


async def flash_replies(services: Services, t: Translator, lang: str, codec: CallbackCodec, chat_id: int,
                        now: datetime, sale_id: int | None = None) -> list[Reply]:
    from store.community_flash import sales_for_chat
    from store.pricing.listing import get_flash_sale

    async with services.uows() as uow:
        sales = [await get_flash_sale(uow, sale_id)] if sale_id else await sales_for_chat(uow, chat_id, now)
    sales = [s for s in sales if s.running(now)]
    if not sales:
        return [Text(t("No flash sale is running right now. Ask me for \u201cpromotions\u201d to see current deals, "
                       "or say \u201cnotify me about deals\u201d to hear about the next one."))]
    in_group = chat_id < 0
    # Every running sale, soonest to end first (it showed only one, and shoppers missed the other live deal).
    sales.sort(key=lambda s: s.ends_at)
    return [flash_card(s, t, lang, codec, now, services.bot_username if in_group else None)
            for s in sales[:MAX_FLASH_CARDS]]


MAX_FLASH_CARDS = 5


@router.command("flash")
async def flash_command(args: str, services: Services, t: Translator, lang: str, codec: CallbackCodec,
                        chat_id: int, now: datetime) -> list[Reply]:
    sale_id = int(args) if args.strip().isdigit() else None
    return await flash_replies(services, t, lang, codec, chat_id, now, sale_id)


def _refusal(t: Translator, reason: object) -> str:
    from store.stock import ClaimRefusal

    texts: dict[object, str] = {
        ClaimRefusal.SOLD_OUT: t("Sold out — every unit has been claimed. Better luck next time!"),
        ClaimRefusal.PER_USER_LIMIT: t("You've already claimed this deal (limit per person reached)."),
        ClaimRefusal.ENDED: t("This flash sale has ended."),
        ClaimRefusal.NOT_STARTED: t("This flash sale hasn't started yet."),
        ClaimRefusal.INACTIVE: t("This flash sale is no longer running."),
    }
    return texts.get(reason, t("Sorry, this deal can't be claimed."))


def _won_message(t: Translator, codec: CallbackCodec, user_id: int, number: str, order_id: int, price: str,
                 minutes: int) -> Reply:
    return Text(t("🎉 You got it! Order {number} is reserved for you at {price}.\nChoose delivery and pay within "
                  "{minutes} minutes, or the unit goes back to the sale: send /orders.",
                  number=number, price=price, minutes=minutes),
                buttons=keyboard([Button(t("📦 Open my order"), data=codec.encode(user_id, "ord", order_id))]))


@router.button("claim")
async def claim_button(payload: CallbackPayload, services: Services, t: Translator, user_id: int,
                       codec: CallbackCodec, now: datetime) -> list[Reply]:
    from store.flash_sales import claim_flash_sale

    minutes = services.settings.order_expiry_minutes
    async with services.uows() as uow:
        result = await claim_flash_sale(uow, payload.int_arg(0), user_id, now=now, expiry_minutes=minutes)
    if result.refusal is not None or result.order is None:
        return [CallbackAnswer(_refusal(t, result.refusal), alert=True)]
    order = result.order
    pt = await translator_for(services, user_id)
    return [CallbackAnswer(t("Reserved! Pay within {minutes} minutes — I sent you the details in a private "
                             "chat.", minutes=minutes), alert=True),
            Notify(user_id, _won_message(pt, codec, user_id, order.number, order.id, order.total.format(), minutes))]
