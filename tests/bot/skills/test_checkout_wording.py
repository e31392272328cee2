"""What a demanding shopper noticed around checkout, orders and the basics: the address form does not store a
phone number as the street or a typed word as the name, a button pressed twice shows where the checkout
stands, summaries name what was bought in the shopper's language, a cash-on-delivery order is not "waiting
for payment", and /language answers in the language chosen."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.catalog import ProductInput, VariantInput, upsert_product
from store.money import Money
from store.users import list_addresses
from tests.helpers.checkout_flow import latest_order, shop, texts, walk_checkout

ADA = UserRef(511, first_name="Ada", language_code="en")
LI = UserRef(512, first_name="李", language_code="zh-hans")


async def test_language_is_confirmed_in_the_language_chosen(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA)
        assert texts(await session.say("/language zh")) == "已切换为中文。"
        assert texts(await session.say("/language en")) == "Language set to English."
        assert "I speak English and Chinese" in texts(await session.say("/language fr"))


async def test_an_unknown_order_is_explained_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(LI)
        reply = texts(await session.say("/track SB99999"))
        assert "在您的订单里没有找到 SB99999" in reply and "找到order" not in reply


async def test_address_answers_go_where_they_belong(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say("Jane Doe")
        phone = texts(await session.say("+1 415 555 0100"))
        assert "noted the phone number" in phone and "street address" in phone
        assert "Which city" in texts(await session.say("12 Main St, Apt 4"))
        await session.say("San Francisco")
        assert "usually has digits" in texts(await session.say("California"))
        await session.say("94105")
        confirm = texts(await session.say("US"))
        assert "Jane Doe\n+1 415 555 0100\n12 Main St\nApt 4\nSan Francisco 94105\nUS" in confirm
        # A stray word at the confirmation used to replace the name: now it only asks again.
        again = texts(await session.say("checkout"))
        assert "Jane Doe" in again and "Press ✅" in again
        await session.press_label("Use this address")
        async with s.uows() as uow:
            [saved] = await list_addresses(uow, ADA.id)
        assert (saved.name, saved.phone, saved.line1, saved.line2, saved.postcode) == (
            "Jane Doe", "+1 415 555 0100", "12 Main St", "Apt 4", "94105")


async def test_a_checkout_button_pressed_twice_shows_where_checkout_stands(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
        use = session.find_button("Use this address")
        assert use is not None
        await session.press(use)
        twice = texts(await session.press(use))
        assert "step 2 of 3" in twice and "no longer active" not in twice
        await session.press_label("Standard")
        card = session.find_button("Card")
        assert card is not None
        await session.press(card)
        order = await latest_order(s, ADA.id)
        late = texts(await session.press(card))
        assert f"Order {order.number} is already placed" in late and "Your cart is unchanged" not in late


async def test_summaries_name_the_option_and_use_chinese_titles(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        async with s.uows() as uow:
            await upsert_product(uow, ProductInput(
                external_id="CUP", title="Travel Cup", title_zh="随行杯", category_path="Home > Kitchen > Mugs",
                variants=[VariantInput("CUP-R", Money(1500, "USD"), 10, {"color": "Red"}),
                          VariantInput("CUP-B", Money(1500, "USD"), 10, {"color": "Blue"})]))
        session = await s.shopper(LI, ("CUP-R", 2))
        await session.say("结算")
        await session.press_label("新地址")
        await session.say("张三，建国路88号，北京，100022，中国")
        await session.press_label("使用这个地址")
        payment = texts(await session.press_label("标准"))
        assert "2 × 随行杯 (红色)" in payment and "Travel Cup" not in payment


async def test_cash_on_delivery_orders_are_not_waiting_for_payment(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session, method="Cash on delivery")
        listing = texts(await session.say("my orders"))
        assert "to pay on delivery" in listing and "waiting for payment" not in listing
        invoice = texts(await session.say("send me the invoice"))
        assert "Status: to pay on delivery" in invoice


async def test_asking_to_pay_an_unpaid_order_gets_the_invoice_not_a_lesson(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session)
        again = await session.say("pay")
        assert "How paying works" not in texts(again)
        assert any(r["invoice"] for r in again)
        fresh = await s.shopper(UserRef(513, first_name="Bo", language_code="en"))
        assert "How paying works" in texts(await fresh.say("pay"))


async def test_a_return_waiting_for_its_reason_does_not_swallow_other_requests(tmp_path: Path) -> None:
    """"my orders" typed while a return waits for its reason used to become the reason (and every later message
    was appended to it); now the shopper is told the return is waiting and how to finish or drop it."""
    from store.returns import get_return
    from tests.helpers.checkout_flow import deliver

    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        placed = await walk_checkout(session)
        await session.pay_test(next(r["invoice"] for r in placed if r["invoice"]))
        order = await latest_order(s, ADA.id)
        await deliver(s, order.id)
        assert "Why are you returning it" in texts(await session.say("I want to return it"))
        waiting = texts(await session.say("my orders"))
        assert "still waiting for the reason" in waiting and session.find_button("Damaged or defective")
        await session.press_label("Damaged or defective")
        assert "isn't sent yet" in texts(await session.say("my orders"))
        assert "received" in texts(await session.press_label("Submit return request"))
        async with s.uows() as uow:
            assert (await get_return(uow, order.id)).reason == "Arrived damaged or defective"


async def test_changing_a_cash_on_delivery_order_does_not_call_it_unpaid(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session, method="Cash on delivery")
        explained = texts(await session.say("change my order"))
        assert "hasn't shipped yet, so you can still change where it goes" in explained
        assert "waiting for payment" not in explained


async def test_a_bare_yes_offers_the_menu(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA)
        await session.say("thanks")
        assert session.find_button("Search") is None
        await session.say("yes")
        assert session.find_button("Search") and session.find_button("My orders")
