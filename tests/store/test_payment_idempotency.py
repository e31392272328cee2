"""The same successful payment delivered twice (one after the other, and at the same time) is applied once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from store.models.orders import OrderEvent, OrderEventType, OrderStatus
from store.models.payments import Payment, PaymentAttempt
from store.orders.views import OrderView, get_order
from store.payments.base import PaymentResult, PaymentStatus
from store.payments.telegram import TelegramPayments
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, SECRET, make_item, make_user, place_order

TG = TelegramPayments(SECRET)


async def _counts(uow_factory: UnitOfWorkFactory, order_id: int) -> tuple[int, int]:
    async with uow_factory() as uow:
        payments = (await uow.session.execute(
            select(func.count()).select_from(Payment).where(Payment.order_id == order_id))).scalar_one()
        captured = (await uow.session.execute(
            select(func.count()).select_from(OrderEvent).where(
                OrderEvent.order_id == order_id, OrderEvent.type == OrderEventType.PAYMENT_CAPTURED))).scalar_one()
    return payments, captured


async def _deliver(uow_factory: UnitOfWorkFactory, order: OrderView, user: int) -> PaymentResult:
    """Telegram's successful-payment update for ``order``, charge "ch-1", in its own unit of work."""
    async with uow_factory() as uow:
        return await TG.record_successful_payment(uow, TG.build_invoice(order).payload, order.total.amount, "USD",
                                                  "ch-1", "tg-1", user, now=NOW)


async def test_sequential_duplicate_delivery_is_a_no_op(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1))
    results = [await _deliver(uow_factory, order, user) for _ in range(2)]
    assert [r.status for r in results] == [PaymentStatus.CAPTURED, PaymentStatus.DUPLICATE]
    assert results[0].payment_id == results[1].payment_id and results[1].applied
    assert await _counts(uow_factory, order.id) == (1, 1)
    async with uow_factory() as uow:
        assert (await get_order(uow, order.id)).status is OrderStatus.PAID


async def test_concurrent_duplicate_deliveries_record_one_payment(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1))

    results = await asyncio.gather(*(_deliver(uow_factory, order, user) for _ in range(12)))
    statuses = [r.status for r in results]
    assert statuses.count(PaymentStatus.CAPTURED) == 1
    assert statuses.count(PaymentStatus.DUPLICATE) == 11
    assert len({r.payment_id for r in results}) == 1
    assert await _counts(uow_factory, order.id) == (1, 1)
    async with uow_factory() as uow:
        paid = await get_order(uow, order.id)
        status_changes = (await uow.session.execute(
            select(func.count()).select_from(OrderEvent).where(
                OrderEvent.order_id == order.id, OrderEvent.type == OrderEventType.STATUS_CHANGED))).scalar_one()
    assert paid.status is OrderStatus.PAID and status_changes == 1


async def test_concurrent_different_charges_pay_once_and_record_the_other(uow_factory: UnitOfWorkFactory) -> None:
    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1))
    payload = TG.build_invoice(order).payload

    async def deliver(charge: str) -> PaymentResult:
        async with uow_factory() as uow:
            return await TG.record_successful_payment(uow, payload, order.total.amount, "USD", charge, None, user,
                                                      now=NOW)

    results = await asyncio.gather(*(deliver(f"ch-{i}") for i in range(6)))
    statuses = sorted(r.status.value for r in results)
    assert statuses == ["captured"] + ["refused"] * 5
    assert await _counts(uow_factory, order.id) == (1, 1)
    async with uow_factory() as uow:
        refused = (await uow.session.execute(select(func.count()).select_from(PaymentAttempt))).scalar_one()
    assert refused == 5


async def test_a_duplicate_committed_after_the_first_check_is_a_duplicate_not_a_refusal(
        uow_factory: UnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a racing delivery of the same charge can commit between the charge check and the order read:
    the order then reads PAID, and 9 of 12 racing deliveries were recorded as refusals needing a manual refund.
    Here the first check is made to miss the earlier payment, as in that race."""
    from store.payments import capture

    user = await make_user(uow_factory, 1)
    item = await make_item(uow_factory, stock=5)
    order = await place_order(uow_factory, user, (item, 1))

    assert (await _deliver(uow_factory, order, user)).status is PaymentStatus.CAPTURED
    real, calls = capture.existing_result, []

    async def first_check_misses(uow, charge_key):  # type: ignore[no-untyped-def]
        calls.append(charge_key)
        return None if len(calls) == 1 else await real(uow, charge_key)

    monkeypatch.setattr(capture, "existing_result", first_check_misses)
    again = await _deliver(uow_factory, order, user)
    assert again.status is PaymentStatus.DUPLICATE and again.applied
    async with uow_factory() as uow:
        refusals = (await uow.session.execute(select(func.count()).select_from(PaymentAttempt))).scalar_one()
    assert refusals == 0
