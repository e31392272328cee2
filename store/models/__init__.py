"""All tables. Importing this package registers every model on ``Base.metadata`` (Alembic needs that).

Each feature owns one module; add a new module's import here when you add tables.
"""

from __future__ import annotations

from store.models import (  # noqa: F401
    cart,
    catalog,
    catalog_imports,
    claims,
    community,
    conversation,
    digital,
    knowledge_base,
    loyalty,
    orders,
    payments,
    pricing,
    promotions,
    returns,
    reviews,
    search_log,
    shipping,
    subscriptions,
    support,
    users,
)
from store.models.base import Base

__all__ = ["Base"]
