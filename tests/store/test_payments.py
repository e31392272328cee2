from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.models.payments import AttemptOutcome, Payment, PaymentAttempt, Refund
from store.money import Money
from store.orders.events import staff_actor, user_actor
from store.orders.service import cancel_order, pack_order
from store.orders.views import get_order
from store.payments.base import PaymentStatus
from store.payments.cod import CashOnDelivery, record_cod_payment
from store.payments.errors import PaymentRefused, RefusalReason
from store.payments.instalments import instalment_plan
from store.payments.payload import MAX_PAYLOAD_BYTES, sign_payload, verify_payload
from store.payments.stars import StarsPayments, refund_stars
from store.payments.telegram import TelegramPayments
from store.shipping.service import ship_order
from store.shipping.simulated import SimulatedCarrier
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, SECRET, make_item, make_user, place_order, variant_stock

TG = TelegramPayments(SECRET)


def test_payload_is_signed_small_and_tamper_evident() -> None:
    payload = sign_payload(SECRET, 123456789, 99_999_999, "USD")
    assert len(payload.encode()) <= MAX_PAYLOAD_BYTES
    claims = verify_payload(SECRET, payload)
    assert claims is not None and (claims.order_id, claims.amount, claims.currency) == (123456789, 99_999_999, "USD")
    assert verify_payload(b"other secret", payload) is None
    assert verify_payload(SECRET, payload.replace(".99999999.", ".1.")) is None
    assert verify_payload(SECRET, "garbage") is None


def test_instalment_amounts_sum_exactly_and_show_only_above_threshold() -> None:
    assert instalment_plan(Money(30000, "USD"), threshold_minor=30000) == []
    options = instalment_plan(Money(100001, "USD"), threshold_minor=30000)
    assert [o.months for o in options] == [3, 6, 12]
    for option in options:
        assert sum(p.amount for p in option.payments) == 100001
        assert max(p.amount for p in option.payments) - min(p.amount for p in option.payments) <= 1
        assert all(p.currency == "USD" for p in option.payments)
    assert options[0].payments[0] == Money(33334, "USD") and options[0].per_month == Money(33333, "USD")


async def test_invoice_lists_lines_discount_and_shipping(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=1200, title="Ceramic mug")
    order = await place_order(uow_factory, user, (item, 2))
    spec = TG.build_invoice(order)
    assert spec.currency == "USD" and not spec.need_shipping_address and not spec.is_stars
    assert sum(p.amount for p in spec.prices) == order.total.amount == 2999
    assert spec.prices[0].label == "Ceramic mug x2"
    assert verify_payload(SECRET, spec.payload) is not None
    with pytest.raises(PaymentRefused):
        StarsPayments(SECRET).build_invoice(order)


