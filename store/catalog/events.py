"""Catalog domain events, published after commit so the search index follows the catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ProductChanged", "ChangeKind"]

ChangeKind = Literal["upserted", "deleted"]


@dataclass(frozen=True)
class ProductChanged:
    """A product was created or changed ("upserted") or removed from sale ("deleted").

    Listeners re-read the product with ``get_product(uow, product_id)``; the event itself stays tiny so an import
    of 100k rows can queue one per product.
    """

    product_id: int
    external_id: str
    kind: ChangeKind
