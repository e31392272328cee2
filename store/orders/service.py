"""Order commands: every status change goes through ``transition`` (table check + conditional UPDATE).

Cancelling and expiring an unpaid order both release its stock; ``store.stock.release_order_stock``
flips the order's ``stock_held`` flag once, so the units go back exactly once whoever gets there first. The
gift card part of an unpaid order goes back to the card the same way (``store.giftcards.orders``, flag
``gift_card_held``); a paid order's card part goes back with its refund.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from store import stock
from store.giftcards.orders import return_card_part
from store.models.orders import Order, OrderEventType, OrderStatus
from store.orders import events
from store.orders.clock import as_utc
from store.orders.errors import IllegalTransition
from store.orders.states import check_transition
from store.orders.views import OrderView, format_order_number, load_order, to_view
from store.uow import UnitOfWork

__all__ = [
    "transition", "cancel_order", "expire_unpaid_orders", "pack_order", "hand_over_order", "complete_order",
    "CANCELLABLE", "notice",
]

CANCELLABLE = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PACKED})


async def transition(session: AsyncSession, order: Order, to_state: OrderStatus, actor: str, now: datetime,
                     *, reason: str = "", **values: object) -> None:
    """Move ``order`` to ``to_state`` or raise IllegalTransition (also when a concurrent change won).

    ``values`` are extra columns set in the same UPDATE (e.g. ``paid_at``).
    """
    number = format_order_number(order.id)
    from_state = OrderStatus(order.status)
    check_transition(number, from_state, to_state, payment_method=order.payment_method,
                     shipping_option=order.shipping_option, is_digital=order.is_digital)
    moved = (
        await session.execute(
            update(Order)
            .where(Order.id == order.id, Order.status == from_state)
            .values(status=to_state, updated_at=now, **values)
            .returning(Order.id)
            .execution_options(synchronize_session=False)
        )
    ).scalar_one_or_none()
    if moved is None:
        current = (await session.execute(select(Order.status).where(Order.id == order.id))).scalar_one()
        raise IllegalTransition(number, OrderStatus(current).value, to_state.value)
    set_committed_value(order, "status", to_state)
    for key, value in values.items():
        set_committed_value(order, key, value)
    session.add(events.status_changed(order.id, actor, now, from_status=from_state, to_status=to_state,
                                      reason=reason))


def notice(uow: UnitOfWork, order: Order, kind: OrderEventType) -> None:
    uow.emit(events.OrderChanged(order.id, format_order_number(order.id), order.user_id, kind,
                                 OrderStatus(order.status)))


async def _release(session: AsyncSession, order: Order, actor: str, now: datetime, reason: str) -> None:
    released = await stock.release_order_stock(session, order.id, order.user_id, now)
    set_committed_value(order, "stock_held", False)
    if released:
        session.add(events.stock_released(order.id, actor, now, items=[(i.sku, i.quantity) for i in released],
                                          reason=reason))
    await return_card_part(session, order, actor, now, reason=reason)


async def cancel_order(uow: UnitOfWork, order_id: int | str, actor: str, reason: str, *,
                       now: datetime, user_id: int | None = None) -> OrderView:
    """Cancel before shipping and release stock. ``user_id`` restricts it to the shopper's own order.

    A paid order becomes ``cancelled`` and waits for its refund (``store.returns.record_refund``).
    """
    session = uow.session
    order = await load_order(session, order_id, user_id=user_id)
    if OrderStatus(order.status) not in CANCELLABLE:
        raise IllegalTransition(format_order_number(order.id), OrderStatus(order.status).value,
                                OrderStatus.CANCELLED.value)
    await transition(session, order, OrderStatus.CANCELLED, actor, now, reason=reason)
    session.add(events.cancelled(order.id, actor, now, reason=reason))
    await _release(session, order, actor, now, "cancelled")
    await session.flush()
    view = to_view(order)
    notice(uow, order, OrderEventType.CANCELLED)
    await uow.commit()
    return view


async def expire_unpaid_orders(uow: UnitOfWork, now: datetime, *, limit: int = 500) -> list[int]:
    """Cancel orders still unpaid at their ``expires_at`` and release their stock; returns their ids.

    Idempotent: a second run finds nothing, and an order paid in the meantime is skipped because the
    conditional transition only moves orders that are still ``pending_payment``.
    """
    session = uow.session
    due = (
        await session.execute(
            select(Order).where(Order.status == OrderStatus.PENDING_PAYMENT, Order.expires_at.is_not(None),
                                Order.expires_at <= now)
            .order_by(Order.id).limit(limit)
        )
    ).scalars().all()
    expired: list[Order] = []
    for order in due:
        try:
            await transition(session, order, OrderStatus.CANCELLED, events.SYSTEM, now, reason="expired")
        except IllegalTransition:
            continue  # paid or cancelled concurrently
        minutes = None
        if order.expires_at is not None:
            minutes = int((as_utc(order.expires_at) - as_utc(order.created_at)).total_seconds() // 60)
        session.add(events.expired(order.id, now, minutes=minutes))
        await _release(session, order, events.SYSTEM, now, "expired")
        expired.append(order)
    await session.flush()
    for order in expired:
        notice(uow, order, OrderEventType.EXPIRED)
    await uow.commit()
    return [o.id for o in expired]


async def _move(uow: UnitOfWork, order_id: int | str, to_state: OrderStatus, actor: str, now: datetime,
                kind: OrderEventType, reason: str = "") -> OrderView:
    order = await load_order(uow.session, order_id)
    await transition(uow.session, order, to_state, actor, now, reason=reason)
    await uow.session.flush()
    view = to_view(order)
    notice(uow, order, kind)
    await uow.commit()
    return view


async def pack_order(uow: UnitOfWork, order_id: int | str, actor: str, *, now: datetime) -> OrderView:
    """Staff packed it: paid orders, or cash-on-delivery orders that are never paid up front."""
    return await _move(uow, order_id, OrderStatus.PACKED, actor, now, OrderEventType.STATUS_CHANGED)


async def hand_over_order(uow: UnitOfWork, order_id: int | str, actor: str, *, now: datetime) -> OrderView:
    """A pickup order collected at the counter (packed -> delivered without a carrier)."""
    return await _move(uow, order_id, OrderStatus.DELIVERED, actor, now, OrderEventType.STATUS_CHANGED,
                       reason="picked up")


async def complete_order(uow: UnitOfWork, order_id: int | str, actor: str, *, now: datetime) -> OrderView:
    """Close a delivered order (e.g. when the return window ends)."""
    return await _move(uow, order_id, OrderStatus.COMPLETED, actor, now, OrderEventType.STATUS_CHANGED)