async def test_pre_checkout_accepts_a_valid_order_and_refuses_mismatches(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    item = await make_item(uow_factory, stock=5, price_minor=1200)
    order = await place_order(uow_factory, user, (item, 1))
    payload = TG.build_invoice(order).payload
    total = order.total.amount

    async def check(payload: str = payload, amount: int = total, currency: str = "USD", who: int = user,
                    at: object = NOW) -> RefusalReason | None:
        async with uow_factory() as uow:
            result = await TG.validate_pre_checkout(uow, payload, amount, currency, who, now=at)  # type: ignore[arg-type]
        assert result.ok == (result.reason is None)
        assert (result.error_message is None) == result.ok
        return result.reason

    assert await check() is None
    assert await check(amount=total - 1) is RefusalReason.AMOUNT_MISMATCH
    assert await check(currency="EUR") is RefusalReason.CURRENCY_MISMATCH
    assert await check(who=2) is RefusalReason.WRONG_USER
    assert await check(payload=payload[:-2] + "xx") is RefusalReason.BAD_PAYLOAD
    assert await check(at=NOW + timedelta(minutes=31)) is RefusalReason.EXPIRED
    async with uow_factory() as uow:
        attempts = (await uow.session.execute(
            select(PaymentAttempt.reason).where(PaymentAttempt.outcome == AttemptOutcome.REFUSED)
            .order_by(PaymentAttempt.id))).scalars().all()
    assert attempts == ["amount_mismatch", "currency_mismatch", "wrong_user", "bad_payload", "expired"]
    async with uow_factory() as uow:
        await cancel_order(uow, order.id, user_actor(user), "no", now=NOW)
    assert await check() is RefusalReason.NOT_PAYABLE


async def test_successful_payment_marks_paid_and_mismatch_is_refused_not_applied(
    uow_factory: UnitOfWorkFactory,
) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=1200)
    order = await place_order(uow_factory, user, (item, 1))
    payload = TG.build_invoice(order).payload
    async with uow_factory() as uow:
        wrong = await TG.record_successful_payment(uow, payload, order.total.amount + 100, "USD", "prov-x", "tg-x",
                                                   user, now=NOW)
    assert wrong.status is PaymentStatus.REFUSED and wrong.reason is RefusalReason.AMOUNT_MISMATCH
    assert not wrong.applied
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.PENDING_PAYMENT
        attempt = (await uow.session.execute(select(PaymentAttempt))).scalar_one()
        assert attempt.provider_charge_id == "prov-x" and attempt.details["needs_manual_refund"] is True
    async with uow_factory() as uow:
        result = await TG.record_successful_payment(uow, payload, order.total.amount, "USD", "prov-1", "tg-1", user,
                                                    now=NOW)
    assert result.status is PaymentStatus.CAPTURED and result.amount == order.total
    async with uow_factory() as uow:
        paid = await get_order(uow, order.id)
    assert paid.status is OrderStatus.PAID and paid.paid_at == NOW
    # A second, different charge for the same order is refused (the shopper paid twice): recorded for refund.
    async with uow_factory() as uow:
        again = await TG.record_successful_payment(uow, payload, order.total.amount, "USD", "prov-2", "tg-2", user,
                                                   now=NOW)
    assert again.status is PaymentStatus.REFUSED and again.reason is RefusalReason.NOT_PAYABLE
    async with uow_factory() as uow:
        assert len((await uow.session.execute(select(Payment))).scalars().all()) == 1


async def test_stars_pay_for_digital_goods_deliver_at_once_and_refund(uow_factory: UnitOfWorkFactory) -> None:
    stars = StarsPayments(SECRET)
    user = await make_user(uow_factory, 1)
    ebook = await make_item(uow_factory, stock=50, price_minor=150, currency="XTR", digital=True)
    order = await place_order(uow_factory, user, (ebook, 2), method=PaymentMethodKind.STARS,
                              option=ShippingOption.DIGITAL)
    spec = stars.build_invoice(order)
    assert spec.is_stars and spec.currency == "XTR" and [p.amount for p in spec.prices] == [300]
    async with uow_factory() as uow:
        assert (await stars.validate_pre_checkout(uow, spec.payload, 300, "XTR", user, now=NOW)).ok
    async with uow_factory() as uow:
        # Stars payments have no provider charge id: the Telegram charge id is the unique key.
        paid = await stars.record_successful_payment(uow, spec.payload, 300, "XTR", "", "stars-charge-1", user,
                                                     now=NOW)
    assert paid.status is PaymentStatus.CAPTURED
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.DELIVERED
    async with uow_factory() as uow:
        refund = await refund_stars(uow, "stars-charge-1", actor=staff_actor(9), reason="did not open", now=NOW)
    assert refund.amount == Money(300, "XTR") and not refund.duplicate
    async with uow_factory() as uow:
        again = await refund_stars(uow, "stars-charge-1", actor=staff_actor(9), reason="did not open", now=NOW)
    assert again.duplicate and again.id == refund.id
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.REFUNDED
        assert len((await uow.session.execute(select(Refund))).scalars().all()) == 1


