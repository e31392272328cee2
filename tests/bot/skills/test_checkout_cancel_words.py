"""Cancelling an open checkout in the shopper's words (team walk, session 10): "cancel it" while the checkout asked
to confirm the typed address answered "You have no orders that can still be cancelled" and the checkout stayed
open. A cancel with only "it", "this", "the checkout" after it means the checkout in progress, at any step; the
cart stays as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.pending import is_cancel
from store.cart import get_cart
from tests.helpers.checkout_flow import shop, texts

ADA = UserRef(1781, first_name="Ada", language_code="en")
ADDRESS = "Ada Lovelace, 12 Analytical Way, Springfield, 62701, US"


def test_cancel_with_only_the_thing_in_progress_after_it() -> None:
    said = ("cancel it", "Cancel this please", "cancel the checkout", "stop checkout", "never mind then",
            "forget it", "取消吧", "取消结账", "不买了")
    assert all(is_cancel(w) for w in said), [w for w in said if not is_cancel(w)]
    assert not any(is_cancel(w) for w in ("cancel my order", "cancel order SB10002", "cancel it and refund me",
                                           "取消订单", "stop sign"))


@pytest.mark.parametrize("said", ["cancel it", "cancel the checkout"])
async def test_cancel_it_at_the_address_confirmation_ends_the_checkout(tmp_path: Path, said: str) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        assert "Is this address right?" in texts(await session.say(ADDRESS))
        reply = texts(await session.say(said))
        assert "cancelled" in reply.lower() and "no orders" not in reply
        assert "still waiting" not in reply
        async with s.uows() as uow:
            assert (await get_cart(uow, ADA.id, s.clock())).item_count == 1
        assert "Nothing to cancel" in texts(await session.say("/cancel"))  # the checkout is closed


async def test_cancel_it_at_the_shipping_step_ends_the_checkout(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say(ADDRESS)
        await session.press_label("Use this address")
        reply = texts(await session.say("cancel it"))
        assert "cancelled" in reply.lower() and "no orders" not in reply
        assert "Nothing to cancel" in texts(await session.say("/cancel"))
