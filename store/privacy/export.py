"""Everything the store holds about one shopper, as one JSON-ready document."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from store.cart import get_cart
from store.errors import NotFound
from store.loyalty.service import points_balance, points_history
from store.models.knowledge_base import KBPendingQuestion
from store.models.payments import Payment
from store.orders.clock import as_utc
from store.orders.views import list_orders
from store.reviews.service import user_reviews
from store.subscriptions import get_subscription
from store.support.service import list_tickets
from store.uow import UnitOfWork
from store.users import get_user, list_addresses

__all__ = ["export_user_data", "EXPORT_SECTIONS"]

EXPORT_SECTIONS = ("profile", "addresses", "cart", "orders", "payments", "tickets", "reviews", "points",
                   "promotions", "questions")


def _iso(value: datetime | None) -> str | None:
    return as_utc(value).isoformat() if value is not None else None


async def _profile(uow: UnitOfWork, user_id: int) -> dict[str, Any]:
    try:
        u = await get_user(uow, user_id)
    except NotFound:
        return {"id": user_id}
    return {"id": u.id, "first_name": u.first_name, "last_name": u.last_name, "username": u.username,
            "language": u.language, "consent": u.consent, "consent_at": _iso(u.consent_at)}


async def export_user_data(uow: UnitOfWork, user_id: int, *, now: datetime) -> dict[str, Any]:
    addresses = await list_addresses(uow, user_id)
    cart = await get_cart(uow, user_id, now)
    orders = await list_orders(uow, user_id, limit=1000)
    payments = (await uow.session.scalars(select(Payment).where(Payment.user_id == user_id)
                                          .order_by(Payment.id))).all()
    tickets = await list_tickets(uow, user_id=user_id, limit=1000)
    reviews = await user_reviews(uow, user_id)
    points = await points_balance(uow, user_id)
    history = await points_history(uow, user_id, limit=10_000)
    subscription = await get_subscription(uow, user_id)
    questions = (await uow.session.scalars(select(KBPendingQuestion).where(KBPendingQuestion.asker_id == user_id)
                                           .order_by(KBPendingQuestion.id))).all()
    return {
        "exported_at": _iso(now),
        "profile": await _profile(uow, user_id),
        "addresses": [{"name": a.name, "phone": a.phone, "line1": a.line1, "line2": a.line2, "city": a.city,
                       "region": a.region, "postcode": a.postcode, "country": a.country} for a in addresses],
        "cart": [{"sku": ln.sku, "title": ln.title, "quantity": ln.quantity} for ln in cart.lines],
        "orders": [{"number": o.number, "status": o.status.value, "total": o.total.amount, "currency": o.currency,
                    "created_at": _iso(o.created_at), "paid_at": _iso(o.paid_at), "address": o.address,
                    "lines": [{"sku": ln.sku, "title": ln.title, "quantity": ln.quantity,
                               "amount": ln.line_total.amount} for ln in o.lines]} for o in orders],
        "payments": [{"order_id": p.order_id, "method": p.method.value, "amount": p.amount_minor,
                      "currency": p.currency, "refunded": p.refunded_minor, "at": _iso(p.created_at)}
                     for p in payments],
        "tickets": [{"number": t.number, "kind": t.kind.value, "status": t.status.value, "subject": t.subject,
                     "created_at": _iso(t.created_at), "context": t.context,
                     "messages": [{"from": "staff" if m.from_staff else "you", "text": m.text, "at": _iso(m.at)}
                                  for m in t.messages]} for t in tickets],
        "reviews": [{"product": r.product_title, "rating": r.rating, "text": r.text, "at": _iso(r.created_at)}
                    for r in reviews],
        "points": {"balance": points.balance, "level": points.level.name,
                   "history": [{"delta": e.delta, "reason": e.reason.value, "reference": e.reference,
                                "at": _iso(e.at)} for e in history]},
        "promotions": {"subscribed": subscription.subscribed, "updated_at": _iso(subscription.updated_at)},
        "questions": [{"text": q.text, "status": q.status.value, "at": _iso(q.created_at)} for q in questions],
    }
