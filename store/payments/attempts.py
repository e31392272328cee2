"""Recording refused payment attempts: refused money is never applied, but it is never forgotten either."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from store.models.payments import AttemptOutcome, PaymentAttempt
from store.orders import events
from store.payments.errors import RefusalReason

__all__ = ["record_refusal"]


async def record_refusal(
    session: AsyncSession,
    *,
    stage: str,
    reason: RefusalReason,
    order_id: int | None,
    order_exists: bool,
    user_id: int | None,
    amount: int | None,
    currency: str | None,
    provider_charge_id: str | None,
    now: datetime,
    details: dict[str, Any] | None = None,
) -> None:
    session.add(PaymentAttempt(
        order_id=order_id if order_exists else None, user_id=user_id, stage=stage,
        outcome=AttemptOutcome.REFUSED, reason=reason.value, amount_minor=amount, currency=currency,
        provider_charge_id=provider_charge_id, details=details or {}, created_at=now,
    ))
    if order_exists and order_id is not None:
        actor = events.user_actor(user_id) if user_id is not None else events.SYSTEM
        session.add(events.payment_refused(order_id, actor, now, stage=stage, reason=reason.value))
