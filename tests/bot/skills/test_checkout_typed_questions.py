"""Questions and requests typed during checkout that were mishandled (session 7, shipq):

- a question about the shipping options chose one ("有没有便宜点的快递" picked standard and moved on to payment),
  or got the deals panel ("is there anything faster?") or "don't know" ("what's the difference between standard
  and express?"): now the options are listed with price and delivery time and the step stays open;
- "checkout" typed again (or the cart's 💳 Checkout button) mid-checkout started again at the address and
  dropped the address and delivery chosen: now the open step comes back;
- "my card was declined" at the payment step placed a card order (it names the card); after an order it got
  the invoice with no word about the problem: now the problem is acknowledged, with what to do;
- a coupon typed while the address form asks for a field was taken as that field (or ignored): now it is
  applied (or refused, with why) and the form asks for the same field again.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.transports.local_session import LocalSession
from store.cart import add_to_cart, remove_from_cart
from store.models.orders import PaymentMethodKind, ShippingOption
from store.models.pricing import CouponKind
from store.money import Money
from store.pricing.admin import CouponSpec, save_coupon
from tests.helpers.checkout_flow import Shop, labels, latest_order, order_count, shop, texts

ADA = UserRef(791, first_name="Ada", language_code="en")
LI = UserRef(792, first_name="Li", language_code="zh-hans")
ADDRESS = "Ada Lovelace, 12 Analytical Way, Springfield, 62701, US"


async def _at_shipping(s: Shop, user: UserRef) -> LocalSession:
    """Two mugs ($25.00) in the cart and a new address confirmed: the shipping step is open."""
    session = await s.shopper(user, ("MUG-R", 2))
    await session.say("checkout" if user is ADA else "结算")
    await session.press_label("New address" if user is ADA else "新地址")
    await session.say(ADDRESS)
    await session.press_label("Use this address" if user is ADA else "使用这个地址")
    return session


async def _at_payment(s: Shop, user: UserRef, shipping: str = "Standard") -> LocalSession:
    session = await _at_shipping(s, user)
    await session.press_label(shipping)
    return session


async def _coupon(s: Shop, code: str) -> None:
    async with s.uows() as uow:
        await save_coupon(uow.session, CouponSpec(code, CouponKind.FIXED, amount_off=Money(500, "USD")))
        await uow.commit()


# --- questions about the shipping options -------------------------------------------------------------------


async def test_shipping_questions_list_the_options_and_keep_the_step_open(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_shipping(s, ADA)
        for question in ("is there a cheaper fast option?", "is there anything faster?",
                         "what's the difference between standard and express?", "which one is the cheapest?",
                         "how long does express take"):
            said = await session.say(question)
            text = texts(said)
            assert "Standard delivery: $5.99, 3-5 days" in text, (question, text)
            assert "Express delivery: $15.99, 1-2 days" in text and "Pickup in store: free" in text, (question, text)
            assert "step 2 of 3" in text and any("Express" in b for b in labels(said)), (question, text)
            assert "Deals" not in text and "don't know" not in text, (question, text)
        assert await order_count(s) == 0
        assert "step 3 of 3" in texts(await session.say("standard please"))  # a request still chooses


async def test_shipping_questions_mark_the_cheapest_or_fastest_as_asked(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_shipping(s, ADA)
        faster = texts(await session.say("is there anything faster?"))
        assert "fastest delivery is Express delivery (1-2 days, $15.99)" in faster, faster
        cheaper = texts(await session.say("any cheaper shipping?"))
        assert "cheapest is Pickup in store (free)" in cheaper, cheaper
        assert "cheapest delivery to your address is Standard delivery ($5.99)" in cheaper, cheaper


async def test_shipping_questions_in_chinese_are_answered_not_chosen(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_shipping(s, LI)
        for question in ("有没有便宜点的快递", "有没有更快的", "标准和加急有什么区别", "哪个最快"):
            text = texts(await session.say(question))
            assert "标准配送：$5.99，3-5 天" in text and "快速配送：$15.99，1-2 天" in text, (question, text)
            assert "第 2 步" in text and "第 3 步" not in text, (question, text)
        cheaper = texts(await session.say("有没有便宜点的快递"))
        assert "送货上门最便宜的是标准配送（$5.99）" in cheaper, cheaper
        chosen = texts(await session.say("便宜的那个就行"))
        assert "第 3 步" in chosen and "标准配送" in chosen, chosen


async def test_a_shipping_question_at_the_payment_step_lists_the_options_with_the_chosen_one(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA)
        said = await session.say("is there anything faster?")
        text = texts(said)
        assert "Express delivery: $15.99, 1-2 days" in text and "(chosen)" in text, text
        assert any("Express" in b for b in labels(said)), text
        await session.press_label("Express")
        await session.press_label("Card (Telegram")
        assert (await latest_order(s, ADA.id)).shipping_option is ShippingOption.EXPRESS


async def test_a_product_question_at_the_shipping_step_is_not_taken_for_a_shipping_one(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_shipping(s, ADA)
        text = texts(await session.say("which mug is the cheapest?"))
        assert "Standard delivery: $5.99, 3-5 days" not in text, text


# --- cash on delivery typed at the payment step ---------------------------------------------------------------


async def test_cash_on_delivery_typed_at_the_payment_step_places_the_order_with_its_summary(tmp_path: Path) -> None:
    """Decision: typing the method is pressing its button (the step above showed the full order), and the reply
    repeats items, delivery, address and total, with Cancel order, so nothing is a surprise."""
    async with shop(tmp_path) as s:
        for user, words, expect in ((ADA, "I'll pay cash on delivery", ("2 ×", "Standard delivery: $5.99",
                                                                          "Total: $30.99", "12 Analytical Way")),
                                    (LI, "货到付款吧", ("2 ×", "标准配送：$5.99", "$30.99", "12 Analytical Way"))):
            session = await _at_payment(s, user, "Standard" if user is ADA else "标准")
            said = await session.say(words)
            text = texts(said)
            assert all(e in text for e in expect), text
            assert any("Cancel order" in b or "取消订单" in b for b in labels(said)), labels(said)
            assert (await latest_order(s, user.id)).payment_method is PaymentMethodKind.CASH_ON_DELIVERY


# --- "checkout" again during an open checkout -----------------------------------------------------------------


async def test_checkout_typed_again_resumes_the_open_step(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        for user, again in ((ADA, "checkout"), (LI, "结算")):
            session = await _at_payment(s, user, "Express" if user is ADA else "快速")
            text = texts(await session.say(again))
            assert ("step 3 of 3" in text or "第 3 步" in text) and ("$15.99" in text), text
            assert "step 1 of 3" not in text and "第 1 步" not in text, text
            await session.press_label("Card (Telegram" if user is ADA else "银行卡")
            order = await latest_order(s, user.id)
            assert order.shipping_option is ShippingOption.EXPRESS and order.address is not None


async def test_the_carts_checkout_button_resumes_the_open_step(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA, "Express")
        await session.say("show cart")
        text = texts(await session.press_label("Checkout"))
        assert "step 3 of 3" in text and "Express delivery" in text and "step 1 of 3" not in text, text


async def test_checkout_again_at_the_shipping_step_keeps_the_address(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_shipping(s, ADA)
        text = texts(await session.say("checkout"))
        assert "step 2 of 3" in text and "step 1 of 3" not in text, text


async def test_checkout_again_starts_over_when_the_cart_changed_kind(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA)
        async with s.uows() as uow:
            await remove_from_cart(uow, ADA.id, "MUG-R")
            await add_to_cart(uow, ADA.id, "STK-1", 1)
        text = texts(await session.say("checkout"))
        assert "Checkout: payment" in text and "Standard delivery" not in text, text


# --- a card declined -----------------------------------------------------------------------------------------


async def test_a_declined_card_at_the_payment_step_is_acknowledged_and_nothing_is_ordered(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        for user, words in ((ADA, "my card was declined"), (ADA, "the card payment failed"),
                            (LI, "卡被拒了付不了款")):
            session = await _at_payment(s, user, "Standard" if user is ADA else "标准")
            said = await session.say(words)
            text = texts(said)
            assert await order_count(s) == 0, text
            if user is ADA:
                assert "Sorry your card didn't go through" in text and "nothing was charged" in text, text
                assert "Cash on delivery" in text and "step 3 of 3" in text, text
                assert any("Talk to a person" in b or "staff" in b.casefold() for b in labels(said)), labels(said)
            else:
                assert "没有扣款" in text and "货到付款" in text and "第 3 步" in text, text
            await session.say("cancel")


async def test_a_declined_card_after_the_order_offers_what_to_do(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA)
        await session.press_label("Card (Telegram")
        said = await session.say("my card was declined")
        text = texts(said)
        assert "Sorry your card didn't go through" in text and "nothing was charged" in text, text
        assert "How paying works" not in text, text
        assert any("invoice" in b.casefold() for b in labels(said)), labels(said)  # try again
        assert any("person" in b.casefold() or "staff" in b.casefold() for b in labels(said)), labels(said)


# --- a coupon typed in the address form ------------------------------------------------------------------------


async def test_a_coupon_typed_in_the_address_form_is_applied_and_the_form_continues(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _coupon(s, "SAVE5")
        await _coupon(s, "WELCOME10")
        session = await s.shopper(ADA, ("MUG-R", 2))
        await session.say("checkout")
        await session.press_label("New address")
        said = texts(await session.say("I have a coupon SAVE5"))
        assert "Coupon SAVE5 applied" in said and "name, street, city" in said, said
        await session.say("Ada Lovelace")
        said = texts(await session.say("use coupon WELCOME10"))
        assert "WELCOME10" in said and "street address" in said, said  # not saved as the street
        await session.say("12 Analytical Way")
        await session.say("Springfield")
        await session.say("62701")
        confirm = texts(await session.say("US"))
        assert "12 Analytical Way" in confirm and "WELCOME10" not in confirm.split("right?")[-1], confirm
        await session.press_label("Use this address")
        await session.press_label("Standard")
        await session.press_label("Card (Telegram")
        assert (await latest_order(s, ADA.id)).coupon_code is not None


async def test_an_unknown_coupon_in_the_address_form_is_explained_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(LI, ("MUG-R", 2))
        await session.say("结算")
        await session.press_label("新地址")
        said = texts(await session.say("我有优惠券 NOPE7"))
        assert "NOPE7" in said and "姓名" in said, said
        confirm = await session.say(ADDRESS)
        assert any("使用这个地址" in b for b in labels(confirm)), texts(confirm)
