"""Realistic product texts for the search benchmark, grown from the demo catalog.

The synthetic catalog in ``bench/search.py`` has one-sentence texts (~35 tokens for the encoder), which
flatters encoding throughput: real product texts are two to three times longer. For the indexing target
("100k products in 3 minutes") the bench needs texts that look like a shop's, so this module reads the
demo catalog (``store/demo/catalog.json``, 654 products written by hand-made generators in many
categories, English + Chinese titles, attributes, descriptions) with the importer's own row parser and
variant/product attribute split, and makes ``n`` distinct products from it: copy ``c`` of a demo product
gets another brand of the same department, an edition name and a model code in its title, and its numbers
shifted. Lengths, languages, attribute sets and descriptions stay those of the demo catalog, and every
text is distinct (so an embedding cache cannot make the measurement cheaper than a first import).
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from knowledge.search.documents import ProductDoc, VariantDoc
from store.catalog.import_rows import ImportRow, parse_row
from store.catalog.plan import ProductShape

__all__ = ["DEMO_CATALOG", "demo_docs", "realistic_docs"]

DEMO_CATALOG = Path(__file__).resolve().parents[1] / "store" / "demo" / "catalog.json"
EDITIONS = ("Gen 2", "Gen 3", "Plus", "Lite", "Pro", "Mini", "Max", "II", "III", "Essential", "Sport", "2025")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _rows(path: Path) -> list[ImportRow]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [parse_row(data, line=i + 1, index=i, default_currency="USD") for i, data in enumerate(raw)]


def demo_docs(path: Path = DEMO_CATALOG) -> list[ProductDoc]:
    """The demo catalog as search documents, split into product and variant attributes like the importer."""
    by_product: dict[str, list[ImportRow]] = defaultdict(list)
    for row in _rows(path):
        by_product[row.product_id].append(row)
    docs = []
    for pid, (external_id, rows) in enumerate(by_product.items(), start=1):
        shape = ProductShape(first_line=rows[0].line)
        for row in rows:
            shape.add(row.attributes)
        vkeys = shape.variant_keys()
        first = rows[0]
        docs.append(ProductDoc(
            product_id=pid, external_id=external_id, title=first.title, title_zh=first.title_zh,
            description=first.description, brand=first.brand, category_path=first.category,
            attributes={k: v for k, v in first.attributes.items() if k not in vkeys},
            rating_tenths=first.rating_tenths, sales_count=first.sales_count, is_digital=first.is_digital,
            variants=tuple(VariantDoc(r.sku, r.price_minor, r.currency, r.stock, True,
                                      {k: v for k, v in r.attributes.items() if k in vkeys}) for r in rows)))
    return docs


def _shift_numbers(text: str, rng: random.Random) -> str:
    def shift(match: re.Match[str]) -> str:
        value = match.group(0)
        if "." in value:
            return f"{float(value) * rng.uniform(0.8, 1.25):.{len(value.split('.')[1])}f}"
        return str(max(1, round(int(value) * rng.uniform(0.8, 1.25))))
    return _NUMBER.sub(shift, text)


def _swap(text: str | None, old: str | None, new: str) -> str | None:
    return text.replace(old, new) if text and old else text


def realistic_docs(n: int, seed: int = 5, base: Sequence[ProductDoc] | None = None) -> list[ProductDoc]:
    """``n`` distinct products shaped like the demo catalog's (ids 1..n; the first copy is the demo itself)."""
    demo = list(base) if base is not None else demo_docs()
    rng = random.Random(seed)
    brands: dict[str, list[str]] = defaultdict(list)
    for doc in demo:
        dept = (doc.category_path or "").split(" > ")[0]
        if doc.brand and doc.brand not in brands[dept]:
            brands[dept].append(doc.brand)
    out: list[ProductDoc] = []
    for i in range(n):
        src = demo[i % len(demo)]
        copy = i // len(demo)
        pid = i + 1
        if copy == 0:
            out.append(replace(src, product_id=pid, external_id=f"R{pid:07d}"))
            continue
        brand = rng.choice(brands[(src.category_path or "").split(" > ")[0]] or [src.brand or "Acme"])
        code = f"{rng.choice(_CODE_CHARS)}{rng.choice(_CODE_CHARS)}{copy}{rng.randint(10, 99)}"
        title = f"{_shift_numbers(_swap(src.title, src.brand, brand) or src.title, rng)} {rng.choice(EDITIONS)} {code}"
        attributes: dict[str, Any] = dict(src.attributes)
        variants = tuple(replace(v, sku=f"R{pid:07d}-{j}",
                                 price_minor=max(100, int(v.price_minor * rng.uniform(0.7, 1.4))))
                         for j, v in enumerate(src.variants))
        out.append(replace(
            src, product_id=pid, external_id=f"R{pid:07d}", title=title, brand=brand,
            title_zh=_swap(src.title_zh, src.brand, brand),
            description=_shift_numbers(_swap(src.description, src.brand, brand) or "", rng),
            attributes=attributes, sales_count=rng.randint(0, 5000), rating_tenths=rng.randint(20, 50),
            variants=variants))
    return out
