"""Digital delivery in the store: what a product is delivered as, codes, one set per paid order even when the
payment arrives twice at once (SQLite and PostgreSQL), e-book files, and voiding on a full refund only."""

from __future__ import annotations

import asyncio
import re
import zipfile
from pathlib import Path

from sqlalchemy import func, select

from store.catalog.service import ProductInput, VariantInput, upsert_product
from store.digital.codes import ALPHABET, new_code, normalize
from store.digital.files import ensure_files
from store.digital.kinds import classify, face_value
from store.digital.service import order_digital_items
from store.models.digital import DigitalItem, DigitalKind, DigitalStatus
from store.models.orders import OrderEvent, OrderEventType, OrderStatus, PaymentMethodKind, ShippingOption
from store.money import Money
from store.orders.events import staff_actor
from store.orders.views import OrderView, get_order, load_order
from store.payments.base import PaymentResult, PaymentStatus
from store.payments.refunds import apply_refund
from store.payments.stars import StarsPayments
from store.payments.telegram import TelegramPayments
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, SECRET, Item, make_item, make_user, place_order

STARS = StarsPayments(SECRET)


def test_the_kind_comes_from_the_catalog_and_only_a_gift_card_has_a_value() -> None:
    ebook = classify({"tags": ["ebook", "fiction"]}, {}, "Books & E-books > E-books > Fiction E-books")
    card = classify({"tags": ["gift-card"], "product_type": "e-Gift Card"}, {"value": "$25"}, "Gift Cards > X")
    voucher = classify({"tags": ["gift-card", "gaming"]}, {}, "Gift Cards > Brand Gift Cards > Entertainment")
    stickers = classify({}, {"size": "0"}, "Digital > Stickers")
    assert ebook == (DigitalKind.EBOOK, None)
    assert card == (DigitalKind.GIFT_CARD, Money(2500, "USD"))
    assert voucher == (DigitalKind.CODE, None) and stickers == (DigitalKind.CODE, None)
    assert [face_value(v) for v in ("$10", "25 USD", "EUR 5.50", "¥100", "$0", "ten dollars", 25, "$1.234")] == [
        Money(1000, "USD"), Money(2500, "USD"), Money(550, "EUR"), Money(10000, "CNY"), None, None, None, None]


def test_codes_are_random_readable_and_normalised_from_what_people_type() -> None:
    codes = {new_code(DigitalKind.GIFT_CARD) for _ in range(2000)}
    assert len(codes) == 2000
    shape = re.compile(rf"^GC(-[{ALPHABET}]{{4}}){{4}}$")
    assert all(shape.match(c) for c in codes)
    assert not set("01OIL") & set("".join(codes).replace("GC-", ""))
    code = next(iter(codes))
    assert normalize(code.lower().replace("-", " ")) == code


async def _digital_items(uows: UnitOfWorkFactory) -> tuple[Item, Item]:
    async with uows() as uow:
        card = await upsert_product(uow, ProductInput(
            external_id="GC", title="Gift Card", is_digital=True, category_path="Gift Cards > e-Gift Cards",
            attributes={"tags": ["gift-card"]}, variants=[VariantInput("GC-10", Money(500, "XTR"), 50,
                                                                       {"value": "$10"})]))
    async with uows() as uow:
        book = await upsert_product(uow, ProductInput(
            external_id="EB", title="Signal from Europa (E-book)", is_digital=True, description="A novel.",
            category_path="Books & E-books > E-books", attributes={"tags": ["ebook"], "author": "Arun Mehta"},
            variants=[VariantInput("EB-1", Money(200, "XTR"), 50)]))
    return (Item(card.id, card.variants[0].id, "GC-10", 500, "XTR"),
            Item(book.id, book.variants[0].id, "EB-1", 200, "XTR"))


async def _paid_order(uows: UnitOfWorkFactory, user: int, charge: str = "tg-star-1") -> tuple[OrderView, str]:
    card, book = await _digital_items(uows)
    order = await place_order(uows, user, (card, 2), (book, 1), method=PaymentMethodKind.STARS,
                              option=ShippingOption.DIGITAL)
    return order, STARS.build_invoice(order).payload


