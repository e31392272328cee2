"""Gift cards redeemed in the store (SQLite and PostgreSQL): a card bought with Stars pays part or all of a USD
order as a tender (not a discount), its balance never goes below zero however many orders race for it, it comes
back when an unpaid order is cancelled or expires and when a paid one is refunded, and every change leaves a
history row. Refusals are typed: not a code, unknown, void, empty, wrong currency, gift cards in the cart."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from store.cart import get_cart
from store.checkout.service import checkout
from store.giftcards import GiftCardError, GiftCardRefusal, apply_gift_card, find_code, masked, normalize_code
from store.models.orders import OrderEvent, OrderStatus, PaymentMethodKind, ShippingOption
from store.models.payments import Payment
from store.models.pricing import CouponKind
from store.money import Money
from store.orders.events import staff_actor, user_actor
from store.orders.service import cancel_order, expire_unpaid_orders
from store.orders.views import OrderView, get_order
from store.payments.cod import record_cod_payment
from store.payments.errors import RefusalReason
from store.payments.stars import refund_stars
from store.payments.telegram import TelegramPayments, invoice_prices
from store.pricing.admin import CouponSpec, save_coupon, save_offer
from store.returns import approve_return, record_refund, request_return
from store.shipping.service import ship_order
from store.shipping.simulated import SimulatedCarrier
from store.uow import UnitOfWorkFactory
from tests.helpers.gift_cards import buy_gift_card, card_balance, card_history, gift_card_item, printed_gift_card
from tests.helpers.order_builders import (
    NOW,
    SECRET,
    fill_cart,
    make_address,
    make_item,
    make_user,
    make_users,
)

CARD = TelegramPayments(SECRET)


async def _apply(uows: UnitOfWorkFactory, user: int, code: str) -> None:
    async with uows() as uow:
        await apply_gift_card(uow, user, code)


async def _checkout(uows: UnitOfWorkFactory, user: int, method: PaymentMethodKind,
                    option: ShippingOption = ShippingOption.STANDARD) -> OrderView:
    address = await make_address(uows, user) if option is not ShippingOption.PICKUP else None
    async with uows() as uow:
        return await checkout(uow, user, address_id=address, shipping_option=option, payment_method=method, now=NOW)


async def _refusal(uows: UnitOfWorkFactory, user: int, code: str) -> GiftCardError:
    with pytest.raises(GiftCardError) as info:
        await _apply(uows, user, code)
    return info.value


async def _events(uows: UnitOfWorkFactory, order_id: int) -> list[tuple[str, dict[str, object]]]:
    async with uows() as uow:
        rows = await uow.session.execute(select(OrderEvent.type, OrderEvent.params)
                                         .where(OrderEvent.order_id == order_id).order_by(OrderEvent.id))
        return [(str(t), dict(p)) for t, p in rows]


def test_codes_are_found_and_normalised_as_people_paste_them() -> None:
    assert normalize_code(" gc 7k2m qx9p abcd efgh ") == "GC-7K2M-QX9P-ABCD-EFGH"
    assert find_code("please apply gc-7k2m-qx9p-abcd-efgh now") == "GC-7K2M-QX9P-ABCD-EFGH"
    assert find_code("用礼品卡GC 7K2M QX9P ABCD EFGH") == "GC-7K2M-QX9P-ABCD-EFGH"
    assert find_code("coupon SAVE5") is None and find_code("GC-7K2M-QX9P") is None
    assert masked("GC-7K2M-QX9P-ABCD-USV9") == "GC-…-USV9"


async def test_a_bought_card_starts_with_its_face_value_and_its_history(uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$25")
    assert code.startswith("GC-")
    assert await card_balance(uow_factory, code) == 2500
    history = await card_history(uow_factory, code)
    assert [(k, c, a) for k, c, a, _ in history] == [("issued", 2500, 2500)]


async def test_a_card_that_covers_the_order_pays_it_without_an_invoice(uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$25")
    item = await make_item(uow_factory, price_minor=1800)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code.lower().replace("-", " "))  # typed in lower case with spaces
    async with uow_factory() as uow:
        cart = await get_cart(uow, buyer, NOW)
    assert cart.gift_card is not None and cart.gift_card.applied == Money(1800, "USD")
    assert cart.left_to_pay == Money(0, "USD") and cart.gift_card.balance_after == Money(700, "USD")

    order = await _checkout(uow_factory, buyer, PaymentMethodKind.GIFT_CARD, ShippingOption.PICKUP)
    assert order.status is OrderStatus.PAID and order.payment_method is PaymentMethodKind.GIFT_CARD
    assert order.total == Money(1800, "USD") and order.amount_due == Money(0, "USD")
    assert order.gift_card is not None and order.gift_card.masked == masked(code)
    assert order.gift_card.balance_after == Money(700, "USD") and order.expires_at is None
    assert await card_balance(uow_factory, code) == 700
    async with uow_factory() as uow:
        payments = [(p.method, p.amount_minor, p.provider_charge_id) for p in (await uow.session.execute(
            select(Payment).where(Payment.order_id == order.id))).scalars()]
    assert payments == [
        (PaymentMethodKind.GIFT_CARD, 1800, f"gift_card:{order.id}")]
    kinds = [k for k, _ in await _events(uow_factory, order.id)]
    assert kinds.index("gift_card_spent") < kinds.index("payment_captured")
    assert ("status_changed" in kinds) and code not in str(await _events(uow_factory, order.id))  # masked only
    assert [(k, c, a, o) for k, c, a, o in await card_history(uow_factory, code)][1:] == [
        ("spent", -1800, 700, order.id)]
    async with uow_factory() as uow:  # the cart forgot the card with the rest of the cart
        assert (await get_cart(uow, buyer, NOW)).gift_card_code is None


async def test_a_card_is_a_tender_not_a_discount(uow_factory: UnitOfWorkFactory) -> None:
    """Offers and coupon minimums are measured as without the card; the card pays what is left after them."""
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$25")
    async with uow_factory() as uow:
        await save_offer(uow.session, "Spend more, save more", [(Money(10000, "USD"), Money(1000, "USD"))])
        await save_coupon(uow.session, CouponSpec("SAVE5", CouponKind.FIXED, amount_off=Money(500, "USD"),
                                                  min_spend=Money(8500, "USD")))
        await uow.commit()
    item = await make_item(uow_factory, price_minor=10000)
    await fill_cart(uow_factory, buyer, (item, 1))
    from store.pricing.engine import apply_coupon, price_cart

    async with uow_factory() as uow:
        await apply_coupon(uow, buyer, "SAVE5", NOW)
    async with uow_factory() as uow:
        before = await price_cart(uow, buyer, now=NOW)
    await _apply(uow_factory, buyer, code)
    async with uow_factory() as uow:
        cart = await get_cart(uow, buyer, NOW)
    assert cart.breakdown is not None
    assert cart.breakdown.adjustments == before.adjustments and cart.breakdown.total == before.total
    assert before.total == Money(8500, "USD")  # 100 - 10 (offer) - 5 (coupon: minimum 85 still met)
    assert cart.gift_card is not None and cart.left_to_pay == Money(6000, "USD")

    order = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM)
    assert order.total == Money(8500, "USD") and order.discount == Money(1500, "USD")  # shipping free over $50
    assert order.amount_due == Money(6000, "USD") and order.status is OrderStatus.PENDING_PAYMENT


async def test_a_card_pays_part_and_the_invoice_is_for_the_rest(uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$25")
    item = await make_item(uow_factory, price_minor=4000)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code)
    order = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM)  # $40 + $5.99 shipping
    assert order.total == Money(4599, "USD") and order.amount_due == Money(2099, "USD")
    assert await card_balance(uow_factory, code) == 0
    invoice = CARD.build_invoice(order)
    assert invoice.total == Money(2099, "USD") and sum(p.amount for p in invoice_prices(order)) == 2099
    assert invoice_prices(order)[-1].amount == -2500 and masked(code) in invoice_prices(order)[-1].label
    async with uow_factory() as uow:  # the full total is not what is owed any more
        wrong = await CARD.record_successful_payment(uow, invoice.payload, 4599, "USD", "ch-x", None, buyer, now=NOW)
    assert wrong.reason is RefusalReason.AMOUNT_MISMATCH
    for _ in range(2):  # the same charge twice: applied once
        async with uow_factory() as uow:
            result = await CARD.record_successful_payment(uow, invoice.payload, 2099, "USD", "ch-1", None, buyer,
                                                          now=NOW)
        assert result.applied
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.PAID
        payments = sorted((p.method.value, p.amount_minor) for p in (await uow.session.execute(
            select(Payment).where(Payment.order_id == order.id))).scalars())
    assert payments == [("gift_card", 2500), ("telegram", 2099)]


async def test_cancelling_or_expiring_an_unpaid_order_gives_the_card_part_back_once(
        uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$50")
    item = await make_item(uow_factory, price_minor=3000)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code)
    first = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.PICKUP)
    # $30 of $50 taken: the card covered all, so it was paid at once; a dearer item makes an unpaid order.
    assert await card_balance(uow_factory, code) == 2000 and first.status is OrderStatus.PAID
    dear = await make_item(uow_factory, price_minor=9000)
    await fill_cart(uow_factory, buyer, (dear, 1))
    await _apply(uow_factory, buyer, code)
    unpaid = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.PICKUP)
    assert unpaid.status is OrderStatus.PENDING_PAYMENT and unpaid.gift_card_amount == Money(2000, "USD")
    assert await card_balance(uow_factory, code) == 0
    async with uow_factory() as uow:
        cancelled = await cancel_order(uow, unpaid.id, user_actor(buyer), "changed my mind", now=NOW, user_id=buyer)
    assert cancelled.gift_card is not None and not cancelled.gift_card.held
    async with uow_factory() as uow:  # the expiry job coming after the cancel gives nothing back again
        assert await expire_unpaid_orders(uow, NOW + timedelta(hours=2)) == []
    assert await card_balance(uow_factory, code) == 2000
    assert [k for k, *_ in await card_history(uow_factory, code)] == ["issued", "spent", "spent", "returned"]
    assert any(k == "gift_card_returned" for k, _ in await _events(uow_factory, unpaid.id))

    await fill_cart(uow_factory, buyer, (dear, 1))
    await _apply(uow_factory, buyer, code)
    lapsing = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.PICKUP)
    assert await card_balance(uow_factory, code) == 0
    async with uow_factory() as uow:
        assert await expire_unpaid_orders(uow, NOW + timedelta(hours=2)) == [lapsing.id]
    assert await card_balance(uow_factory, code) == 2000
    history = await card_history(uow_factory, code)
    assert history[-1] == ("returned", 2000, 2000, lapsing.id)
    assert all(after >= 0 for _, _, after, _ in history)
    assert sum(change for _, change, _, _ in history) == 2000  # the history adds up to the balance


async def test_refunds_give_the_card_part_back_to_the_card(uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$25")
    item = await make_item(uow_factory, price_minor=6000)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code)
    order = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM)  # $60, free shipping: $35 due
    invoice = CARD.build_invoice(order)
    async with uow_factory() as uow:
        await CARD.record_successful_payment(uow, invoice.payload, 3500, "USD", "ch-r", None, buyer, now=NOW)
    async with uow_factory() as uow:
        await cancel_order(uow, order.id, staff_actor(9), "out of stock", now=NOW)
    assert await card_balance(uow_factory, code) == 0  # a paid order's card part waits for its refund
    async with uow_factory() as uow:  # the provider's money first: $30 of the $35 paid by card
        part = await record_refund(uow, order.id, amount=Money(3000, "USD"), actor=staff_actor(9), reason="part",
                                   now=NOW)
    assert part.to_gift_card is None and await card_balance(uow_factory, code) == 0
    async with uow_factory() as uow:  # the rest: $5 to the provider payment, $25 back on the card
        rest = await record_refund(uow, order.id, amount=None, actor=staff_actor(9), reason="rest", now=NOW)
    assert rest.amount == Money(3000, "USD") and rest.to_gift_card == Money(2500, "USD")
    assert await card_balance(uow_factory, code) == 2500
    assert (await card_history(uow_factory, code))[-1] == ("refunded", 2500, 2500, order.id)
    with pytest.raises(Exception, match="fully refunded"):
        async with uow_factory() as uow:
            await record_refund(uow, order.id, amount=None, actor=staff_actor(9), reason="again", now=NOW)


async def test_a_returned_order_paid_by_card_and_cash_on_delivery(uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$10")
    item = await make_item(uow_factory, price_minor=6000)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code)
    order = await _checkout(uow_factory, buyer, PaymentMethodKind.CASH_ON_DELIVERY)
    assert order.amount_due == Money(5000, "USD") and order.expires_at is None
    from store.orders.service import pack_order

    async with uow_factory() as uow:
        await pack_order(uow, order.id, staff_actor(9), now=NOW)
    async with uow_factory() as uow:
        await ship_order(uow, order.id, SimulatedCarrier(), staff_actor(9), now=NOW)
    async with uow_factory() as uow:
        wrong = await record_cod_payment(uow, order.id, Money(6000, "USD"), "carrier:sim", now=NOW)
    assert wrong.reason is RefusalReason.AMOUNT_MISMATCH
    async with uow_factory() as uow:
        paid = await record_cod_payment(uow, order.id, Money(5000, "USD"), "carrier:sim", now=NOW)
    assert paid.applied
    async with uow_factory() as uow:
        await request_return(uow, order.id, buyer, "too small", now=NOW)
    async with uow_factory() as uow:
        await approve_return(uow, order.id, staff_actor(9), now=NOW)
    async with uow_factory() as uow:
        refund = await record_refund(uow, order.id, amount=None, actor=staff_actor(9), reason="returned", now=NOW)
    assert refund.amount == Money(6000, "USD") and refund.to_gift_card == Money(1000, "USD")
    assert await card_balance(uow_factory, code) == 1000


@pytest.mark.parametrize("case", ["not_a_code", "unknown", "voided", "empty", "wrong_currency", "gift_cards",
                                  "empty_cart"])
async def test_a_card_is_refused_with_its_reason(uow_factory: UnitOfWorkFactory, case: str) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$10")
    item = await make_item(uow_factory, price_minor=1000)
    if case != "empty_cart":
        await fill_cart(uow_factory, buyer, (item, 1))
    typed = code
    if case == "not_a_code":
        typed = "GC-1234"
    elif case == "unknown":
        typed = "GC-2222-3333-4444-5555"
    elif case == "voided":
        async with uow_factory() as uow:
            await refund_stars(uow, "stars-gc-" + str(await _card_order(uow_factory, code)), actor=staff_actor(9),
                               reason="unwanted", now=NOW)
    elif case == "empty":
        await _apply(uow_factory, buyer, code)
        await _checkout(uow_factory, buyer, PaymentMethodKind.GIFT_CARD, ShippingOption.PICKUP)  # spends $10
        await fill_cart(uow_factory, buyer, (item, 1))
    elif case == "wrong_currency":
        async with uow_factory() as uow:  # a Stars-priced cart
            from store.cart import clear_cart

            await clear_cart(uow, buyer)
        await fill_cart(uow_factory, buyer, (await gift_card_item(uow_factory), 1))
    elif case == "gift_cards":
        await fill_cart(uow_factory, buyer, (await printed_gift_card(uow_factory), 1))
    error = await _refusal(uow_factory, buyer, typed)
    expected = {"not_a_code": GiftCardRefusal.NOT_A_CODE, "unknown": GiftCardRefusal.UNKNOWN,
                "voided": GiftCardRefusal.VOIDED, "empty": GiftCardRefusal.EMPTY,
                "wrong_currency": GiftCardRefusal.WRONG_CURRENCY, "gift_cards": GiftCardRefusal.GIFT_CARDS_IN_CART,
                "empty_cart": GiftCardRefusal.EMPTY_CART}[case]
    assert error.refusal is expected
    if case == "wrong_currency":
        assert (error.currency, error.order_currency) == ("USD", "XTR")
    if case == "empty":
        assert error.balance == Money(0, "USD")
    async with uow_factory() as uow:
        assert (await get_cart(uow, buyer, NOW)).gift_card_code is None  # nothing was kept


async def _card_order(uows: UnitOfWorkFactory, code: str) -> int:
    from store.models.digital import DigitalItem

    async with uows() as uow:
        return int((await uow.session.execute(
            select(DigitalItem.order_id).where(DigitalItem.code == code))).scalar_one())


async def test_a_card_voided_after_it_was_applied_stops_the_checkout(uow_factory: UnitOfWorkFactory) -> None:
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$25")
    item = await make_item(uow_factory, price_minor=1000)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code)
    async with uow_factory() as uow:
        await refund_stars(uow, f"stars-gc-{await _card_order(uow_factory, code)}", actor=staff_actor(9),
                           reason="unwanted", now=NOW)
    async with uow_factory() as uow:
        cart = await get_cart(uow, buyer, NOW)
    assert cart.gift_card is None and cart.gift_card_problem is not None
    assert cart.gift_card_problem.refusal is GiftCardRefusal.VOIDED
    with pytest.raises(GiftCardError) as info:
        await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.PICKUP)
    assert info.value.refusal is GiftCardRefusal.VOIDED
    async with uow_factory() as uow:  # nothing kept: the cart is as it was
        assert len((await get_cart(uow, buyer, NOW)).lines) == 1


async def _race_for_one_card(uow_factory: UnitOfWorkFactory, value: str, users: range,
                             method: PaymentMethodKind) -> tuple[str, list[OrderView | GiftCardError]]:
    """One card of ``value`` applied in every user's cart ($10 of one item each); all check out at once."""
    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, value)
    await make_users(uow_factory, list(users))
    item = await make_item(uow_factory, price_minor=1000, stock=100)
    for user in users:
        await fill_cart(uow_factory, user, (item, 1))
        await _apply(uow_factory, user, code)

    async def buy(user: int) -> OrderView | GiftCardError:
        try:
            return await _checkout(uow_factory, user, method, ShippingOption.PICKUP)
        except GiftCardError as exc:
            return exc

    return code, list(await asyncio.gather(*(buy(u) for u in users)))


