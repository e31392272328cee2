"""``/start`` begins afresh: "add the second one" or "how much is it" right after it no longer act on the list or
product shown before it (they did: the results, the focus and a pending question outlived the welcome), while
the cart, the orders and the shopper's language stay."""

from __future__ import annotations

from pathlib import Path

from bot.core.state import Pending
from tests.bot.skills.test_shopping_wording import ANN, LI, body, cart_of
from tests.helpers.shopping import Shopper, shop_bot


async def _state(bot: object, user_id: int) -> object:
    services = bot.services  # type: ignore[attr-defined]
    return await services.states.load(user_id, user_id)


async def test_start_forgets_the_list_and_the_product_but_keeps_the_cart(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("coffee mugs")
        await ann.say("add the first one")
        before = await cart_of(bot, ANN.id)
        assert len(before) == 1, before
        await ann.say("running shoes")
        await ann.say("tell me more about the first one")
        state = await _state(bot, ANN.id)
        assert state.last_results and state.focus_sku  # type: ignore[attr-defined]
        welcome = body(await ann.say("/start"))
        assert "Welcome" in welcome, welcome
        state = await _state(bot, ANN.id)
        assert not state.last_results and state.focus_sku is None and state.pending is None  # type: ignore[attr-defined]
        await ann.say("add the second one")
        assert await cart_of(bot, ANN.id) == before
        asked = body(await ann.say("how much is it"))
        assert "Running Shoes" not in asked, asked


async def test_start_drops_a_pending_question_and_keeps_chinese(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("跑步鞋")
        services = bot.services
        assert services is not None
        state = await services.states.load(LI.id, LI.id)
        state.pending = Pending(kind="quantity", data={"sku": state.last_results[0]})
        await services.states.save(LI.id, LI.id, state)
        welcome = body(await li.say("/start"))
        assert "欢迎" in welcome, welcome
        state = await services.states.load(LI.id, LI.id)
        assert state.pending is None and not state.last_results and state.focus_sku is None
        await li.say("加第二个")
        assert await cart_of(bot, LI.id) == {}
