"""Checkout for an address abroad, as shoppers walked it: no cash on delivery outside the shop's home country
(only for US addresses and pickup in the demo shop), international delivery estimates, and a Chinese
shopper's invoice naming the items in Chinese."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.catalog import ProductInput, VariantInput, upsert_product
from store.models.orders import PaymentMethodKind
from store.money import Money
from store.users import AddressInput
from tests.helpers.checkout_flow import (
    button_data,
    labels,
    latest_order,
    order_count,
    save_addresses,
    shop,
    texts,
)

ADA = UserRef(701, first_name="Ada", language_code="en")
LI = UserRef(702, first_name="李", language_code="zh-hans")
SPRINGFIELD = AddressInput(name="Ada Lovelace", line1="12 Analytical Way", city="Springfield", country="US",
                           postcode="62701")
SHANGHAI = AddressInput(name="王小明", line1="浦东新区世纪大道100号", city="上海市", country="CN", postcode="200120",
                        phone="13800138000")


async def test_cash_on_delivery_is_offered_at_home_and_not_abroad(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SHANGHAI, SPRINGFIELD)
        how = texts(await session.say("how do i pay"))
        assert "Cash on delivery is only for addresses in US and for pickup orders." in how
        await session.say("checkout")
        await session.press_label("上海市")
        abroad = await session.press_label("Standard")
        assert "step 3 of 3: payment" in texts(abroad)
        assert any("Card" in b for b in labels(abroad)) and not any("Cash on delivery" in b for b in labels(abroad))

        await session.say("cancel")
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        home = await session.press_label("Standard")
        assert any("Cash on delivery" in b for b in labels(home))
        assert await order_count(s) == 0


async def test_a_stale_cash_button_for_an_address_abroad_places_nothing(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SHANGHAI, SPRINGFIELD)
        await session.say("checkout")
        to_shanghai = button_data(session, "上海市")
        await session.press_label("Ada Lovelace")
        await session.press_label("Standard")
        stale_cash = button_data(session, "Cash on delivery")  # offered for the US address
        await session.press(to_shanghai)  # back to the earlier message: Shanghai instead
        await session.press_label("Standard")
        refused = await session.press(stale_cash)
        body = texts(refused)
        assert "cash on delivery is only for addresses in US and for pickup orders" in body
        assert "delivery to CN" in body and "Nothing was ordered" in body
        assert "step 3 of 3: payment" in body  # the valid methods again
        assert any("Card" in b for b in labels(refused)) and not any("Cash" in b for b in labels(refused))
        assert await order_count(s) == 0
        placed = await session.press_label("Card")
        assert "is placed" in texts(placed) and await order_count(s) == 1


async def test_cash_on_delivery_typed_by_a_chinese_shopper_abroad_is_refused_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(LI, ("MUG-R", 1))
        await save_addresses(s, LI, SHANGHAI)
        await session.say("结算")
        await session.press_label("上海市")
        step = await session.press_label("标准配送")
        assert not any("货到付款" in b for b in labels(step))
        refused = await session.say("货到付款")  # typed: taken as the button it names, refused by the store
        body = texts(refused)
        assert "货到付款仅适用于 US 境内的地址和自提订单" in body and "CN" in body and "Sorry" not in body
        assert any("银行卡" in b for b in labels(refused)) and not any("货到付款" in b for b in labels(refused))
        assert await order_count(s) == 0


async def test_delivery_estimates_are_international_for_an_address_abroad(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SHANGHAI, SPRINGFIELD)
        await session.say("checkout")
        abroad = labels(await session.press_label("上海市"))
        assert any("Standard delivery · 7-14 days" in b for b in abroad)
        assert any("Express delivery · 3-6 days" in b for b in abroad)
        await session.press_label("Cancel checkout")
        await session.say("checkout")
        home = labels(await session.press_label("Ada Lovelace"))
        assert any("Standard delivery · 3-5 days" in b for b in home)
        assert any("Express delivery · 1-2 days" in b for b in home)

        li = await s.shopper(LI, ("MUG-R", 1))
        await save_addresses(s, LI, SHANGHAI)
        await li.say("结算")
        zh = labels(await li.press_label("上海市"))
        assert any("7-14 天" in b for b in zh) and any("3-6 天" in b for b in zh)


async def test_a_chinese_shoppers_invoice_names_the_items_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        async with s.uows() as uow:
            await upsert_product(uow, ProductInput(
                external_id="KETTLE", title="Gooseneck Pour-Over Kettle, 0.9 L", title_zh="手冲细口壶",
                variants=[VariantInput("KETTLE-1", Money(4500, "USD"), 10, {})], category_path="Home > Kitchen"))
        session = await s.shopper(LI, ("KETTLE-1", 1), ("MUG-R", 1))
        await save_addresses(s, LI, SHANGHAI)
        await session.say("结算")
        await session.press_label("上海市")
        await session.press_label("标准配送")
        placed = await session.press_label("银行卡")
        invoice = next(r["invoice"] for r in placed if r["invoice"])
        assert invoice["title"].startswith("订单")
        assert "手冲细口壶 × 1" in invoice["description"] and "Gooseneck" not in invoice["description"]
        rows = [p["label"] for p in invoice["prices"]]
        assert "手冲细口壶 x1" in rows and not any("Gooseneck" in r for r in rows)
        assert any(r.startswith("Product MUG") for r in rows)  # no Chinese title: the English one stays
        assert sum(p["amount"] for p in invoice["prices"]) == invoice["total_amount"]
        assert (await latest_order(s, LI.id)).payment_method is PaymentMethodKind.TELEGRAM

        again = await session.say("付款")  # the invoice sent again is in Chinese too
        resent = next(r["invoice"] for r in again if r["invoice"])
        assert "手冲细口壶 × 1" in resent["description"]


async def test_moving_an_unpaid_cash_order_abroad_is_refused_kindly(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SPRINGFIELD, SHANGHAI)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        await session.press_label("Standard")
        await session.press_label("Cash on delivery")
        await session.say("change my order")
        refused = texts(await session.press_label("上海市"))
        assert "cash on delivery is only for addresses in US and for pickup orders" in refused
        assert "Nothing was ordered or changed" in refused
        kept = await latest_order(s, ADA.id)
        assert kept.address is not None and kept.address["country"] == "US"
        assert kept.payment_method is PaymentMethodKind.CASH_ON_DELIVERY