async def test_many_orders_racing_for_one_card_never_take_more_than_its_balance(
        uow_factory: UnitOfWorkFactory) -> None:
    """30 shoppers share one $100 card (it was forwarded around) and each checks out a $10 order paid by it
    at the same moment: exactly 10 orders are paid, the balance ends at zero, every loser is told why."""
    code, results = await _race_for_one_card(uow_factory, "$100", range(100, 130), PaymentMethodKind.GIFT_CARD)
    won = [r for r in results if isinstance(r, OrderView)]
    lost = [r for r in results if isinstance(r, GiftCardError)]
    assert len(won) == 10 and len(lost) == 20
    assert all(o.status is OrderStatus.PAID and o.gift_card_amount == Money(1000, "USD") for o in won)
    assert {e.refusal for e in lost} <= {GiftCardRefusal.BALANCE_CHANGED, GiftCardRefusal.EMPTY}
    assert all(e.balance is not None for e in lost)
    assert await card_balance(uow_factory, code) == 0
    history = await card_history(uow_factory, code)
    assert [k for k, *_ in history].count("spent") == 10 and all(after >= 0 for _, _, after, _ in history)
    assert sorted(after for k, _, after, _ in history if k == "spent") == list(range(0, 10000, 1000))


async def test_partial_cards_racing_take_exactly_what_was_there(uow_factory: UnitOfWorkFactory) -> None:
    """Orders that pay only part by card race too: the amounts taken add up to the face value, never more."""
    code, results = await _race_for_one_card(uow_factory, "$25", range(200, 212), PaymentMethodKind.TELEGRAM)
    taken = sum(r.gift_card_amount.amount for r in results if isinstance(r, OrderView))
    assert taken <= 2500 and taken + await card_balance(uow_factory, code) == 2500
    assert await card_balance(uow_factory, code) >= 0


