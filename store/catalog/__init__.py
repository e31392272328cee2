"""The catalog: import/export of product files, product and variant views, catalog change events.

Public entry points are re-exported here; see each module for the reasoning behind it.
"""

from __future__ import annotations

from store.catalog.categories import list_categories
from store.catalog.errors import CatalogFormatError, CatalogImportFailed, RowProblem
from store.catalog.events import ProductChanged
from store.catalog.exporter import ExportResult, export_catalog
from store.catalog.importer import ImportProgress, ImportResult, check_catalog_file, import_catalog
from store.catalog.queries import get_product, get_variant_by_sku, list_products
from store.catalog.service import ProductInput, VariantInput, delete_product, set_stock, upsert_product
from store.catalog.views import CategoryView, ProductView, VariantView

__all__ = [
    "CatalogFormatError", "CatalogImportFailed", "RowProblem", "ProductChanged", "ExportResult",
    "export_catalog", "ImportProgress", "ImportResult", "check_catalog_file", "import_catalog", "get_product",
    "get_variant_by_sku", "list_products", "list_categories", "ProductInput", "VariantInput", "delete_product",
    "set_stock", "upsert_product", "CategoryView", "ProductView", "VariantView",
]
