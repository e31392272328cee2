"""Promotion notifications on/off per shopper (opt-in), and the list of who asked for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from store.models.base import utcnow
from store.models.subscriptions import PromoSubscription
from store.orders.clock import as_utc
from store.uow import UnitOfWork

__all__ = ["SubscriptionView", "set_subscribed", "get_subscription", "list_subscribers"]


@dataclass(frozen=True)
class SubscriptionView:
    user_id: int
    subscribed: bool
    changed: bool  # False when it already had this value
    updated_at: datetime | None


async def get_subscription(uow: UnitOfWork, user_id: int) -> SubscriptionView:
    row = await uow.session.get(PromoSubscription, user_id)
    if row is None:
        return SubscriptionView(user_id, False, False, None)
    return SubscriptionView(user_id, row.subscribed, False, as_utc(row.updated_at))


async def set_subscribed(uow: UnitOfWork, user_id: int, subscribed: bool, *,
                         now: datetime | None = None) -> SubscriptionView:
    when = now or utcnow()
    row = await uow.session.get(PromoSubscription, user_id, with_for_update=True)
    before = row.subscribed if row is not None else False
    if row is None:
        row = PromoSubscription(user_id=user_id, subscribed=subscribed, updated_at=when)
        uow.session.add(row)
    elif before != subscribed:
        row.subscribed, row.updated_at = subscribed, when
    await uow.session.flush()
    view = SubscriptionView(user_id, subscribed, before != subscribed, as_utc(row.updated_at))
    await uow.commit()
    return view


async def list_subscribers(uow: UnitOfWork) -> list[int]:
    """Who gets promotion broadcasts (flash sales, new deals)."""
    rows = await uow.session.scalars(select(PromoSubscription.user_id).where(PromoSubscription.subscribed.is_(True))
                                     .order_by(PromoSubscription.user_id))
    return list(rows)
