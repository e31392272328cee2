"""The category tree: create paths on demand ("Home > Kitchen > Mugs" creates all three levels) and list it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.catalog.views import CategoryView
from store.models.catalog import Category, Product
from store.uow import UnitOfWork

__all__ = ["ensure_category_paths", "list_categories"]


async def ensure_category_paths(session: AsyncSession, paths: Iterable[str]) -> tuple[dict[str, int], int]:
    """Map each normalised path (and its ancestors) to a category id, creating missing nodes.

    Returns the mapping and how many categories were created. Parents are created before children so every
    node gets its ``parent_id``.
    """
    wanted: set[str] = set()
    for path in paths:
        parts = path.split(" > ")
        for depth in range(1, len(parts) + 1):
            wanted.add(" > ".join(parts[:depth]))
    ids: dict[str, int] = {}
    ordered = sorted(wanted)
    for start in range(0, len(ordered), 500):
        batch = ordered[start:start + 500]
        rows = await session.execute(select(Category.path, Category.id).where(Category.path.in_(batch)))
        ids.update({p: i for p, i in rows})
    created = 0
    for path in sorted(wanted - ids.keys(), key=lambda p: p.count(" > ")):
        parent, _, name = path.rpartition(" > ")
        node = Category(name=name, path=path, parent_id=ids[parent] if parent else None)
        session.add(node)
        await session.flush()
        ids[path] = node.id
        created += 1
    return ids, created


async def list_categories(uow: UnitOfWork) -> list[CategoryView]:
    """Every category, ordered by path, with the number of active products directly in it."""
    counts = (
        select(Product.category_id, func.count(Product.id).label("n"))
        .where(Product.is_active.is_(True))
        .group_by(Product.category_id)
        .subquery()
    )
    rows = await uow.session.execute(
        select(Category, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.category_id == Category.id)
        .order_by(Category.path)
    )
    return [
        CategoryView(id=c.id, name=c.name, path=c.path, parent_id=c.parent_id, name_zh=c.name_zh,
                     product_count=int(n))
        for c, n in rows
    ]
