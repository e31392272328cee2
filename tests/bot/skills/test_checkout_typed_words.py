"""Words typed at checkout steps that were misread (walk 5): "快递" at the shipping step read as tracking,
"我自己去店里拿行吗" at the address step answered as a product question, "能货到付款吗" before the payment step
answered by the FAQ for US addresses while a Shanghai address was chosen, "对 取消吧" under "Cancel order …?"
asked again."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.models.orders import OrderStatus, ShippingOption
from store.users import AddressInput
from tests.helpers.checkout_flow import labels, latest_order, order_count, save_addresses, shop, texts, walk_checkout

ADA = UserRef(611, first_name="Ada", language_code="en")
SHANGHAI = AddressInput(name="Li Wei", line1="88 Nanjing Road", city="Shanghai", country="CN", postcode="200001")
SPRINGFIELD = AddressInput(name="Ada Lovelace", line1="12 Analytical Way", city="Springfield", country="US",
                           postcode="62701")


async def test_kuaidi_at_the_shipping_step_asks_standard_or_express(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SPRINGFIELD)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        asked = await session.say("快递")
        assert "Standard or express" in texts(asked) and "step 2 of 3" in texts(asked), texts(asked)
        assert any("Express" in b for b in labels(asked)) and "no orders" not in texts(asked).casefold()
        assert "step 3 of 3" in texts(await session.say("普通快递"))  # said which: chosen


async def test_asking_to_collect_it_in_store_at_the_address_step_chooses_pickup(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        chosen = texts(await session.say("我自己去店里拿行吗"))
        assert "collect it yourself" in chosen and "step 3 of 3" in chosen, chosen
        await session.press_label("Cash at pickup")
        assert (await latest_order(s, ADA.id)).shipping_option is ShippingOption.PICKUP


async def test_a_cash_question_at_the_shipping_step_is_answered_for_the_chosen_address(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SHANGHAI)
        await session.say("checkout")
        await session.press_label("Li Wei")
        abroad = texts(await session.say("能货到付款吗"))
        assert "only for addresses in US" in abroad and "step 2 of 3" in abroad, abroad
        await session.say("cancel")
        await save_addresses(s, ADA, SPRINGFIELD)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        home = texts(await session.say("can i pay cash on delivery?"))
        assert "Yes: choose how to send it" in home and "step 2 of 3" in home, home
        assert await order_count(s) == 0


async def test_a_yes_said_with_the_cancel_word_cancels(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session)
        await session.say("cancel order")
        kept = texts(await session.say("不取消了"))
        assert "is cancelled" not in kept and (await latest_order(s, ADA.id)).status is not OrderStatus.CANCELLED
        await session.say("cancel order")
        done = texts(await session.say("对 取消吧"))
        assert "is cancelled" in done, done
        assert (await latest_order(s, ADA.id)).status is OrderStatus.CANCELLED


def test_what_confirms_a_cancel() -> None:
    from bot.core.followups import confirms_cancel

    assert confirms_cancel("对 取消吧") and confirms_cancel("yes cancel it") and confirms_cancel("算了 取消这个订单")
    assert not confirms_cancel("不取消了") and not confirms_cancel("no don't cancel")
    assert not confirms_cancel("取消会退款吗")
