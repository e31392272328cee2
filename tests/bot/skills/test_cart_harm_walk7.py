"""Cart changes that named something else must change nothing (walk7: data loss).

c15: with only cookbooks in the cart, "删掉咖啡豆" (remove the coffee beans) replied "已移除 Sheet Pan Suppers" and
emptied the cart: words naming no cart line fell through to the line in focus."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from store.cart import add_to_cart
from tests.bot.skills.test_shopping_cart import cart_of, texts
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(781, "Ann", language_code="en")
LI = UserRef(782, "Li", language_code="zh")


async def test_removing_a_product_not_in_the_cart_removes_nothing(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu.rules.insert(0, (re.compile(r"remove|删掉", re.I), "remove_from_cart"))
        for user in (ANN, LI):
            shopper = Shopper(bot, user)
            await shopper.say("hello")
            async with bot.services.uows() as uow:
                await add_to_cart(uow, user.id, "P01-RED", 2)
            for text in ("删掉蓝牙音箱", "remove the bluetooth speaker"):
                reply = " ".join(texts(await shopper.say(text)))
                assert await cart_of(bot, user.id) == {"P01-RED": 2}, (text, reply)
                assert "no “" in reply or "没有" in reply, (text, reply)
            await shopper.say("remove the mug")  # a line the words name still goes
            assert await cart_of(bot, user.id) == {}


async def test_put_it_back_typed_after_cancelling_puts_the_orders_items_back(tmp_path: Path) -> None:
    """w16: "put it back in cart" right after cancelling added a daypack never shown (the search's hit for "back",
    from "Ventilated Back Panel"); it means the cancelled order's items, as the button under the reply does."""
    from bot.core.events import UserRef as User
    from tests.helpers.checkout_flow import shop, walk_checkout
    from tests.helpers.checkout_flow import texts as flow_texts

    ada = User(783, first_name="Ada", language_code="en")
    async with shop(tmp_path) as s:
        assert s.bot.services is not None
        s.bot.services.nlu.rules.insert(0, (re.compile(r"\bput\b", re.I), "add_to_cart"))
        session = await s.shopper(ada, ("MUG-R", 2))
        await walk_checkout(session)
        await session.say("cancel order")
        await session.press_label("Yes, cancel it")
        assert await cart_of(s.bot, ada.id) == {}
        back = flow_texts(await session.say("put it back in cart"))
        assert "Back in your cart: Product MUG × 2" in back, back
        assert await cart_of(s.bot, ada.id) == {"MUG-R": 2}
