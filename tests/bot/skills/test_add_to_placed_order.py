""""add another mug to that order" right after the order was placed put a mug in the cart without a word about the
order: the shopper thought it joined the order. A placed order's items can't be changed (the FAQ: "Orders can't be
edited after checkout, so please place a second order"), so the answer says so, names the order, and offers the
item for the cart, one tap away."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.cart import get_cart
from tests.helpers.checkout_flow import latest_order, shop, texts, walk_checkout

ADA = UserRef(1795, first_name="Ada", language_code="en")


async def test_adding_to_a_placed_order_says_it_cannot_and_offers_the_cart(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session, method="Cash on delivery")
        order = await latest_order(s, ADA.id)
        said = texts(await session.say("add another mug to that order"))
        assert order.number in said and "can't be changed" in said, said
        async with s.uows() as uow:
            assert not (await get_cart(uow, ADA.id, s.clock())).lines  # nothing added before the shopper says so
        said = texts(await session.press_label("Add to cart"))
        async with s.uows() as uow:
            lines = (await get_cart(uow, ADA.id, s.clock())).lines
        assert [(line.sku, line.quantity) for line in lines] == [("MUG-R", 1)], said


async def test_adding_to_the_cart_after_an_order_still_adds(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session, method="Cash on delivery")
        said = texts(await session.say("add another mug"))
        assert "can't be changed" not in said, said
