"""Points: award (idempotently), take back, and show the balance with the shopper's level.

Paid orders earn points two ways that cannot double-count (the ledger's unique key): the payment flow calls
``on_order_paid`` right after capturing a payment, and ``sync_order_points`` catches up on any paid order
without an entry (and takes back points of orders refunded or cancelled since) before a balance is shown,
so a missed hook only delays points, never loses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql, sqlite

from store.errors import NotFound
from store.loyalty.levels import Level, level_for, next_level, points_for_order
from store.models.base import utcnow
from store.models.loyalty import PointsEntry, PointsReason
from store.models.orders import Order, OrderStatus
from store.money import Money
from store.orders.clock import as_utc
from store.uow import UnitOfWork

__all__ = ["PointsEntryView", "PointsView", "stage_points", "award_points", "on_order_paid", "on_order_refunded",
           "sync_order_points", "points_balance", "points_history", "order_reference", "REVERSED_STATUSES"]

# An order in one of these states after payment gives its points back.
REVERSED_STATUSES = frozenset({OrderStatus.CANCELLED, OrderStatus.REFUNDED, OrderStatus.RETURNED})


@dataclass(frozen=True)
class PointsEntryView:
    delta: int
    reason: PointsReason
    reference: str | None
    at: datetime


@dataclass(frozen=True)
class PointsView:
    balance: int
    level: Level
    next_level: Level | None
    to_next: int  # points still needed for the next level (0 at the top)

    @property
    def progress(self) -> float:
        """Share of the way from this level's threshold to the next one, 0..1 (1 at the top level)."""
        if self.next_level is None:
            return 1.0
        span = self.next_level.threshold - self.level.threshold
        return min(1.0, max(0.0, (self.balance - self.level.threshold) / span))


def order_reference(order_id: int) -> str:
    return f"order:{order_id}"


async def stage_points(uow: UnitOfWork, user_id: int, delta: int, reason: PointsReason, reference: str | None,
                       *, now: datetime | None = None) -> bool:
    """Insert a ledger row inside the caller's transaction; False when this (reason, reference) exists."""
    table = cast(Table, PointsEntry.__table__)
    values = {"user_id": user_id, "delta": delta, "reason": reason.value, "reference": reference,
              "created_at": now or utcnow()}
    insert = postgresql.insert if uow.session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(table).values(values).on_conflict_do_nothing().returning(table.c.id)
    return (await uow.session.execute(stmt)).scalar_one_or_none() is not None


async def award_points(uow: UnitOfWork, user_id: int, delta: int, reason: PointsReason,
                       reference: str | None = None, *, now: datetime | None = None) -> bool:
    added = await stage_points(uow, user_id, delta, reason, reference, now=now)
    await uow.commit()
    return added


async def _order_award(uow: UnitOfWork, order: Order, now: datetime) -> int:
    if order.paid_at is None or OrderStatus(order.status) in REVERSED_STATUSES:
        return 0
    points = points_for_order(Money(order.total_minor, order.currency))
    if points <= 0:
        return 0
    added = await stage_points(uow, order.user_id, points, PointsReason.ORDER_PAID, order_reference(order.id),
                               now=now)
    return points if added else 0


async def _order_reversal(uow: UnitOfWork, order: Order, now: datetime) -> int:
    if OrderStatus(order.status) not in REVERSED_STATUSES:
        return 0
    ref = order_reference(order.id)
    earned = (await uow.session.execute(select(PointsEntry.delta).where(
        PointsEntry.user_id == order.user_id, PointsEntry.reason == PointsReason.ORDER_PAID,
        PointsEntry.reference == ref))).scalar_one_or_none()
    if not earned:
        return 0
    added = await stage_points(uow, order.user_id, -earned, PointsReason.REFUND, ref, now=now)
    return -earned if added else 0


async def _order(uow: UnitOfWork, order_id: int) -> Order:
    order = await uow.session.get(Order, order_id, populate_existing=True)
    if order is None:
        raise NotFound("order", str(order_id))
    return order


async def on_order_paid(uow: UnitOfWork, order_id: int, *, now: datetime | None = None) -> int:
    """Credit a paid order's points once; returns the points credited now (0 when already credited)."""
    points = await _order_award(uow, await _order(uow, order_id), now or utcnow())
    await uow.commit()
    return points


async def on_order_refunded(uow: UnitOfWork, order_id: int, *, now: datetime | None = None) -> int:
    """Take back a refunded/cancelled order's points once; returns the (negative) change made now."""
    change = await _order_reversal(uow, await _order(uow, order_id), now or utcnow())
    await uow.commit()
    return change


async def sync_order_points(uow: UnitOfWork, user_id: int, *, now: datetime | None = None) -> int:
    """Catch up on this shopper's paid and reversed orders; returns the net change made."""
    when = now or utcnow()
    orders = (await uow.session.scalars(select(Order).where(Order.user_id == user_id,
                                                            Order.paid_at.is_not(None)))).all()
    change = 0
    for order in orders:
        change += await _order_award(uow, order, when)
        change += await _order_reversal(uow, order, when)
    await uow.commit()
    return change


async def points_balance(uow: UnitOfWork, user_id: int) -> PointsView:
    balance = int((await uow.session.execute(
        select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(PointsEntry.user_id == user_id))).scalar_one())
    level, upcoming = level_for(balance), next_level(balance)
    return PointsView(balance=balance, level=level, next_level=upcoming,
                      to_next=upcoming.threshold - balance if upcoming else 0)


async def points_history(uow: UnitOfWork, user_id: int, *, limit: int = 10) -> list[PointsEntryView]:
    rows = await uow.session.scalars(select(PointsEntry).where(PointsEntry.user_id == user_id)
                                     .order_by(PointsEntry.created_at.desc(), PointsEntry.id.desc()).limit(limit))
    return [PointsEntryView(r.delta, PointsReason(r.reason), r.reference, as_utc(r.created_at)) for r in rows]
