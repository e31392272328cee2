"""Session 8 (cart walk): "➕ New address" under "you can still change where it goes" changes the order.

It opened the address book's form, saved the address there and stopped: the order kept its old address and
nothing said so. Now the saved address is set on the order (while it waits for payment), or the shopper is told
why the order could not take it.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.orders.views import get_order
from tests.helpers.checkout_flow import latest_order, shop, texts, walk_checkout

ADA = UserRef(831, first_name="Ada", language_code="en")
BO = UserRef(832, first_name="Bo", language_code="en")
CY = UserRef(833, first_name="Cy", language_code="en")


async def test_a_new_address_for_a_pending_order_changes_the_order(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session)
        order = await latest_order(s, ADA.id)
        await session.say("change my order")
        form = texts(await session.press_label("New address"))
        assert order.number in form, form
        await session.say("Grace Hopper, 5 Navy Rd, Arlington, 22201, US")
        done = texts(await session.press_label("Save this address"))
        assert "Saved to your addresses" in done and f"order {order.number} will now go to" in done, done
        async with s.uows() as uow:
            assert (await get_order(uow, order.id)).address["city"] == "Arlington"  # type: ignore[index]


async def test_an_order_paid_meanwhile_keeps_its_address_and_says_why(tmp_path: Path) -> None:
    from store.models.orders import OrderStatus

    async with shop(tmp_path) as s:
        session = await s.shopper(BO, ("MUG-R", 1))
        await walk_checkout(session)
        order = await latest_order(s, BO.id)
        await session.say("change my order")
        await session.press_label("New address")
        async with s.uows() as uow:  # paid before the new address is saved
            from store.models.orders import Order

            row = await uow.session.get(Order, order.id)
            row.status = OrderStatus.PAID
            await uow.commit()
        await session.say("Grace Hopper, 5 Navy Rd, Arlington, 22201, US")
        said = texts(await session.press_label("Save this address"))
        assert "Saved to your addresses" in said, said
        assert f"Order {order.number}'s delivery address was not changed" in said and "is paid" in said, said
        async with s.uows() as uow:
            assert (await get_order(uow, order.id)).address["city"] == "Springfield"  # type: ignore[index]


async def test_changing_the_address_with_an_order_open_is_about_the_order_and_yes_saves(tmp_path: Path) -> None:
    # "我要改收货地址" right after placing an order showed the address book, where a new address never reaches the
    # order; and "yes" typed at "Is this address right?" in that form asked again instead of saving.
    async with shop(tmp_path) as s:
        session = await s.shopper(CY, ("MUG-R", 1))
        assert "no saved addresses" in texts(await session.say("my addresses"))  # no order: the book, as before
        await walk_checkout(session)
        order = await latest_order(s, CY.id)
        offered = texts(await session.say("I need to change addresses"))  # (the real model: "我要改收货地址")
        assert order.number in offered and "change where it goes" in offered, offered
        await session.press_label("New address")
        await session.say("王芳 上海市 徐汇区 漕溪北路18号 200030 中国 13912345678")
        done = texts(await session.say("yes"))
        assert f"order {order.number} will now go to" in done, done
        async with s.uows() as uow:
            address = (await get_order(uow, order.id)).address
        assert address is not None and address["name"] == "王芳" and address["city"] == "上海市"
