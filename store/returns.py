"""Returns and refunds: the shopper asks, staff approve or reject with a note, the refund is recorded.

``approve_return`` means the goods came back and were accepted: the order becomes ``returned`` and its
units go back on the shelf (exactly once, via ``store.stock.release_order_stock``; pass ``restock=False``
for damaged goods). ``reject_return`` puts the order back where it was. ``record_refund`` records the money
going back and moves the order to ``refunded``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from store import stock
from store.errors import NotFound, ValidationFailed
from store.models.orders import OrderEvent, OrderEventType, OrderStatus
from store.models.returns import ReturnRequest, ReturnStatus
from store.money import Money
from store.orders import events
from store.orders.clock import as_utc
from store.orders.errors import IllegalTransition
from store.orders.service import notice, transition
from store.orders.views import format_order_number, load_order
from store.payments.refunds import RefundView, apply_refund
from store.uow import UnitOfWork

__all__ = ["ReturnView", "request_return", "approve_return", "reject_return", "record_refund", "get_return",
           "MAX_PHOTOS"]

MAX_PHOTOS = 10
_RETURNABLE = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})


@dataclass(frozen=True)
class ReturnView:
    id: int
    order_id: int
    order_number: str
    user_id: int
    status: ReturnStatus
    reason: str
    photo_file_ids: tuple[str, ...]
    staff_note: str | None
    created_at: datetime


def _view(r: ReturnRequest) -> ReturnView:
    return ReturnView(r.id, r.order_id, format_order_number(r.order_id), r.user_id, r.status, r.reason,
                      tuple(r.photo_file_ids or ()), r.staff_note, as_utc(r.created_at))


async def request_return(uow: UnitOfWork, order_id: int | str, user_id: int, reason: str,
                         photo_file_ids: Sequence[str] = (), *, now: datetime) -> ReturnView:
    reason = reason.strip()
    if not reason:
        raise ValidationFailed("please say why you want to return it")
    if len(photo_file_ids) > MAX_PHOTOS:
        raise ValidationFailed(f"at most {MAX_PHOTOS} photos per return")
    session = uow.session
    order = await load_order(session, order_id, user_id=user_id)
    if order.is_digital:
        raise ValidationFailed("digital goods cannot be returned; ask staff for a refund")
    if OrderStatus(order.status) not in _RETURNABLE:
        raise IllegalTransition(format_order_number(order.id), OrderStatus(order.status).value,
                                OrderStatus.RETURN_REQUESTED.value)
    await transition(session, order, OrderStatus.RETURN_REQUESTED, events.user_actor(user_id), now, reason=reason)
    request = ReturnRequest(order_id=order.id, user_id=user_id, status=ReturnStatus.REQUESTED, reason=reason,
                            photo_file_ids=list(photo_file_ids), created_at=now)
    session.add(request)
    await session.flush()
    session.add(events.return_requested(order.id, events.user_actor(user_id), now, return_id=request.id,
                                        reason=reason, photos=len(photo_file_ids)))
    await session.flush()
    view = _view(request)
    notice(uow, order, OrderEventType.RETURN_REQUESTED)
    await uow.commit()
    return view


async def _open_request(uow: UnitOfWork, order_id: int) -> ReturnRequest:
    request = (
        await uow.session.execute(
            select(ReturnRequest).where(ReturnRequest.order_id == order_id,
                                        ReturnRequest.status == ReturnStatus.REQUESTED)
            .order_by(ReturnRequest.id.desc()).limit(1)
        )
    ).scalar_one_or_none()
    if request is None:
        raise NotFound("open return request", format_order_number(order_id))
    return request


async def get_return(uow: UnitOfWork, order_id: int | str, *, user_id: int | None = None) -> ReturnView:
    order = await load_order(uow.session, order_id, user_id=user_id)
    request = (
        await uow.session.execute(
            select(ReturnRequest).where(ReturnRequest.order_id == order.id).order_by(ReturnRequest.id.desc())
            .limit(1))
    ).scalar_one_or_none()
    if request is None:
        raise NotFound("return request", format_order_number(order.id))
    return _view(request)


async def approve_return(uow: UnitOfWork, order_id: int | str, actor: str, note: str = "", *,
                         now: datetime, restock: bool = True) -> ReturnView:
    session = uow.session
    order = await load_order(session, order_id)
    request = await _open_request(uow, order.id)
    await transition(session, order, OrderStatus.RETURNED, actor, now, reason=note or "return approved")
    request.status, request.staff_note, request.decided_by, request.decided_at = (
        ReturnStatus.APPROVED, note or None, actor, now)
    session.add(events.return_approved(order.id, actor, now, return_id=request.id, note=note))
    if restock:
        items = await stock.release_order_stock(session, order.id, order.user_id, now, flash_units=False)
        if items:
            session.add(events.restocked(order.id, actor, now, items=[(i.sku, i.quantity) for i in items]))
    await session.flush()
    view = _view(request)
    notice(uow, order, OrderEventType.RETURN_APPROVED)
    await uow.commit()
    return view


async def reject_return(uow: UnitOfWork, order_id: int | str, actor: str, note: str, *,
                        now: datetime) -> ReturnView:
    """Refuse the return (the note says why, for the shopper); the order goes back to its previous state."""
    if not note.strip():
        raise ValidationFailed("a rejection needs a note for the shopper")
    session = uow.session
    order = await load_order(session, order_id)
    request = await _open_request(uow, order.id)
    previous = (
        await session.execute(
            select(OrderEvent.params).where(OrderEvent.order_id == order.id,
                                            OrderEvent.type == OrderEventType.STATUS_CHANGED)
            .order_by(OrderEvent.id.desc()).limit(1)
        )
    ).scalar_one_or_none()
    back = OrderStatus((previous or {}).get("from_status", OrderStatus.DELIVERED.value))
    if back not in _RETURNABLE:
        back = OrderStatus.DELIVERED
    await transition(session, order, back, actor, now, reason=note)
    request.status, request.staff_note, request.decided_by, request.decided_at = (
        ReturnStatus.REJECTED, note, actor, now)
    session.add(events.return_rejected(order.id, actor, now, return_id=request.id, note=note))
    await session.flush()
    view = _view(request)
    notice(uow, order, OrderEventType.RETURN_REJECTED)
    await uow.commit()
    return view


async def record_refund(uow: UnitOfWork, order_id: int | str, *, amount: Money | None, actor: str,
                        reason: str, now: datetime, provider_refund_id: str | None = None) -> RefundView:
    """Record money sent back for a returned (or cancelled-after-payment) order; None = the rest."""
    order = await load_order(uow.session, order_id)
    view = await apply_refund(uow, order, amount=amount, actor=actor, reason=reason, now=now,
                              provider_refund_id=provider_refund_id)
    return view
