"""First pass of an import: validate every row and learn the shape of each product, holding no ORM objects.

What is kept per product is tiny (its first line and which attribute keys vary), so the plan for 100k rows
fits in a few megabytes. The attribute rule, applied in the second pass:

    An attribute belongs to the VARIANT if its value differs between the product's rows, if some rows of the
    product lack it, or if it is a variant axis (color, colour, size). Every other attribute is the same on all
    of the product's rows and belongs to the PRODUCT.

Product fields (title, description, category, brand, image_url, title_zh, rating, sales_count, digital) come
from the product's first row in the file; later rows of the same product only add variants.
"""

from __future__ import annotations

import json
import marshal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from store.catalog.errors import RowProblem
from store.catalog.import_rows import ImportRow, RowInvalid, parse_row
from store.catalog.readers import read_rows

__all__ = ["VARIANT_AXES", "ImportPlan", "ProductShape", "plan_import"]

VARIANT_AXES = frozenset({"color", "colour", "size"})
_VARIES = object()
_SPOOL_BATCH = 1000


@dataclass
class ProductShape:
    first_line: int
    rows: int = 0
    # key -> (canonical JSON of the value, or _VARIES; number of rows that have the key)
    keys: dict[str, tuple[object, int]] = field(default_factory=dict)

    def add(self, attributes: dict[str, Any]) -> None:
        self.rows += 1
        for key, value in attributes.items():
            canon = json.dumps(value, sort_keys=True, ensure_ascii=False)
            seen = self.keys.get(key)
            if seen is None:
                self.keys[key] = (canon, 1)
            else:
                self.keys[key] = (seen[0] if seen[0] == canon else _VARIES, seen[1] + 1)

    def variant_keys(self) -> frozenset[str]:
        return frozenset(
            k for k, (canon, count) in self.keys.items()
            if canon is _VARIES or count < self.rows or k.lower() in VARIANT_AXES
        )


@dataclass
class ImportPlan:
    rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    first_line: dict[str, int] = field(default_factory=dict)
    variant_keys: dict[str, frozenset[str]] = field(default_factory=dict)


def parse_or_problem(raw_line: int, raw_index: int | None, data: dict[str, Any],
                     default_currency: str) -> ImportRow | RowProblem:
    try:
        return parse_row(data, line=raw_line, index=raw_index, default_currency=default_currency)
    except RowInvalid as exc:
        return RowProblem(line=raw_line, index=raw_index, sku=exc.sku, reason=str(exc))


def plan_import(path: Path, default_currency: str, on_bytes: Callable[[int], None] | None = None,
                spool: BinaryIO | None = None) -> ImportPlan:
    """Validate the whole file. With ``spool``, valid rows are also written there (marshal, lists of row
    tuples), so the write pass replays checked rows instead of parsing the file again."""
    plan = ImportPlan()
    shapes: dict[str, ProductShape] = {}
    sku_lines: dict[str, int] = {}
    pending: list[tuple[Any, ...]] = []
    for raw in read_rows(path, on_bytes):
        plan.rows += 1
        if raw.problem is not None:
            plan.problems.append(RowProblem(line=raw.line, index=raw.index, reason=raw.problem))
            continue
        row = parse_or_problem(raw.line, raw.index, raw.data, default_currency)
        if isinstance(row, RowProblem):
            plan.problems.append(row)
            continue
        earlier = sku_lines.get(row.sku)
        if earlier is not None:
            plan.problems.append(RowProblem(line=row.line, index=row.index, sku=row.sku,
                                            reason=f"duplicate sku {row.sku!r} (first on line {earlier})"))
            continue
        sku_lines[row.sku] = row.line
        if spool is not None and not plan.problems:
            pending.append(row.to_tuple())
            if len(pending) >= _SPOOL_BATCH:
                marshal.dump(pending, spool)
                pending = []
        shape = shapes.get(row.product_id)
        if shape is None:
            shape = shapes[row.product_id] = ProductShape(first_line=row.line)
        shape.add(row.attributes)
        if row.category:
            plan.categories.add(row.category)
    if spool is not None and pending and not plan.problems:
        marshal.dump(pending, spool)
    interned: dict[frozenset[str], frozenset[str]] = {}
    for product_id, shape in shapes.items():
        plan.first_line[product_id] = shape.first_line
        keys = shape.variant_keys()
        plan.variant_keys[product_id] = interned.setdefault(keys, keys)
    return plan
