"""Typed errors of the demo catalog tooling.

They exist so a broken vocabulary table or a malformed catalog row fails loudly with the offending
product named, instead of silently producing a catalog the bot would then import.
"""

from __future__ import annotations

__all__ = ["DemoCatalogError", "CatalogBuildError", "ImageRenderError"]


class DemoCatalogError(Exception):
    """Base class of every demo-catalog failure."""


class CatalogBuildError(DemoCatalogError):
    """The vocabulary tables cannot produce a valid catalog (duplicate title, bad SKU, missing slot...)."""


class ImageRenderError(DemoCatalogError):
    """A catalog row cannot be drawn or written as a product image (e.g. an unsafe product id)."""
