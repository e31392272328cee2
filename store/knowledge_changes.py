"""Which knowledge-base questions changed since a moment: how a process follows the Q&A other processes write.

WHY: the Q&A index follows ``KnowledgeChanged`` events, which reach only the process that committed them; a
staff answer given through a second worker, or `shopbot kb import` next to the bot, must reach every running
index too (knowledge/change_feed.py polls this). Every write to a question, its phrasings, answers or votes
dates the question (``mark_changed``), so one indexed column names them all, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, func, select, update

from store.knowledge_base_records import KnowledgeChanged
from store.models.base import utcnow
from store.models.knowledge_base import KBQuestion
from store.orders.clock import as_utc
from store.uow import UnitOfWork

__all__ = ["mark_changed", "latest_change", "changed_since"]

_TOUCH = update(KBQuestion).where(KBQuestion.id == bindparam("question_id")).values(updated_at=bindparam("now"))
_CHANGED = select(KBQuestion.id, KBQuestion.updated_at).where(KBQuestion.updated_at > bindparam("since"))


async def mark_changed(uow: UnitOfWork, question_id: int) -> None:
    """Tell this process (the event) and the others (the question's date) that the question changed."""
    await uow.session.execute(_TOUCH, {"question_id": question_id, "now": utcnow()})
    uow.emit(KnowledgeChanged(question_id))


async def latest_change(uow: UnitOfWork) -> datetime | None:
    newest = await uow.session.scalar(select(func.max(KBQuestion.updated_at)))
    return as_utc(newest) if newest is not None else None


async def changed_since(uow: UnitOfWork, since: datetime) -> list[tuple[int, datetime]]:
    """(question id, when) for every question dated after ``since``."""
    rows = await uow.session.execute(_CHANGED, {"since": as_utc(since)})
    return [(int(qid), as_utc(when)) for qid, when in rows]
