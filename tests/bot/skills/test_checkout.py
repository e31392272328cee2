from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.core.events import ChatRef, PaymentSucceeded, PreCheckout, TextMessage, UserRef
from bot.core.replies import Invoice, PreCheckoutAnswer, Text
from store.loyalty.service import points_balance
from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.models.payments import Payment, PaymentAttempt
from store.orders.views import get_order
from store.users import list_addresses
from tests.helpers.checkout_flow import labels, latest_order, order_count, shop, texts, walk_checkout

ADA = UserRef(501, first_name="Ada", language_code="en")
LI = UserRef(502, first_name="李", language_code="zh-hans")


def invoice_of(replies: list[dict[str, Any]]) -> dict[str, Any]:
    found = [r["invoice"] for r in replies if r["invoice"]]
    assert len(found) == 1, replies
    return found[0]


async def count(shop_: Any, model: Any) -> int:
    async with shop_.uows() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_empty_cart_checkout_says_so(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA)
        replies = await session.say("checkout")
        assert "cart is empty" in texts(replies)


async def test_card_checkout_invoice_precheckout_and_payment_once(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 2))
        first = await session.say("checkout")
        assert "step 1 of 3" in texts(first) and session.find_button("New address")
        await session.press_label("New address")
        confirm = await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
        assert "12 Analytical Way" in texts(confirm) and "Springfield 62701" in texts(confirm)
        shipping = await session.press_label("Use this address")
        assert "Saved to your addresses" in texts(shipping) and "$25.00" in texts(shipping)
        assert "free from $50.00" in texts(shipping)  # how to get free standard delivery
        payment = await session.press_label("Standard")
        body = texts(payment)
        assert "2 × Product MUG (0) — $12.50 each = $25.00" in body and "Total: $30.99" in body
        placed = await session.press_label("Card")
        summary = texts(placed)
        assert "is placed" in summary and "$5.99" in summary and "within 30 minutes" in summary
        invoice = invoice_of(placed)
        assert invoice["currency"] == "USD" and invoice["total_amount"] == 3099
        order = await latest_order(s, ADA.id)
        assert order.status is OrderStatus.PENDING_PAYMENT and order.payment_method is PaymentMethodKind.TELEGRAM
        async with s.uows() as uow:
            assert (await list_addresses(uow, ADA.id))[0].postcode == "62701"

        answer = await s.bot.handle(PreCheckout(ADA, ChatRef(ADA.id), query_id="q1", payload=invoice["payload"],
                                                total_amount=3099, currency="USD"))
        assert answer == [PreCheckoutAnswer(True, None)]
        paid = PaymentSucceeded(ADA, ChatRef(ADA.id), payload=invoice["payload"], total_amount=3099,
                                currency="USD", provider_charge_id="ch_1", telegram_charge_id="tg_1")
        receipt = await s.bot.handle(paid)
        text = next(r.text for r in receipt if isinstance(r, Text))
        assert order.number in text and "Payment received" in text and "$30.99" in text
        assert "Product MUG" in text and "ships" in text
        assert (await latest_order(s, ADA.id)).status is OrderStatus.PAID
        async with s.uows() as uow:
            earned = (await points_balance(uow, ADA.id)).balance
        assert earned > 0  # points are credited when the payment lands, not only when /points is asked

        again = await s.bot.handle(paid)  # Telegram delivers the same successful payment twice
        assert again == []
        assert await count(s, Payment) == 1
        assert (await latest_order(s, ADA.id)).status is OrderStatus.PAID
        async with s.uows() as uow:
            assert (await points_balance(uow, ADA.id)).balance == earned


async def test_local_test_payment_works_without_a_provider_token(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("LAMP-1", 1))
        placed = await walk_checkout(session)
        resent = await s.bot.handle(TextMessage(ADA, ChatRef(ADA.id), "pay"))
        invoice = next(r for r in resent if isinstance(r, Invoice))
        assert invoice.provider_token == ""  # the transport fills it from settings; unset locally
        paid = await session.pay_test(invoice_of(placed))
        assert "Payment received" in texts(paid)