async def test_cash_on_delivery_is_recorded_when_collected(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=1200)
    order = await place_order(uow_factory, user, (item, 1), method=PaymentMethodKind.CASH_ON_DELIVERY)
    assert CashOnDelivery().refusal(order) is None
    with pytest.raises(PaymentRefused):
        TG.build_invoice(order)
    async with uow_factory() as uow:
        await pack_order(uow, order.id, staff_actor(9), now=NOW)
    async with uow_factory() as uow:
        await ship_order(uow, order.id, SimulatedCarrier(), staff_actor(9), now=NOW)
    async with uow_factory() as uow:
        short = await record_cod_payment(uow, order.id, Money(1000, "USD"), "courier:1", now=NOW)
    assert short.status is PaymentStatus.REFUSED and short.reason is RefusalReason.AMOUNT_MISMATCH
    async with uow_factory() as uow:
        paid = await record_cod_payment(uow, order.id, order.total, "courier:1", now=NOW)
    async with uow_factory() as uow:
        repeat = await record_cod_payment(uow, order.id, order.total, "courier:1", now=NOW)
    assert paid.status is PaymentStatus.CAPTURED and repeat.status is PaymentStatus.DUPLICATE
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.DELIVERED
    assert await variant_stock(uow_factory, item.variant_id) == 4


async def test_pre_checkout_refuses_a_wrong_method_and_an_order_whose_stock_is_no_longer_held(
    uow_factory: UnitOfWorkFactory,
) -> None:
    from sqlalchemy import update

    from store.models.orders import Order

    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5, price_minor=1200)
    order = await place_order(uow_factory, user, (item, 1))
    payload = TG.build_invoice(order).payload
    stars = StarsPayments(SECRET)
    async with uow_factory() as uow:  # a card invoice presented as a Stars payment
        wrong = await stars.validate_pre_checkout(uow, payload, order.total.amount, "USD", user, now=NOW)
    assert wrong.reason is RefusalReason.WRONG_METHOD
    async with uow_factory() as uow:  # the reservation is gone (e.g. released by hand): re-checked, refused
        await uow.session.execute(update(Order).where(Order.id == order.id).values(stock_held=False))
        await uow.commit()
    async with uow_factory() as uow:
        gone = await TG.validate_pre_checkout(uow, payload, order.total.amount, "USD", user, now=NOW)
    assert not gone.ok and gone.reason is RefusalReason.STOCK_RELEASED
    assert gone.error_message is not None and "no longer reserved" in gone.error_message
    async with uow_factory() as uow:
        reasons = (await uow.session.execute(
            select(PaymentAttempt.reason).order_by(PaymentAttempt.id))).scalars().all()
    assert reasons == ["wrong_method", "stock_released"]


async def test_every_method_answers_through_the_one_interface(uow_factory: UnitOfWorkFactory) -> None:
    """Card, Stars and cash on delivery are interchangeable ``PaymentMethod``s: each says which orders it
    can pay, so the dialogue offers exactly the methods that fit."""
    from store.payments.base import PaymentMethod

    methods: list[PaymentMethod] = [TG, StarsPayments(SECRET), CashOnDelivery()]
    assert [m.kind for m in methods] == [PaymentMethodKind.TELEGRAM, PaymentMethodKind.STARS,
                                         PaymentMethodKind.CASH_ON_DELIVERY]
    user = await make_user(uow_factory, 1)
    mug = await make_item(uow_factory, stock=5, price_minor=1200)
    ebook = await make_item(uow_factory, stock=50, price_minor=150, currency="XTR", digital=True)
    card_order = await place_order(uow_factory, user, (mug, 1))
    stars_order = await place_order(uow_factory, user, (ebook, 1), method=PaymentMethodKind.STARS,
                                    option=ShippingOption.DIGITAL)
    fits = {name: [m.kind for m in methods if m.refusal(order) is None]
            for name, order in (("card", card_order), ("stars", stars_order))}
    assert fits == {"card": [PaymentMethodKind.TELEGRAM, PaymentMethodKind.CASH_ON_DELIVERY],
                    "stars": [PaymentMethodKind.STARS]}
