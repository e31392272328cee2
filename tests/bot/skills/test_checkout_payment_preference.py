"""A way to pay said before the payment step (walk 6): "刷卡" / "pay by card" at the shipping step got "your order
isn't placed yet, so there is nothing to pay". It is a preference: the shipping step stays, the shopper is told
they choose it at the next step, and the payment step puts it first."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.users import AddressInput
from tests.helpers.checkout_flow import labels, order_count, save_addresses, shop, texts

ADA = UserRef(651, first_name="Ada", language_code="en")
LI = UserRef(652, first_name="Li", language_code="zh")
SPRINGFIELD = AddressInput(name="Ada Lovelace", line1="12 Analytical Way", city="Springfield", country="US",
                           postcode="62701")
SHANGHAI = AddressInput(name="Li Wei", line1="88 Nanjing Road", city="Shanghai", country="CN", postcode="200001")


async def test_pay_by_card_at_the_shipping_step_is_remembered_for_the_payment_step(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SPRINGFIELD)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        said = texts(await session.say("pay by card"))
        assert "isn't placed yet" not in said and "step 2 of 3" in said and "payment step" in said, said
        step = await session.press_label("Standard")
        assert "You said you'd pay by Card" in texts(step), texts(step)
        assert labels(step)[0].startswith("💳"), labels(step)
        assert await order_count(s) == 0


async def test_shua_ka_in_chinese_and_cash_abroad(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        li = await s.shopper(LI, ("MUG-R", 1))
        await save_addresses(s, LI, SHANGHAI)
        await li.say("结算")
        await li.press_label("Li Wei")
        said = texts(await li.say("刷卡"))
        assert "第 2 步" in said and "银行卡" in said, said
        cash = texts(await li.say("货到付款"))  # not for an address abroad: said now, not at the payment step
        assert "US" in cash and "第 2 步" in cash, cash
        assert await order_count(s) == 0


async def test_cash_on_delivery_said_in_chinese_reads_once(tmp_path: Path) -> None:
    # Before: "您想用货到付款付款" and "您说过想用货到付款付款" (the method's name already says 付款).
    li_us = UserRef(653, first_name="Li", language_code="zh")
    home = AddressInput(name="王五", line1="100 Market St", city="San Francisco", country="US", postcode="94103")
    async with shop(tmp_path) as s:
        li = await s.shopper(li_us, ("MUG-R", 1))
        await save_addresses(s, li_us, home)
        await li.say("结算")
        await li.press_label("王五")
        said = texts(await li.say("货到付款"))
        assert "货到付款" in said and "付款付款" not in said, said
        step = texts(await li.press_label("标准"))
        assert "货到付款" in step and "付款付款" not in step, step
