"""Append-only history of catalog imports: who imported which file (by content hash) and what it changed.

The demo uses the hash to skip re-importing an unchanged catalog; operators use it to see what was loaded.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, utcnow

__all__ = ["CatalogImport"]


class CatalogImport(Base):
    __tablename__ = "catalog_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A label for where the file came from ("demo", "cli", a file name).
    source: Mapped[str] = mapped_column(String(200), index=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column()
    products: Mapped[int] = mapped_column()
    categories_created: Mapped[int] = mapped_column(default=0)
    actor: Mapped[str] = mapped_column(String(100), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
