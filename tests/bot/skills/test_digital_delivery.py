"""Digital goods are delivered for real when their Stars payment lands: a gift card's unique code and value, an
e-book's EPUB and PDF files as documents; once per payment; again on request; void after a Stars refund."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.core.events import ChatRef, PaymentSucceeded, UserRef
from bot.core.replies import Document, Reply, Text
from store.catalog.service import ProductInput, VariantInput, upsert_product
from store.digital.service import order_digital_items
from store.models.digital import DigitalItem, DigitalKind, DigitalStatus
from store.models.orders import OrderStatus
from store.money import Money
from store.orders.events import staff_actor
from store.payments.stars import refund_stars
from tests.helpers.checkout_flow import Shop, latest_order, shop, texts

ADA = UserRef(601, first_name="Ada", language_code="en")
LI = UserRef(602, first_name="李", language_code="zh-hans")


async def _digital_catalog(s: Shop) -> None:
    async with s.uows() as uow:
        await upsert_product(uow, ProductInput(
            external_id="GC", title="Lumi e-Gift Card: Thank You", is_digital=True, brand="Lumi",
            category_path="Gift Cards > e-Gift Cards", title_zh="Lumi 电子礼品卡：谢谢你",
            attributes={"tags": ["gift-card", "digital"], "product_type": "e-Gift Card"},
            variants=[VariantInput("GC-25", Money(1250, "XTR"), 100, {"value": "$25"})]))
    async with s.uows() as uow:
        await upsert_product(uow, ProductInput(
            external_id="EB", title="Harbor Lights by Nora Quinn (E-book)", is_digital=True, brand="Northlight",
            category_path="Books & E-books > E-books", title_zh="港湾灯火（电子书）",
            description="Harbor Lights by Nora Quinn, about 280 print pages, as a DRM-free e-book.",
            attributes={"tags": ["ebook", "books"], "author": "Nora Quinn", "pages": 280},
            variants=[VariantInput("EB-1", Money(150, "XTR"), 100)]))


async def _pay(s: Shop, user: UserRef, items: tuple[tuple[str, int], ...], charge: str) -> tuple[Any, PaymentSucceeded]:
    session = await s.shopper(user, *items)
    await session.say("checkout" if user is ADA else "结算")
    placed = await session.press_label("⭐")  # the summary first; the order when the Stars button is pressed
    invoice = next(r["invoice"] for r in placed if r["invoice"])
    assert invoice["currency"] == "XTR"
    paid = PaymentSucceeded(user, ChatRef(user.id), payload=invoice["payload"], total_amount=invoice["total_amount"],
                            currency="XTR", provider_charge_id="", telegram_charge_id=charge)
    return session, paid


def _text(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies if isinstance(r, Text))


async def _items(s: Shop, order_id: int) -> int:
    async with s.uows() as uow:
        return int((await uow.session.execute(
            select(func.count(DigitalItem.id)).where(DigitalItem.order_id == order_id))).scalar_one())


async def test_a_gift_card_and_an_ebook_are_delivered_once_and_can_be_fetched_again(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _digital_catalog(s)
        session, paid = await _pay(s, ADA, (("GC-25", 2), ("EB-1", 1)), "stars-charge-1")
        replies = await s.bot.handle(paid)
        order = await latest_order(s, ADA.id)
        assert order.status is OrderStatus.DELIVERED
        async with s.uows() as uow:
            items = await order_digital_items(uow, order.id, user_id=ADA.id)
        cards = [i for i in items if i.kind is DigitalKind.GIFT_CARD]
        (book,) = [i for i in items if i.kind is DigitalKind.EBOOK]
        assert len(cards) == 2 and len({c.code for c in cards}) == 2  # one unique code per card bought
        assert all(c.value == Money(2500, "USD") and c.code and c.code.startswith("GC-") for c in cards)
        text = _text(replies)
        assert "Payment received" in text and "Your digital items" in text
        for card in cards:
            assert f"code <code>{card.code}</code> · value $25.00" in text
        assert "Harbor Lights by Nora Quinn (E-book): e-book files (EPUB + PDF)" in text

        documents = [r for r in replies if isinstance(r, Document)]
        assert [d.filename for d in documents] == ["harbor-lights-by-nora-quinn.epub",
                                                   "harbor-lights-by-nora-quinn.pdf"]
        media = s.bot.services.media_dir  # type: ignore[union-attr]
        epub, pdf = (media / d.document for d in documents)
        with zipfile.ZipFile(epub) as z:  # a real EPUB: "mimetype" first, stored, then the package
            assert z.namelist()[0] == "mimetype" and z.read("mimetype") == b"application/epub+zip"
            assert z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
            assert "Nora Quinn" in z.read("OEBPS/content.opf").decode()
            assert order.number in z.read("OEBPS/book.xhtml").decode()
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert documents[0].document.startswith("digital/") and len(documents[0].document.split("/")[1]) >= 20

        assert await s.bot.handle(paid) == []  # Telegram delivers the same payment again: nothing new
        assert await _items(s, order.id) == 3

        await session.say("my orders")
        shown = texts(await session.press_label(f"📄 {order.number}"))  # the order's details list the codes
        assert all(f"<code>{c.code}</code>" in shown for c in cards)
        again = await session.press_label("My digital items")
        assert [r["document"]["filename"] for r in again if r["document"]] == [d.filename for d in documents]
        assert await _items(s, order.id) == 3


async def test_chinese_buyer_reads_the_delivery_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _digital_catalog(s)
        _, paid = await _pay(s, LI, (("GC-25", 1), ("EB-1", 1)), "stars-charge-zh")
        replies = await s.bot.handle(paid)
        text = _text(replies)
        async with s.uows() as uow:
            order = await latest_order(s, LI.id)
            (card, _book) = await order_digital_items(uow, order.id, user_id=LI.id)
        assert "您的数字商品" in text and f"券码 <code>{card.code}</code> · 面值 $25.00" in text
        assert "Lumi 电子礼品卡：谢谢你" in text and "港湾灯火（电子书）：电子书文件（EPUB + PDF）" in text
        documents = [r for r in replies if isinstance(r, Document)]
        assert [d.caption for d in documents] == ["📖 港湾灯火（电子书）（EPUB）", "📖 港湾灯火（电子书）（PDF）"]
        for english in ("Your digital items", "code <code>", "value $"):
            assert english not in text


async def test_a_stars_refund_voids_the_gift_card_and_withdraws_the_files(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _digital_catalog(s)
        session, paid = await _pay(s, ADA, (("GC-25", 1), ("EB-1", 1)), "stars-charge-2")
        await s.bot.handle(paid)
        order = await latest_order(s, ADA.id)
        async with s.uows() as uow:
            refund = await refund_stars(uow, "stars-charge-2", actor=staff_actor(9), reason="changed mind",
                                        now=s.clock())
        assert refund.amount == order.total
        async with s.uows() as uow:
            again = await refund_stars(uow, "stars-charge-2", actor=staff_actor(9), reason="changed mind",
                                       now=s.clock())
        assert again.duplicate
        async with s.uows() as uow:
            items = await order_digital_items(uow, order.id, user_id=ADA.id)
        assert [i.status for i in items] == [DigitalStatus.VOIDED, DigitalStatus.VOIDED]
        assert (await latest_order(s, ADA.id)).status is OrderStatus.REFUNDED
        card = next(i for i in items if i.kind is DigitalKind.GIFT_CARD)
        await session.say("my orders")
        await session.press_label(f"📄 {order.number}")
        replies = await session.press_label("My digital items")
        shown = texts(replies)
        assert f"code <s>{card.code}</s> — void (refunded)" in shown and "refunded, no longer available" in shown
        assert not any(r["document"] for r in replies)
