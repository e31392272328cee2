"""Digital goods in the dialogue: the codes and e-book files an order delivered, with the receipt and again later.

WHY here: the store issues the items with the payment (``store.digital``); the dialogue shows them in the
receipt, in the order's details, and on "📥 My digital items" (``dig:<order id>``), which also sends the
e-book files again. Files are written under the media directory the first time they are needed
(``ensure_files``, in a thread: Pillow and zip work must not block the event loop), and only an active item's
files are offered: a refunded order's codes show as void and its files are no longer sent.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Mapping, Sequence

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Document, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.checkout.titles import localize_order
from bot.i18n import Translator
from store.digital.files import ensure_files
from store.digital.service import DigitalItemView, order_digital_items
from store.models.digital import DigitalKind
from store.orders.views import OrderView, get_order

__all__ = ["router", "load_items", "items_text", "documents", "digital_button", "delivery_replies"]

router = Router("digital")


async def load_items(services: Services, order_id: int, user_id: int) -> list[DigitalItemView]:
    """The order's items, with the files of the active e-books written if they are missing."""
    async with services.uows() as uow:
        items = await order_digital_items(uow, order_id, user_id=user_id)
    for item in items:
        if item.active and item.files:
            await asyncio.to_thread(ensure_files, item, services.media_dir)
    return items


def _title(item: DigitalItemView, titles: Mapping[str, str]) -> str:
    return html.escape(titles.get(item.sku, item.title))


def _line(item: DigitalItemView, titles: Mapping[str, str], t: Translator) -> str:
    title = _title(item, titles)
    if item.kind is DigitalKind.EBOOK:
        formats = " + ".join(f.name.rsplit(".", 1)[-1].upper() for f in item.files)
        if not item.active:
            return "📖 " + t("{title}: refunded, no longer available", title=title)
        return "📖 " + t("{title}: e-book files ({formats})", title=title, formats=formats)
    icon = "🎁" if item.kind is DigitalKind.GIFT_CARD else "🔑"
    code = html.escape(item.code or "")
    if not item.active:
        return icon + " " + t("{title}: code <s>{code}</s> — void (refunded)", title=title, code=code)
    if item.value is not None and item.balance is not None and item.balance != item.value:
        return icon + " " + t("{title}: code <code>{code}</code> · value {value} · {balance} left", title=title,
                              code=code, value=item.value.format(), balance=item.balance.format())
    if item.value is not None:
        return icon + " " + t("{title}: code <code>{code}</code> · value {value}", title=title, code=code,
                              value=item.value.format())
    return icon + " " + t("{title}: code <code>{code}</code>", title=title, code=code)


def items_text(items: Sequence[DigitalItemView], titles: Mapping[str, str], t: Translator) -> str | None:
    """The "your digital items" block, or None when the order has none."""
    if not items:
        return None
    out = [t("📦 <b>Your digital items</b>")] + [_line(i, titles, t) for i in items]
    if any(i.code and i.active for i in items):
        out.append(t("Keep the codes safe (anyone who has a code can use it), or forward one as a gift. They're "
                     "saved with the order: open it under /orders any time."))
    return "\n".join(out)


def documents(items: Sequence[DigitalItemView], titles: Mapping[str, str], t: Translator) -> list[Document]:
    """One document per file of each active e-book."""
    return [Document(document=f.path, filename=f.name,
                     caption="📖 " + t("{title} ({format})", title=_title(item, titles),
                                       format=f.name.rsplit(".", 1)[-1].upper()))
            for item in items if item.active for f in item.files]


def digital_button(order: OrderView, t: Translator, codec: CallbackCodec, user_id: int) -> Button | None:
    """"📥 My digital items" for a paid order with digital lines."""
    if order.paid_at is None or not any(line.is_digital for line in order.lines):
        return None
    return Button(t("📥 My digital items"), data=codec.encode(user_id, "dig", order.id))


def _titles(order: OrderView) -> dict[str, str]:
    return {line.sku: line.title for line in order.lines}


async def delivery_replies(services: Services, order: OrderView, user_id: int, t: Translator) -> list[Reply]:
    """What a paid order delivers in chat: the codes block and the e-book files (nothing for other orders).
    ``order`` should already be localized (titles in the shopper's language)."""
    if not any(line.is_digital for line in order.lines):
        return []
    items = await load_items(services, order.id, user_id)
    text = items_text(items, _titles(order), t)
    replies: list[Reply] = [Text(text)] if text else []
    return replies + list(documents(items, _titles(order), t))


@router.button("dig")
async def digital_items(payload: CallbackPayload, services: Services, user_id: int, t: Translator, lang: str,
                        codec: CallbackCodec) -> list[Reply]:
    async with services.uows() as uow:
        order = await get_order(uow, payload.int_arg(0), user_id=user_id)  # NotFound unless it is theirs
    shown = await localize_order(order, services, lang)
    replies = await delivery_replies(services, shown, user_id, t)
    if not replies:
        return [Text(t("Order {number} has no digital items.", number=order.number))]
    back = keyboard([Button(t("📄 Order details"), data=codec.encode(user_id, "ord", order.id))])
    first = replies[0]
    if isinstance(first, Text):
        replies[0] = Text(first.text, buttons=back)
    return replies
