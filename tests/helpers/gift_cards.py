"""Builders for gift-card tests: a card bought for real (a Stars order paid, the code issued by the store),
and its balance and history read back."""

from __future__ import annotations

import itertools

from sqlalchemy import select

from store.catalog.service import ProductInput, VariantInput, upsert_product
from store.models.digital import DigitalItem, DigitalKind, GiftCardEntry
from store.models.orders import PaymentMethodKind, ShippingOption
from store.money import Money
from store.payments.stars import StarsPayments
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, SECRET, Item, place_order

__all__ = ["buy_gift_card", "card_balance", "card_history", "gift_card_item", "printed_gift_card"]

_seq = itertools.count(1)


async def gift_card_item(uows: UnitOfWorkFactory, value: str = "$25", stars: int = 1250) -> Item:
    """A digital gift card product sold in Stars with face value ``value``."""
    n = next(_seq)
    async with uows() as uow:
        product = await upsert_product(uow, ProductInput(
            external_id=f"GCP{n}", title=f"Lumi e-Gift Card {n}", is_digital=True,
            category_path="Gift Cards > e-Gift Cards", title_zh=f"Lumi 电子礼品卡 {n}",
            attributes={"tags": ["gift-card", "digital"]},
            variants=[VariantInput(f"GCV-{n}", Money(stars, "XTR"), 100, {"value": value})]))
    return Item(product.id, product.variants[0].id, f"GCV-{n}", stars, "XTR")


async def printed_gift_card(uows: UnitOfWorkFactory) -> Item:
    """A printed gift card paid in USD and shipped: a gift card cannot pay for it."""
    n = next(_seq)
    async with uows() as uow:
        product = await upsert_product(uow, ProductInput(
            external_id=f"PGC{n}", title=f"Gift Card in a Greeting Card {n}", is_digital=False,
            category_path="Gift Cards > Printed Gift Cards", attributes={"tags": ["gift-card", "printed"]},
            variants=[VariantInput(f"PGC-{n}", Money(2500, "USD"), 100, {"value": "$25"})]))
    return Item(product.id, product.variants[0].id, f"PGC-{n}", 2500, "USD")


async def buy_gift_card(uows: UnitOfWorkFactory, buyer: int, value: str = "$25") -> str:
    """Buy one card with Stars and pay for it; returns its code."""
    item = await gift_card_item(uows, value)
    order = await place_order(uows, buyer, (item, 1), method=PaymentMethodKind.STARS, option=ShippingOption.DIGITAL)
    stars = StarsPayments(SECRET)
    async with uows() as uow:
        result = await stars.record_successful_payment(uow, stars.build_invoice(order).payload, order.total.amount,
                                                       "XTR", "", f"stars-gc-{order.id}", buyer, now=NOW)
    assert result.applied
    async with uows() as uow:
        code = (await uow.session.execute(select(DigitalItem.code).where(
            DigitalItem.order_id == order.id, DigitalItem.kind == DigitalKind.GIFT_CARD))).scalar_one()
    assert code is not None
    return code


async def card_balance(uows: UnitOfWorkFactory, code: str) -> int:
    async with uows() as uow:
        return int((await uow.session.execute(
            select(DigitalItem.balance_minor).where(DigitalItem.code == code))).scalar_one())


async def card_history(uows: UnitOfWorkFactory, code: str) -> list[tuple[str, int, int, int | None]]:
    """(kind, change, balance after, order id) per balance change, oldest first."""
    async with uows() as uow:
        rows = await uow.session.execute(
            select(GiftCardEntry.kind, GiftCardEntry.change_minor, GiftCardEntry.balance_after_minor,
                   GiftCardEntry.order_id)
            .join(DigitalItem, DigitalItem.id == GiftCardEntry.item_id)
            .where(DigitalItem.code == code).order_by(GiftCardEntry.id))
        return [(str(k), int(c), int(a), o) for k, c, a, o in rows]
