"""Another delivery asked for in words (team walk, session 10): "change the delivery to express" at the checkout's
address step got "not sure what you mean", at the shipping step it showed the options again instead of choosing
express, and after the order was placed it got "not sure what you mean" too. Now the option is chosen where the
checkout can take it, and a placed order's answer is the shop's rule: its delivery option stays as chosen
(``store.checkout.choose`` changes only an unpaid order's address), cancelling and checking out again is the way.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.models.orders import ShippingOption
from tests.helpers.checkout_flow import latest_order, shop, texts

ADA = UserRef(1791, first_name="Ada", language_code="en")
LI = UserRef(1792, first_name="Li", language_code="zh-hans")
ADDRESS = "Ada Lovelace, 12 Analytical Way, Springfield, 62701, US"


async def test_change_the_delivery_to_express_at_the_shipping_step_chooses_it(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say(ADDRESS)
        await session.press_label("Use this address")
        said = texts(await session.say("change the delivery to express"))
        assert "step 3 of 3" in said and "Express delivery: $15.99" in said, said
        await session.press_label("Card (Telegram")
        assert (await latest_order(s, ADA.id)).shipping_option is ShippingOption.EXPRESS


async def test_change_the_delivery_to_express_at_the_address_step_says_when(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        said = texts(await session.say("change the delivery to express"))
        assert "not sure" not in said and "Express delivery" in said and "step 1 of 3" in said, said


async def test_a_placed_orders_delivery_cannot_be_changed(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say(ADDRESS)
        await session.press_label("Use this address")
        await session.press_label("Standard")
        await session.press_label("Card (Telegram")
        order = await latest_order(s, ADA.id)
        said = texts(await session.say("change the delivery to express"))
        assert order.number in said and "can't be changed" in said and "not sure" not in said, said
        assert "cancel" in said.lower(), said
        assert (await latest_order(s, ADA.id)).shipping_option is ShippingOption.STANDARD


async def test_a_placed_orders_delivery_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(LI, ("MUG-R", 1))
        await session.say("结算")
        await session.press_label("新地址")
        await session.say(ADDRESS)
        await session.press_label("使用这个地址")
        await session.press_label("标准")
        await session.press_label("银行卡")
        order = await latest_order(s, LI.id)
        said = texts(await session.say("把配送方式改成加急"))
        assert order.number in said and "不能" in said, said


async def test_express_asked_in_chinese_at_the_address_step(tmp_path: Path) -> None:
    """"把配送方式改成加急" at the address step was read as changing an order: "您没有可以修改的进行中订单"."""
    async with shop(tmp_path) as s:
        session = await s.shopper(LI, ("MUG-R", 1))
        await session.say("结算")
        said = texts(await session.say("把配送方式改成加急"))
        assert "没有可以修改" not in said and "第 1 步" in said, said
