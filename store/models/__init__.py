"""All tables. Importing this package registers every model on ``Base.metadata`` (Alembic needs that).

Each feature owns one module; add a new module's import here when you add tables.
"""

from __future__ import annotations

from store.models import catalog, promotions, users  # noqa: F401
from store.models.base import Base

__all__ = ["Base"]