async def test_forged_or_mismatched_payload_is_refused_and_nothing_is_applied(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        invoice = invoice_of(await walk_checkout(session))
        version, order_id, amount, currency, sig = invoice["payload"].split(".")
        forged = ".".join([version, order_id, "1", currency, sig])  # cheaper amount, old signature
        answers = await s.bot.handle(PreCheckout(ADA, ChatRef(ADA.id), query_id="q", payload=forged,
                                                 total_amount=1, currency="USD"))
        assert answers[0] == PreCheckoutAnswer(False, "This invoice is not valid. Please ask me for a new one.")
        wrong_amount = await s.bot.handle(PreCheckout(ADA, ChatRef(ADA.id), query_id="q2",
                                                      payload=invoice["payload"], total_amount=1, currency="USD"))
        assert isinstance(wrong_amount[0], PreCheckoutAnswer) and not wrong_amount[0].ok
        bob = UserRef(999, first_name="Bob")
        stolen = await s.bot.handle(PreCheckout(bob, ChatRef(bob.id), query_id="q3", payload=invoice["payload"],
                                                total_amount=invoice["total_amount"], currency="USD"))
        assert stolen[0] == PreCheckoutAnswer(False, "This invoice belongs to another customer.")

        replies = await s.bot.handle(PaymentSucceeded(ADA, ChatRef(ADA.id), payload=forged, total_amount=1,
                                                      currency="USD", provider_charge_id="ch_forged",
                                                      telegram_charge_id="tg_forged"))
        text = next(r.text for r in replies if isinstance(r, Text))
        assert "couldn't apply it" in text and "refund" in text
        assert (await latest_order(s, ADA.id)).status is OrderStatus.PENDING_PAYMENT
        assert await count(s, Payment) == 0 and await count(s, PaymentAttempt) == 4


async def test_cash_on_delivery_places_an_order_without_invoice(tmp_path: Path) -> None:
    async with shop(tmp_path, staff_ids=(7,)) as s:
        session = await s.shopper(ADA, ("MUG-B", 1))
        placed = await walk_checkout(session, shipping="Express", method="Cash on delivery")
        assert not any(r["invoice"] for r in placed)
        assert "pay $28.49 in cash when it arrives" in texts(placed)
        order = await latest_order(s, ADA.id)
        assert order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY
        assert order.shipping_option is ShippingOption.EXPRESS and order.expires_at is None


async def test_stars_for_a_digital_product_skip_address_and_shipping(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("STK-1", 3))
        summary = await session.say("checkout")
        assert not session.find_button("New address")
        # The summary first (walk 6: the order and its invoice came at once): nothing is placed until confirmed.
        assert "Check the order above" in texts(summary) and "150 ⭐" in texts(summary), texts(summary)
        assert not any(r["invoice"] for r in summary) and await order_count(s) == 0
        assert labels(summary)[0].startswith("⭐")
        placed = await session.say("yes")  # typed, as the one button
        invoice = invoice_of(placed)
        assert invoice["currency"] == "XTR" and invoice["total_amount"] == 150
        assert len(invoice["prices"]) == 1  # Telegram takes one price row for Stars
        assert "Digital delivery" in texts(placed) or "digital, in this chat" in texts(placed)
        receipt = await session.pay_test(invoice)
        assert "Payment received" in texts(receipt) and "150 ⭐" in texts(receipt)
        order = await latest_order(s, ADA.id)
        assert order.status is OrderStatus.DELIVERED and order.payment_method is PaymentMethodKind.STARS


async def test_address_step_by_step_and_saved_address_offered_first(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        assert "street address" in texts(await session.say("Grace Hopper"))
        assert "Which city" in texts(await session.say("1 Navy Yard"))
        assert "postcode" in texts(await session.say("Arlington"))
        assert "Which country" in texts(await session.say("22202"))
        assert "don't know the country" in texts(await session.say("Atlantis"))
        confirm = await session.say("United States")
        assert "Grace Hopper" in texts(confirm) and "US" in texts(confirm)
        await session.press_label("Use this address")
        await session.say("/cancel")  # leaves the cart untouched
        again = await session.say("checkout")
        first_row = again[0]["buttons"][0][0]["label"]
        assert "Grace Hopper" in first_row


async def test_cancel_during_checkout_keeps_the_cart(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        old_button = session.find_button("New address")
        assert old_button is not None
        await session.press(old_button)
        cancelled = await session.say("cancel")
        assert "cart is untouched" in texts(cancelled)
        from store.cart import get_cart

        async with s.uows() as uow:
            assert (await get_cart(uow, ADA.id, s.clock())).item_count == 1
        stale = await session.press(old_button)  # a button from the cancelled checkout's message
        assert "no longer active" in texts(stale) and "cart is unchanged" in texts(stale)


async def test_instalment_plan_shown_above_the_threshold(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("LAMP-1", 4))  # $320.00
        await session.say("checkout")
        await session.press_label("New address")
        await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
        await session.press_label("Use this address")
        payment = await session.press_label("Standard")
        assert "3 × $106.66" in texts(payment) and "12 × $26.66" in texts(payment)


async def test_checkout_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(LI, ("MUG-R", 1))
        first = await session.say("结算")
        assert "配送地址" in texts(first)
        await session.press_label("新地址")
        confirm = await session.say("张三，北京市朝阳区建国路88号，北京，100020，中国")
        assert "CN" in texts(confirm)
        await session.press_label("使用这个地址")
        await session.press_label("标准")
        placed = await session.press_label("银行卡")
        assert "订单" in texts(placed) and "已下单" in texts(placed)
        receipt = await session.pay_test(invoice_of(placed))
        assert "已收到付款" in texts(receipt)
        async with s.uows() as uow:
            order = await get_order(uow, (await latest_order(s, LI.id)).id)
        assert order.status is OrderStatus.PAID


async def test_summary_explains_offer_and_coupon_line_by_line(tmp_path: Path) -> None:
    from store.models.pricing import CouponKind
    from store.money import Money
    from store.pricing.admin import CouponSpec, save_coupon, save_offer
    from store.pricing.engine import apply_coupon

    async with shop(tmp_path) as s:
        async with s.uows() as uow:
            await save_offer(uow.session, "Spend 100 save 10", [(Money(10000, "USD"), Money(1000, "USD"))])
            await save_coupon(uow.session, CouponSpec("SAVE5", CouponKind.FIXED, amount_off=Money(500, "USD")))
            await uow.commit()
        session = await s.shopper(ADA, ("LAMP-1", 2))  # $160.00
        async with s.uows() as uow:
            await apply_coupon(uow, ADA.id, "SAVE5", s.clock())
        placed = texts(await walk_checkout(session))
        assert "Subtotal (list prices): $160.00" in placed
        assert "Offer “Spend 100 save 10”: -$10.00" in placed and "Coupon SAVE5: -$5.00" in placed
        assert "Standard delivery: free (free from $50.00)" in placed and "Total: $145.00" in placed


async def test_a_bare_cancel_at_a_button_step_cancels_the_checkout_not_an_order(tmp_path: Path) -> None:
    """At the address choice nothing typed is pending; "cancel" there meant "cancel one of my orders" and
    answered "you have no orders that can still be cancelled" while the checkout stayed open."""
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        started = await session.say("checkout")
        assert "step 1 of 3" in texts(started)
        old_button = session.find_button("New address")
        assert old_button is not None
        cancelled = texts(await session.say("cancel"))
        assert "Okay, cancelled. Your cart is still there." in cancelled
        stale = await session.press(old_button)
        assert "no longer active" in texts(stale)
        from store.cart import get_cart

        async with s.uows() as uow:
            assert (await get_cart(uow, ADA.id, s.clock())).item_count == 1


async def test_typed_address_shipping_and_payment_choices(tmp_path: Path) -> None:
    """Shoppers type what the steps offer as buttons: an address at the address step (it was searched for as a
    product), "express please" (read as an agreement), "cash on delivery" (answered with the payment FAQ)."""
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        confirm = texts(await session.say("Grace Hopper, 1 Navy Yard, Arlington, 22202, United States"))
        assert "Grace Hopper" in confirm and "1 Navy Yard" in confirm, confirm
        shipping = await session.say("yes")  # typed agreement at the confirmation (it looped back to the question)
        assert "step 2 of 3" in texts(shipping) and "Saved to your addresses" in texts(shipping), texts(shipping)
        asked = await session.say("how long does express take?")  # a question, not a choice
        assert "Express delivery: $15.99, 1-2 days" in texts(asked) and session.find_button("Express") is not None
        assert "step 2 of 3" in texts(asked), texts(asked)  # answered with the options (ship_questions), step open
        payment = texts(await session.say("express please"))
        assert "step 3 of 3" in payment, payment
        placed = texts(await session.say("I'll pay cash on delivery"))
        assert "is placed" in placed and "in cash when it arrives" in placed, placed
        order = await latest_order(s, ADA.id)
        assert order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY
        assert order.shipping_option is ShippingOption.EXPRESS


async def test_asking_to_pay_before_the_order_exists_says_so_and_shows_the_step(tmp_path: Path) -> None:
    """"why hasn't my payment gone through" at the address step got the payment lesson, "You have no unpaid
    orders right now" and the step: three messages, none saying that the order is not placed yet."""
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        said = await session.say("pay now please")
        text = texts(said)
        assert "isn't placed yet" in text and "no unpaid orders" not in text and "How paying works" not in text, text
        assert session.find_button("New address") is not None  # the open step, shown again


def test_what_counts_as_a_typed_choice() -> None:
    from bot.core.skills.checkout.typed import method_said, shipping_said

    assert shipping_said("express please") is ShippingOption.EXPRESS
    assert shipping_said("标准配送") is ShippingOption.STANDARD
    assert shipping_said("我到店自提") is ShippingOption.PICKUP
    assert shipping_said("how long does express take?") is None
    assert shipping_said("express or standard") is None  # both: not a choice
    assert method_said("cash on delivery") == "cod" and method_said("货到付款") == "cod"
    assert method_said("by card") == "tg" and method_said("可以货到付款吗") is None


async def test_a_pre_checkout_check_that_cannot_finish_in_time_is_refused_not_left_unanswered(
        tmp_path: Path, monkeypatch: Any) -> None:
    """Telegram cancels a payment whose pre-checkout query gets no answer within 10 s; a stuck check (the
    database's write lock held elsewhere) must still answer, with a refusal, and charge nothing."""
    import asyncio

    from bot.core.skills.checkout import paying
    from store.payments.telegram import TelegramPayments

    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
        await session.press_label("Use this address")
        await session.press_label("Standard")
        invoice = invoice_of(await session.press_label("Card"))
        original = TelegramPayments.validate_pre_checkout

        async def stuck(self: Any, *args: Any, **kwargs: Any) -> Any:
            await asyncio.sleep(5)
            return await original(self, *args, **kwargs)

        monkeypatch.setattr(paying, "PRE_CHECKOUT_BUDGET", 0.05)
        monkeypatch.setattr(TelegramPayments, "validate_pre_checkout", stuck)
        query = PreCheckout(ADA, ChatRef(ADA.id), query_id="q1", payload=invoice["payload"], total_amount=invoice[
            "total_amount"], currency="USD")
        [answer] = await asyncio.wait_for(s.bot.handle(query), 2)
        assert isinstance(answer, PreCheckoutAnswer) and not answer.ok and "in time" in (answer.error_message or "")
        monkeypatch.setattr(TelegramPayments, "validate_pre_checkout", original)
        retry = PreCheckout(ADA, ChatRef(ADA.id), query_id="q2", payload=invoice["payload"],
                            total_amount=invoice["total_amount"], currency="USD")
        assert await s.bot.handle(retry) == [PreCheckoutAnswer(True, None)]  # the order is still payable
