from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.core.events import ChatRef, PhotoMessage, UserRef
from bot.core.replies import Notify, Text
from bot.transports.local_session import LocalSession
from store.models.orders import OrderStatus
from store.orders.views import get_order
from store.returns import get_return
from store.users import list_addresses
from tests.helpers.checkout_flow import Shop, deliver, latest_order, ship, shop, texts, walk_checkout
from tests.helpers.order_builders import variant_stock

ADA = UserRef(601, first_name="Ada", language_code="en")


def invoice_of(replies: list[dict[str, Any]]) -> dict[str, Any]:
    return next(r["invoice"] for r in replies if r["invoice"])


async def paid_order(s: Shop, sku: str = "MUG-R", qty: int = 1) -> tuple[LocalSession, int]:
    session = await s.shopper(ADA, (sku, qty))
    placed = await walk_checkout(session)
    await session.pay_test(invoice_of(placed))
    return session, (await latest_order(s, ADA.id)).id


async def test_order_history_lists_orders_with_details_and_track_buttons(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session, order_id = await paid_order(s)
        listing = await session.say("/orders")
        body = texts(listing)
        number = f"SB{10000 + order_id}"
        assert number in body and "2025-06-01" in body and "paid" in body and "$18.49" in body
        details = await session.press_label(number)
        card = texts(details)
        assert "Standard delivery" in card and "Card (Telegram Payments)" in card and "Paid 2025-06-01" in card
        assert session.find_button("Invoice") and session.find_button("Cancel")


async def test_track_shows_status_and_the_carrier_timeline(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session, order_id = await paid_order(s)
        before = texts(await session.say("where is my order"))
        assert "paid" in before and "tracking number as soon as it ships" in before
        await ship(s, order_id)
        s.clock.advance(hours=13)  # the simulated carrier has picked it up and it is in transit
        tracked = texts(await session.say(f"/track SB{10000 + order_id}"))
        assert "shipped" in tracked and "tracking number" in tracked
        assert "Shipping label created" in tracked and "Picked up by the carrier" in tracked
        assert "In transit" in tracked and "Payment received ($18.49)" in tracked
        s.clock.advance(hours=40)
        refreshed = texts(await session.press_label("Refresh"))
        assert "delivered" in refreshed and "Delivered" in refreshed
        async with s.uows() as uow:
            assert (await get_order(uow, order_id)).status is OrderStatus.DELIVERED


async def test_cancel_a_pending_order_after_confirming_and_put_items_back(tmp_path: Path) -> None:
    async with s_context(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        await walk_checkout(session)
        order = await latest_order(s, ADA.id)
        variant_id = order.lines[0].variant_id
        assert variant_id is not None
        held = await variant_stock(s.uows, variant_id)
        ask = texts(await session.say("cancel order"))
        assert f"Cancel order {order.number}" in ask and "Nothing has been charged" in ask
        done = texts(await session.press_label("Yes, cancel it"))
        assert "is cancelled" in done and "Nothing was charged" in done
        assert await variant_stock(s.uows, variant_id) == held + 2
        back = texts(await session.press_label("Put the items back"))
        assert "Back in your cart: Product MUG (0) × 2" in back


async def test_a_typed_yes_or_no_answers_the_cancel_question(tmp_path: Path) -> None:
    """"yes" / "是的" to "Cancel order …?" answered "Okay! Tell me what you'd like to do next" and the order
    stayed open while the shopper thought it was cancelled."""
    async with s_context(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await walk_checkout(session)
        order = await latest_order(s, ADA.id)
        await session.say("cancel order")
        kept = texts(await session.say("no"))
        assert "stays as it is" in kept and (await latest_order(s, ADA.id)).status is not OrderStatus.CANCELLED
        await session.say("cancel order")
        done = texts(await session.say("yes"))
        assert "is cancelled" in done, done
        assert (await latest_order(s, ADA.id)).status is OrderStatus.CANCELLED
        assert "is cancelled" not in texts(await session.say("yes"))  # only the message right after the question
        assert order.number in done


def s_context(tmp_path: Path) -> Any:
    return shop(tmp_path, staff_ids=(77,))


async def test_cancel_of_a_shipped_order_is_refused_kindly(tmp_path: Path) -> None:
    async with s_context(tmp_path) as s:
        session, order_id = await paid_order(s)
        ask = await session.say("cancel order")
        assert "we'll refund it" in texts(ask)
        await ship(s, order_id)  # staff shipped it while the shopper was deciding
        refused = texts(await session.press_label("Yes, cancel it"))
        assert "already shipped" in refused and "request a return" in refused
        assert session.find_button("Track")
        async with s.uows() as uow:
            assert (await get_order(uow, order_id)).status is OrderStatus.SHIPPED
        typed = texts(await session.say(f"cancel order SB{10000 + order_id}"))
        assert "already shipped" in typed


async def test_cancel_paid_order_tells_staff_to_refund(tmp_path: Path) -> None:
    async with s_context(tmp_path) as s:
        session, order_id = await paid_order(s)
        await session.say("cancel order")
        data = session.find_button("Yes, cancel it")
        assert data is not None
        from bot.core.events import ButtonPress

        replies = await s.bot.handle(ButtonPress(ADA, ChatRef(ADA.id), data))
        notes = [r for r in replies if isinstance(r, Notify)]
        assert notes and notes[0].chat_id == 77 and "refund" in notes[0].reply.text  # type: ignore[attr-defined]
        assert any(isinstance(r, Text) and "We'll refund $18.49" in r.text for r in replies)


async def test_modify_pending_order_changes_its_address(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("addresses")
        await session.press_label("Add an address")
        await session.say("Ada Lovelace, 1 Other Street, Shelbyville, 62565, US")
        await session.press_label("Save this address")
        await walk_checkout(session)
        order = await latest_order(s, ADA.id)
        explained = texts(await session.say("change my order"))
        assert "waiting for payment" in explained and "Items can't be edited" in explained
        done = texts(await session.press_label("Shelbyville"))
        assert "Shelbyville" in done and "still $18.49" in done
        async with s.uows() as uow:
            assert (await get_order(uow, order.id)).address["city"] == "Shelbyville"  # type: ignore[index]


async def test_return_request_with_reason_and_photo(tmp_path: Path) -> None:
    async with s_context(tmp_path) as s:
        session, order_id = await paid_order(s)
        early = texts(await session.say("I want to return it"))
        # Not delivered yet: the reply is about this order (cancel it instead) and offers a person.
        assert "hasn't shipped yet, so there's no need to return it" in early
        assert session.find_button("Cancel order") and session.find_button("Talk to a person")
        await deliver(s, order_id)
        ask = texts(await session.say("I want to return it"))
        assert "Why are you returning it" in ask
        photo_prompt = texts(await session.press_label("Damaged or defective"))
        assert "photos of the item" in photo_prompt
        added = await s.bot.handle(PhotoMessage(ADA, ChatRef(ADA.id), file_id="AgACphoto1"))
        assert any(isinstance(r, Text) and "Photo added" in r.text for r in added)
        submitted = await session.press_label("Submit return request")
        assert "Return request for order" in texts(submitted) and "What happens next" in texts(submitted)
        async with s.uows() as uow:
            request = await get_return(uow, order_id, user_id=ADA.id)
            assert (await get_order(uow, order_id)).status is OrderStatus.RETURN_REQUESTED
        assert request.reason == "Arrived damaged or defective" and request.photo_file_ids == ("AgACphoto1",)


async def test_a_question_while_the_return_waits_is_answered_not_added_to_the_reason(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session, order_id = await paid_order(s)
        await deliver(s, order_id)
        await session.say("refund please")
        await session.say("the handle came off")
        asked = texts(await session.say("how long does the refund take?"))
        assert "isn't sent yet" in asked and "Added to your reason" not in asked, asked
        await session.say("submit")
        async with s.uows() as uow:
            assert (await get_return(uow, order_id)).reason == "the handle came off"


async def test_return_reason_in_free_text_then_submit_by_word(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session, order_id = await paid_order(s)
        await deliver(s, order_id)
        await session.say("refund please")
        await session.say("the handle came off")
        done = texts(await session.say("submit"))
        assert "received" in done
        async with s.uows() as uow:
            assert (await get_return(uow, order_id)).reason == "the handle came off"


async def test_invoice_text(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session, order_id = await paid_order(s, "MUG-B", 2)
        text = texts(await session.say("send me the invoice"))
        number = f"SB{10000 + order_id}"
        assert f"Invoice — order {number}" in text and "Date: 2025-06-01" in text
        assert "2 × Product MUG (1) — $12.50 each = $25.00" in text and "Standard delivery: $5.99" in text
        assert "Total: $30.99" in text and "Billed to: Ada Lovelace, 12 Analytical Way" in text
        assert "Payment: Card (Telegram Payments), paid 2025-06-01" in text


async def test_address_book_add_and_delete(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA)
        assert "no saved addresses" in texts(await session.say("my addresses"))
        await session.press_label("Add an address")
        await session.say("Ada Lovelace")
        confirm = await session.say("12 Analytical Way, Springfield, 62701, US")
        assert "Springfield 62701" in texts(confirm)
        book = texts(await session.press_label("Save this address"))
        assert "1. Ada Lovelace, 12 Analytical Way, Springfield, 62701, US" in book
        await session.press_label("Delete 1")
        assert "Address deleted" in texts(await session.press_label("Yes, delete it"))
        async with s.uows() as uow:
            assert await list_addresses(uow, ADA.id) == []


async def test_pay_explains_methods_and_resends_the_invoice(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        nothing = texts(await session.say("how do i pay"))
        # a question about paying is answered, not followed by an unasked remark about their orders
        assert "How paying works" in nothing and "no unpaid orders" not in nothing
        assert "no unpaid orders" not in texts(await session.say("what payment methods do you take"))
        assert "no unpaid orders" in texts(await session.say("pay"))
        await walk_checkout(session)
        again = await session.say("pay")
        assert invoice_of(again)["total_amount"] == 1849
        s.clock.advance(minutes=31)  # past the payment window
        late = texts(await session.say("pay"))
        assert "no unpaid orders" in late


async def test_flash_sale_claim_gets_delivery_chosen_and_paid(tmp_path: Path) -> None:
    from store.flash_sales import claim_flash_sale
    from store.models.promotions import FlashSale

    async with shop(tmp_path) as s:
        session = await s.shopper(ADA)
        mug = s.catalog["mug"].variants[0]
        async with s.uows() as uow:
            sale = FlashSale(variant_id=mug.id, title="Mug rush", price_minor=999, currency="USD",
                             quantity_total=5, quantity_remaining=5, per_user_limit=1,
                             starts_at=s.clock() - timedelta(minutes=1),
                             ends_at=s.clock() + timedelta(hours=1))
            uow.session.add(sale)
            await uow.commit()
            sale_id = sale.id
        async with s.uows() as uow:
            claim = await claim_flash_sale(uow, sale_id, ADA.id, now=s.clock(), expiry_minutes=15)
        assert claim.order is not None
        assert s.bot.dispatcher is not None
        card = await session.press(s.bot.dispatcher.codec.encode(ADA.id, "ord", claim.order.id))
        assert "Payment: not chosen yet" in texts(card)
        await session.press_label("Choose delivery and pay")
        await session.press_label("New address")
        await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
        await session.press_label("Use this address")
        payment = texts(await session.press_label("Standard"))
        assert "Flash sale saving" in payment and "Total: $15.98" in payment  # $9.99 + $5.99 shipping
        chosen = await session.press_label("Card")
        assert "delivery chosen" in texts(chosen) and "within 15 minutes" in texts(chosen)
        receipt = await session.pay_test(invoice_of(chosen))
        assert "Payment received" in texts(receipt)
        assert (await latest_order(s, ADA.id)).status is OrderStatus.PAID
