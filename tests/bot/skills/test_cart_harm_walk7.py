"""Cart changes that named something else must change nothing (walk7: data loss).

c15: with only cookbooks in the cart, "删掉咖啡豆" (remove the coffee beans) replied "已移除 Sheet Pan Suppers" and
emptied the cart: words naming no cart line fell through to the line in focus."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.named_best import best_named
from bot.core.state import Conversation
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
        assert "Back in your cart: Product MUG (0) × 2" in back, back
        assert await cart_of(s.bot, ada.id) == {"MUG-R": 2}


async def test_an_add_uses_every_word_named_and_adds_nothing_when_nothing_holds_them(tmp_path: Path) -> None:
    """w11: "add the python ebook" added "Mindful Mornings … (E-book)": the lexicon's product "ebook" dropped
    "python", and the search's top hit went in. Every named word counts; a hit holding none is not added."""
    from dataclasses import replace
    from typing import Any

    from nlu.result import ParsedEntity

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        nlu: Any = bot.services.nlu
        parse = nlu.parse

        async def with_lexicon(text: str, context: Any = None, vector: Any = None) -> Any:
            result = await parse(text, context, vector)
            at = text.find("mug")
            if at < 0 or not text.startswith("add"):
                return result
            return replace(result, entities=(*result.entities, ParsedEntity("product", "mug", at, at + 3)))

        nlu.parse = with_lexicon
        ann = Shopper(bot, UserRef(784, "Ann", language_code="en"))
        await ann.say("hello")
        await ann.say("mugs")
        reply = " ".join(texts(await ann.say("add the ceramic mug")))  # "mug" alone: the search's P02 (enamel)
        assert await cart_of(bot, 784) == {"P01-RED": 1}, reply
        # A search hit that holds none of the words is not taken (the candle for "ceramic mug"), a shown one is.
        none_shown = Conversation()
        assert await best_named(bot.services, none_shown, "ceramic mug", "P23") is None
        assert await best_named(bot.services, Conversation(last_results=["P02", "P01"]), "ceramic mug", "P23") == "P01"
        assert await best_named(bot.services, none_shown, "python ebook", "P01") is None


async def test_an_add_naming_nothing_right_after_an_unclear_message_asks_which(tmp_path: Path) -> None:
    """c15: "再给我找个手冲壶" was not understood; the next "加购物车" added a third cookbook (the old focus). An
    add naming nothing right after a miss asks which of those shown; naming one still adds it."""
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, UserRef(785, "Li", language_code="zh"))
        await li.say("你好")
        await li.say("mugs")
        await li.say("加入购物车 第一个")
        assert await cart_of(bot, 785) == {"P02-BLU": 1}
        await li.say("asdf unclear")  # the fake NLU's fallback: "not sure what you mean"
        reply = " ".join(texts(await li.say("加入购物车")))
        assert await cart_of(bot, 785) == {"P02-BLU": 1}, reply
        assert li.button("1.") is not None, reply
        await li.say("asdf unclear")
        await li.say("加入购物车 第二个")
        assert await cart_of(bot, 785) == {"P02-BLU": 1, "P01-RED": 1}


async def test_asking_to_empty_the_cart_confirms_then_empties_it(tmp_path: Path) -> None:
    """walk 8: "清空购物车" (read as remove_from_cart) replied "购物车里没有“清空”" and left the cart full."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu.rules.insert(0, (re.compile(r"清空|empty|remove", re.I), "remove_from_cart"))
        for user, said, yes in ((LI, "清空购物车", "是的，清空"), (ANN, "empty my cart", "Yes, clear it")):
            shopper = Shopper(bot, user)
            await shopper.say("hello")
            async with bot.services.uows() as uow:
                await add_to_cart(uow, user.id, "P01-RED", 2)
                await add_to_cart(uow, user.id, "P04-BLA", 1)
            asked = " ".join(texts(await shopper.say(said)))
            assert await cart_of(bot, user.id) == {"P01-RED": 2, "P04-BLA": 1}, asked
            await shopper.press(yes)
            assert await cart_of(bot, user.id) == {}
        shopper = Shopper(bot, ANN)
        async with bot.services.uows() as uow:
            await add_to_cart(uow, ANN.id, "P01-RED", 1)
            await add_to_cart(uow, ANN.id, "P04-BLA", 1)
        await shopper.say("remove all the mugs")  # a line named: never the whole cart
        assert "P04-BLA" in await cart_of(bot, ANN.id)


async def test_a_quantity_said_as_a_total_sets_the_line(tmp_path: Path) -> None:
    """walk 8: "能抢两个吗" then "不对 我总共只要两个" added two more each time (5 in the cart); a total sets it."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu.rules.insert(0, (re.compile(r"要|want", re.I), "add_to_cart"))
        for user, said in ((LI, "不对 我总共只要两个"), (ANN, "no wait, i only want 2 in total")):
            shopper = Shopper(bot, user)
            await shopper.say("hello")
            async with bot.services.uows() as uow:
                await add_to_cart(uow, user.id, "P01-RED", 4)
            reply = " ".join(texts(await shopper.say(said)))
            assert await cart_of(bot, user.id) == {"P01-RED": 2}, reply
