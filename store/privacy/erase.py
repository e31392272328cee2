"""Erase a shopper's personal data, keeping (anonymised) what accounting needs; see ``store.privacy``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update

from store.models.cart import Cart
from store.models.knowledge_base import KBAnswer, KBPendingQuestion, KBPhrasing, KBQuestion, KBVote
from store.models.loyalty import PointsEntry
from store.models.orders import Order
from store.models.returns import ReturnRequest
from store.models.reviews import Review
from store.models.search_log import ZeroResultQuery
from store.models.subscriptions import PromoSubscription
from store.models.support import Ticket
from store.models.users import Address, User
from store.uow import UnitOfWork

__all__ = ["ErasureReport", "erase_user_data", "ERASED_TEXT"]

ERASED_TEXT = "(erased at the shopper's request)"


@dataclass(frozen=True)
class ErasureReport:
    addresses: int
    carts: int
    tickets: int
    points_entries: int
    reviews_anonymised: int
    questions: int
    orders_anonymised: int


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def _anonymise_orders(uow: UnitOfWork, user_id: int, now: datetime) -> int:
    orders = (await uow.session.scalars(select(Order).where(Order.user_id == user_id))).all()
    for order in orders:
        if order.address:
            order.address = {"country": order.address.get("country", "")}
        order.updated_at = now
    await uow.session.execute(update(ReturnRequest).where(ReturnRequest.user_id == user_id)
                              .values(reason=ERASED_TEXT, photo_file_ids=[]))
    return len(orders)


async def _withdraw_votes(uow: UnitOfWork, user_id: int) -> None:
    votes = (await uow.session.execute(select(KBVote.answer_id, KBVote.value).where(KBVote.user_id == user_id)))
    for answer_id, value in votes.all():
        await uow.session.execute(update(KBAnswer).where(KBAnswer.id == answer_id)
                                  .values(votes=KBAnswer.votes - value))
    await uow.session.execute(delete(KBVote).where(KBVote.user_id == user_id))


async def erase_user_data(uow: UnitOfWork, user_id: int, *, now: datetime) -> ErasureReport:
    s = uow.session
    addresses = _count(await s.execute(delete(Address).where(Address.user_id == user_id)))
    carts = _count(await s.execute(delete(Cart).where(Cart.user_id == user_id)))
    tickets = _count(await s.execute(delete(Ticket).where(Ticket.user_id == user_id)))
    points = _count(await s.execute(delete(PointsEntry).where(PointsEntry.user_id == user_id)))
    await s.execute(delete(PromoSubscription).where(PromoSubscription.user_id == user_id))
    reviews = _count(await s.execute(update(Review).where(Review.user_id == user_id)
                                     .values(user_id=None, text="", updated_at=now)))
    questions = _count(await s.execute(delete(KBPendingQuestion).where(KBPendingQuestion.asker_id == user_id)))
    # Shared knowledge stays (other shoppers rely on it) but no longer points at the person.
    await s.execute(update(KBQuestion).where(KBQuestion.created_by == user_id).values(created_by=None))
    await s.execute(update(KBPhrasing).where(KBPhrasing.created_by == user_id).values(created_by=None))
    await s.execute(update(KBAnswer).where(KBAnswer.author_id == user_id).values(author_id=None))
    await _withdraw_votes(uow, user_id)
    await s.execute(update(ZeroResultQuery).where(ZeroResultQuery.user_id == user_id).values(user_id=None))
    orders = await _anonymise_orders(uow, user_id, now)
    await s.execute(update(User).where(User.id == user_id).values(
        first_name="", last_name=None, username=None, consent=False, consent_at=None, updated_at=now))
    await uow.commit()
    return ErasureReport(addresses=addresses, carts=carts, tickets=tickets, points_entries=points,
                         reviews_anonymised=reviews, questions=questions, orders_anonymised=orders)