async def test_the_same_payment_delivered_at_once_twelve_times_issues_one_set(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    order, payload = await _paid_order(uow_factory, user)

    async def deliver() -> PaymentResult:
        async with uow_factory() as uow:
            return await STARS.record_successful_payment(uow, payload, order.total.amount, "XTR", "", "tg-star-1",
                                                         user, now=NOW)

    results = await asyncio.gather(*(deliver() for _ in range(12)))
    assert [r.status for r in results].count(PaymentStatus.CAPTURED) == 1
    async with uow_factory() as uow:
        items = await order_digital_items(uow, order.id, user_id=user)
        delivered = (await uow.session.execute(select(func.count()).select_from(OrderEvent).where(
            OrderEvent.order_id == order.id, OrderEvent.type == OrderEventType.DIGITAL_DELIVERED))).scalar_one()
        assert (await get_order(uow, order.id)).status is OrderStatus.DELIVERED
    assert [(i.sku, i.unit, i.kind) for i in items] == [
        ("GC-10", 1, DigitalKind.GIFT_CARD), ("GC-10", 2, DigitalKind.GIFT_CARD), ("EB-1", 1, DigitalKind.EBOOK)]
    assert delivered == 1
    cards = items[:2]
    assert len({c.code for c in cards}) == 2 and all(c.value == Money(1000, "USD") for c in cards)
    (book,) = items[2:]
    assert book.code is None and [f.name for f in book.files] == ["signal-from-europa.epub", "signal-from-europa.pdf"]
    assert book.details["author"] == "Arun Mehta" and book.details["order_number"] == order.number


async def test_another_shopper_cannot_read_the_codes(uow_factory: UnitOfWorkFactory) -> None:
    from store.errors import NotFound

    user = await make_user(uow_factory, 1)
    other = await make_user(uow_factory, 2, "Bob")
    order, payload = await _paid_order(uow_factory, user)
    async with uow_factory() as uow:
        await STARS.record_successful_payment(uow, payload, order.total.amount, "XTR", "", "c", user, now=NOW)
    async with uow_factory() as uow:
        try:
            await order_digital_items(uow, order.id, user_id=other)
        except NotFound:
            pass
        else:  # pragma: no cover - the point of the test
            raise AssertionError("another shopper read the codes")


async def test_ebook_files_are_written_once_and_are_real_files(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    user = await make_user(uow_factory, 1)
    order, payload = await _paid_order(uow_factory, user)
    async with uow_factory() as uow:
        await STARS.record_successful_payment(uow, payload, order.total.amount, "XTR", "", "c", user, now=NOW)
    async with uow_factory() as uow:
        book = (await order_digital_items(uow, order.id, user_id=user))[2]
    epub, pdf = ensure_files(book, tmp_path)
    assert epub.is_relative_to(tmp_path / "digital") and epub.parent == pdf.parent
    with zipfile.ZipFile(epub) as z:
        assert z.testzip() is None and z.namelist()[:2] == ["mimetype", "META-INF/container.xml"]
        assert "Signal from Europa (E-book)" in z.read("OEBPS/content.opf").decode()
    assert pdf.read_bytes()[:5] == b"%PDF-" and b"%%EOF" in pdf.read_bytes()[-32:]
    stamps = [p.stat().st_mtime_ns for p in (epub, pdf)]
    assert ensure_files(book, tmp_path) == [epub, pdf]
    assert [p.stat().st_mtime_ns for p in (epub, pdf)] == stamps  # never rewritten once delivered


async def test_a_partial_refund_keeps_the_items_and_a_full_one_voids_them(uow_factory: UnitOfWorkFactory) -> None:
    """Digital lines of a card-paid order (a digital product priced in USD, shipped with a physical one): the
    codes are issued at payment even though the order still ships; a partial refund leaves them, the refund
    of the rest voids them."""
    user = await make_user(uow_factory, 1)
    async with uow_factory() as uow:
        code = await upsert_product(uow, ProductInput(
            external_id="DL", title="Recipe pack", is_digital=True, category_path="Digital > Downloads",
            variants=[VariantInput("DL-1", Money(300, "USD"), 50)]))
    mug = await make_item(uow_factory, stock=5, price_minor=2000)
    item = Item(code.id, code.variants[0].id, "DL-1", 300, "USD")
    order = await place_order(uow_factory, user, (mug, 1), (item, 1))
    tg = TelegramPayments(SECRET)
    async with uow_factory() as uow:
        await tg.record_successful_payment(uow, tg.build_invoice(order).payload, order.total.amount, "USD", "ch",
                                           None, user, now=NOW)
    async with uow_factory() as uow:
        (issued,) = await order_digital_items(uow, order.id, user_id=user)
        assert (await get_order(uow, order.id)).status is OrderStatus.PAID  # the mug still ships
    assert issued.kind is DigitalKind.CODE and issued.code is not None and issued.value is None
    async with uow_factory() as uow:
        from store.orders.service import cancel_order

        await cancel_order(uow, order.id, staff_actor(9), now=NOW, reason="out of stock")
    async with uow_factory() as uow:
        await apply_refund(uow, await load_order(uow.session, order.id), amount=Money(500, "USD"),
                           actor=staff_actor(9), reason="part", now=NOW)
    async with uow_factory() as uow:
        assert (await order_digital_items(uow, order.id, user_id=user))[0].active
    async with uow_factory() as uow:
        await apply_refund(uow, await load_order(uow.session, order.id), amount=None, actor=staff_actor(9),
                           reason="the rest", now=NOW)
    async with uow_factory() as uow:
        (voided,) = await order_digital_items(uow, order.id, user_id=user)
        events = (await uow.session.execute(select(OrderEvent.type).where(OrderEvent.order_id == order.id))).scalars()
        assert OrderEventType.DIGITAL_VOIDED in list(events)
        count = (await uow.session.execute(select(func.count(DigitalItem.id)))).scalar_one()
    assert voided.status is DigitalStatus.VOIDED and voided.voided_at is not None and count == 1
