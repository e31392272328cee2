"""Checkout offers only the shipping options that serve the delivery address's country, and a button from
before the address changed never becomes an order (store.shipping.zones; the demo shop ships to CN but its
pickup counter is in Seattle, and it does not ship to Brazil)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from bot.core.events import UserRef
from store.models.users import Address
from store.users import AddressInput
from tests.helpers.checkout_flow import (
    button_data,
    labels,
    latest_order,
    order_count,
    save_addresses,
    shop,
    texts,
)

ADA = UserRef(601, first_name="Ada", language_code="en")
LI = UserRef(602, first_name="李", language_code="zh-hans")
SPRINGFIELD = AddressInput(name="Ada Lovelace", line1="12 Analytical Way", city="Springfield", country="US",
                           postcode="62701")
SHANGHAI = AddressInput(name="Li Wei", line1="88 Nanjing Road", city="Shanghai", country="CN", postcode="200001")
SAO_PAULO = AddressInput(name="Ana Souza", line1="Rua Augusta 100", city="Sao Paulo", country="BR",
                         postcode="01305-000")


async def test_a_chinese_address_sees_only_the_options_that_serve_it(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say("Li Wei, 88 Nanjing Road, Shanghai, 200001, China")
        shipping = await session.press_label("Use this address")
        shown = labels(shipping)
        assert any("Standard" in b for b in shown) and any("Express" in b for b in shown)
        assert not any("Pickup" in b for b in shown)  # the counter is in Seattle

        await save_addresses(s, ADA, SPRINGFIELD)
        await session.say("cancel")
        await session.say("checkout")
        us = await session.press_label("Ada Lovelace")  # a US address still offers pickup
        assert any("Pickup" in b for b in labels(us))


async def test_pickup_typed_at_the_shipping_step_of_a_chinese_address_is_refused(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SHANGHAI)
        await session.say("checkout")
        await session.press_label("Shanghai")
        refused = await session.say("pickup please")
        assert "Pickup in store isn't available for an address in CN" in texts(refused)
        assert not any("Pickup" in b for b in labels(refused)) and any("Express" in b for b in labels(refused))
        assert await order_count(s) == 0


async def test_a_stale_shipping_button_after_the_address_changed_is_refused(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SHANGHAI, SPRINGFIELD)
        await session.say("checkout")
        to_shanghai = button_data(session, "Shanghai")
        await session.press_label("Ada Lovelace")
        stale_pickup = button_data(session, "Pickup")  # offered for the US address
        await session.press(to_shanghai)  # the shopper goes back to the earlier message and picks Shanghai
        refused = await session.press(stale_pickup)
        body = texts(refused)
        assert "isn't available for an address in CN" in body and "nothing was ordered" in body
        assert not any("Pickup" in b for b in labels(refused))
        assert await order_count(s) == 0


async def test_a_stale_payment_button_after_the_address_changed_places_nothing(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SHANGHAI, SPRINGFIELD)
        await session.say("checkout")
        to_shanghai = button_data(session, "Shanghai")
        await session.press_label("Ada Lovelace")
        await session.press_label("Pickup")
        stale_cash = button_data(session, "Cash at pickup")  # the payment step of the pickup order
        await session.press(to_shanghai)
        again = await session.press(stale_cash)
        assert "step 2 of 3: shipping" in texts(again) and not any("Pickup" in b for b in labels(again))
        assert await order_count(s) == 0
        step = await session.press_label("Express")
        assert not any("Cash on delivery" in b for b in labels(step))  # no cash abroad (test_checkout_abroad)
        placed = await session.press_label("Card")
        assert "is placed" in texts(placed)
        order = await latest_order(s, ADA.id)
        assert order.address is not None and order.address["country"] == "CN"
        assert order.shipping_option is not None and order.shipping_option.value == "express"


async def test_the_store_refusal_at_order_time_is_explained_and_nothing_is_created(tmp_path: Path) -> None:
    """The address changed under the choice (here: edited in the database) between the shipping step and
    the order: the store refuses, the shopper is told kindly and chooses again."""
    async with shop(tmp_path) as s:
        session = await s.shopper(LI, ("MUG-R", 1))
        await save_addresses(s, LI, SPRINGFIELD)
        await session.say("结算")
        await session.press_label("Ada Lovelace")
        await session.press_label("自提")
        async with s.uows() as uow:
            await uow.session.execute(update(Address).where(Address.user_id == LI.id).values(country="CN"))
            await uow.commit()
        refused = await session.press_label("到店付现金")
        body = texts(refused)
        assert "CN" in body and "没有下单" in body and "isn't available" not in body
        assert not any("自提" in b for b in labels(refused))
        assert await order_count(s) == 0


async def test_no_option_serves_the_address_offers_another_address_or_a_person(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SAO_PAULO)
        await session.say("checkout")
        none = await session.press_label("Sao Paulo")
        assert "can't deliver to addresses in BR" in texts(none)
        assert labels(none)[:2] == ["📍 Use another address", "🙋 Talk to a person"]
        back = await session.press_label("Use another address")
        assert "step 1 of 3: delivery address" in texts(back) and "New address" in " ".join(labels(back))

        li = await s.shopper(LI, ("MUG-R", 1))
        await save_addresses(s, LI, SAO_PAULO)
        await li.say("结算")
        zh = await li.press_label("Sao Paulo")
        assert "BR" in texts(zh) and "can't deliver" not in texts(zh)
        assert await order_count(s) == 0


async def test_moving_an_unpaid_pickup_order_abroad_is_refused_kindly(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await save_addresses(s, ADA, SPRINGFIELD, SHANGHAI)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        await session.press_label("Pickup")
        await session.press_label("Card")
        order = await latest_order(s, ADA.id)
        await session.say("change my order")
        refused = texts(await session.press_label("Shanghai"))
        assert "Pickup in store doesn't deliver to addresses in CN, so nothing was changed" in refused
        kept = await latest_order(s, ADA.id)
        assert kept.id == order.id and kept.address is not None and kept.address["country"] == "US"


async def test_a_pickup_order_is_collected_not_delivered_and_tracking_says_how_long(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SPRINGFIELD)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        await session.press_label("Pickup")
        placed = texts(await session.press_label("Cash at pickup"))
        assert "Pickup at: our Seattle pickup counter" in placed and "Deliver to" not in placed, placed
        assert "when you collect it" in placed and "when it ships" not in placed, placed
        tracked = texts(await session.say("/track"))
        assert "ready to collect at our Seattle pickup counter" in tracked and "when it ships" not in tracked
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        await session.press_label("Standard")
        placed = texts(await session.press_label("Cash on delivery"))
        assert "Deliver to: Ada Lovelace" in placed
        assert "usually 3-5 business days once it ships" in texts(await session.say("/track"))


async def test_asking_to_pay_cash_at_the_payment_step_gets_yes_or_no_for_this_order(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await save_addresses(s, ADA, SHANGHAI)
        await session.say("checkout")
        await session.press_label("Li Wei")
        await session.press_label("Express")
        abroad = await session.say("can i pay cash?")
        assert "only for addresses in US" in texts(abroad) and "step 3 of 3" in texts(abroad), texts(abroad)
        assert not any("Cash on delivery" in b for b in labels(abroad))
        await session.say("cancel")
        await save_addresses(s, ADA, SPRINGFIELD)
        await session.say("checkout")
        await session.press_label("Ada Lovelace")
        await session.press_label("Standard")
        home = await session.say("can i pay cash when it arrives?")
        assert "Yes: choose" in texts(home) and any("Cash on delivery" in b for b in labels(home)), texts(home)
        assert await order_count(s) == 0