async def test_a_cheaper_delivery_gives_the_excess_back_and_may_pay_the_order(uow_factory: UnitOfWorkFactory) -> None:
    from store.checkout.choose import choose_delivery

    buyer = await make_user(uow_factory, 1)
    code = await buy_gift_card(uow_factory, buyer, "$50")
    item = await make_item(uow_factory, price_minor=3000)
    await fill_cart(uow_factory, buyer, (item, 1))
    await _apply(uow_factory, buyer, code)
    order = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.EXPRESS)  # 30 + 15.99
    assert order.gift_card_amount == Money(4599, "USD") and order.status is OrderStatus.PAID
    item2 = await make_item(uow_factory, price_minor=6000)
    code2 = await buy_gift_card(uow_factory, buyer, "$50")
    await fill_cart(uow_factory, buyer, (item2, 1))
    await _apply(uow_factory, buyer, code2)
    dear = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.EXPRESS)  # 60 + 15.99
    assert dear.amount_due == Money(2599, "USD")
    address = await make_address(uow_factory, buyer)
    async with uow_factory() as uow:
        changed = await choose_delivery(uow, dear.id, buyer, address_id=address,
                                        shipping_option=ShippingOption.STANDARD,
                                        payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert changed.total == Money(6000, "USD") and changed.amount_due == Money(1000, "USD")
    assert await card_balance(uow_factory, code2) == 0  # the card part stays, the rest is due
    async with uow_factory() as uow:  # pickup is free: $60 < $50 card part? no -- $60 total, card pays 50
        pickup = await choose_delivery(uow, dear.id, buyer, address_id=None, shipping_option=ShippingOption.PICKUP,
                                       payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert pickup.amount_due == Money(1000, "USD") and pickup.status is OrderStatus.PENDING_PAYMENT

    small = await make_item(uow_factory, price_minor=4000)
    code3 = await buy_gift_card(uow_factory, buyer, "$50")
    await fill_cart(uow_factory, buyer, (small, 1))
    await _apply(uow_factory, buyer, code3)
    pricey = await _checkout(uow_factory, buyer, PaymentMethodKind.TELEGRAM, ShippingOption.EXPRESS)  # 40 + 15.99
    assert pricey.gift_card_amount == Money(5000, "USD") and pricey.amount_due == Money(599, "USD")
    async with uow_factory() as uow:  # pickup: $40 total; the card's extra $10 goes back, the card pays it all
        paid = await choose_delivery(uow, pricey.id, buyer, address_id=None, shipping_option=ShippingOption.PICKUP,
                                     payment_method=PaymentMethodKind.TELEGRAM, now=NOW)
    assert paid.status is OrderStatus.PAID and paid.payment_method is PaymentMethodKind.GIFT_CARD
    assert paid.gift_card_amount == Money(4000, "USD") and await card_balance(uow_factory, code3) == 1000
    assert (await card_history(uow_factory, code3))[-1] == ("returned", 1000, 1000, pricey.id)
