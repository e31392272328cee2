"""Pickup said at or before the address step (walk 6): "I'll pick it up" at the address step was read as an add
of a blouse, "I will pick it up in store" in the new-address form became the recipient's name, "结算，我到店自取"
and "I'll pick it up in store" before checking out both led to "where should we deliver?". Each now goes
straight to the payment step of a pickup order, which offers cash at pickup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from store.models.orders import PaymentMethodKind, ShippingOption
from tests.helpers.checkout_flow import labels, latest_order, order_count, shop, texts

ADA = UserRef(631, first_name="Ada", language_code="en")
LI = UserRef(632, first_name="Li", language_code="zh")


def _pickup_payment_step(replies: list[dict[str, Any]]) -> None:
    body = texts(replies)
    assert "step 3 of 3" in body and "Pickup in store" in body and "step 1 of 3" not in body, body
    assert any("Cash at pickup" in b for b in labels(replies)), labels(replies)


async def test_ill_pick_it_up_at_the_address_step_chooses_pickup(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        _pickup_payment_step(await session.say("I'll pick it up"))
        await session.press_label("Cash at pickup")
        order = await latest_order(s, ADA.id)
        assert order.shipping_option is ShippingOption.PICKUP and order.address is None
        assert order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY


async def test_pickup_said_in_the_new_address_form_is_not_a_name(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        _pickup_payment_step(await session.say("I will pick it up in store"))
        assert "step 3 of 3" in texts(await session.say("checkout"))  # "checkout" again keeps pickup


async def test_pickup_said_with_checkout_or_before_it(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        li = await s.shopper(LI, ("MUG-R", 1))
        step = await li.say("结算，我到店自取")
        assert "第 3 步" in texts(step) and "自提" in texts(step) and "第 1 步" not in texts(step), texts(step)
        ada = await s.shopper(ADA, ("MUG-R", 1))
        _pickup_payment_step(await ada.say("I'll pick it up in store, thanks"))
        await ada.press_label("Cancel checkout")
        assert "step 3 of 3" not in texts(await ada.say("collectible cards"))  # a search, not a pickup
        assert await order_count(s) == 0


def test_what_says_pickup() -> None:
    from bot.core.skills.checkout.typed import only_pickup, says_pickup

    assert says_pickup("I'll pick it up") and says_pickup("到店自取") and says_pickup("我自己去拿")
    assert only_pickup("I will pick it up in store myself") and only_pickup("我自己到店自取吧")
    assert not only_pickup("pickup truck toy") and not only_pickup("collectible cards")
