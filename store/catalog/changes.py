"""Which products changed since a moment: how a process follows catalog changes other processes commit.

WHY polling a timestamp: the store's events (``UnitOfWorkFactory.subscribe``) reach only the process that made
the change. A second worker, or `shopbot catalog import` run next to the bot, changes the same database, and
its changes must reach every running search index too. Both tables carry ``updated_at`` (set on every ORM and
Core update, and by the importer), indexed for this read, which works the same on SQLite and PostgreSQL; a
variant's change (price, stock) names its product.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, func, select, union_all

from store.models.catalog import Product, Variant
from store.orders.clock import as_utc
from store.uow import UnitOfWork

__all__ = ["latest_change", "changed_since"]

_CHANGED = union_all(
    select(Product.id, Product.updated_at).where(Product.updated_at > bindparam("since")),
    select(Variant.product_id, Variant.updated_at).where(Variant.updated_at > bindparam("since")),
)


async def latest_change(uow: UnitOfWork) -> datetime | None:
    """The newest ``updated_at`` of any product or variant (None for an empty catalog)."""
    newest = [await uow.session.scalar(select(func.max(column))) for column in (Product.updated_at,
                                                                               Variant.updated_at)]
    found = [as_utc(n) for n in newest if n is not None]
    return max(found) if found else None


async def changed_since(uow: UnitOfWork, since: datetime) -> list[tuple[int, datetime]]:
    """(product id, when) for every product and variant row updated after ``since``."""
    rows = await uow.session.execute(_CHANGED, {"since": as_utc(since)})
    return [(int(pid), as_utc(when)) for pid, when in rows]
