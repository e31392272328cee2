"""Deterministic generator of the demo catalog (``store/demo/catalog.json``).

The demo shop needs a catalog big and varied enough that search, recommendations, flash sales and
the Q&A knowledge base have something real to work on, yet it must be reproducible: the JSON is
committed, and ``python -m store.demo.catalog_builder`` must rebuild it byte for byte. So every
random choice comes from one ``random.Random(2026)`` walked in a fixed order over the vocabulary
tables, nothing reads the clock or the network, and the JSON is written with sorted keys.

Output rows follow shopbot's catalog import format: one object per SKU, rows sharing a
``product_id`` being variants of one product.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from store.demo.catalog_data import ALL_TYPES
from store.demo.catalog_spec import ProductType, Value, en, zh
from store.demo.catalog_zh import check_parallel, zh_extras
from store.demo.errors import CatalogBuildError
from store.demo.palette import color_info

__all__ = ["SEED", "CATALOG_PATH", "build_catalog", "render_catalog", "write_catalog", "main"]

SEED = 2026
CATALOG_PATH = Path(__file__).with_name("catalog.json")
DIGITAL_STOCK = 100_000
MAX_SKUS_PER_PRODUCT = 12
_SKU_RE = re.compile(r"^[A-Z0-9-]{1,24}$")
_SPECIAL_MODEL_KEYS = frozenset({"brand", "price", "price_minor", "extra_tags"})
_CENT_ENDINGS = (99, 99, 99, 95, 49, 0)
_SIZE_CODES = {
    "Twin": "TW", "Full": "FL", "Queen": "QN", "King": "KG", "California King": "CK", "One Size": "OS", "Small": "S",
    "Medium": "M", "Large": "L", "X-Large": "XL", "XX-Large": "XXL", "Newborn": "NB", "Standard": "STD",
    "Paperback": "PB", "Hardcover": "HC",
}


def _code(axis: str, value: Value) -> str:
    """The short SKU segment of a variant option: palette code for colours, compact text otherwise."""
    text = str(en(value))
    if axis == "color":
        info = color_info(text)
        if info is None:
            raise CatalogBuildError(f"colour {text!r} is not in store.demo.palette.COLORS")
        return info.code
    if text in _SIZE_CODES:
        return _SIZE_CODES[text]
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    if len(compact) <= 6:
        return compact
    # "Toddler 5" -> "T5", "12-18 Months" -> "1218M": initials of words, numbers kept whole.
    tokens = re.findall(r"[A-Za-z]+|[0-9]+", text)
    return "".join(t if t.isdigit() else t[0].upper() for t in tokens)[:8]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _fill(template: str, fields: Mapping[str, Value], lang: str, where: str) -> str:
    pick = en if lang == "en" else zh
    try:
        return template.format_map({name: pick(value) for name, value in fields.items()})
    except (KeyError, IndexError) as exc:
        raise CatalogBuildError(f"{where}: template {template!r} needs field {exc}") from None


def _human_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _money_text(minor: int, currency: str) -> str:
    return str(minor) if currency == "XTR" else f"{minor // 100}.{minor % 100:02d}"


class _Builder:
    """Walks the vocabulary tables once; all randomness flows through ``self.rng`` in table order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.titles: set[str] = set()
        self.skus: set[str] = set()
        self.next_number = 1

    def build(self, types: Sequence[ProductType]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for ptype in types:
            check_parallel(ptype)
            brands = list(ptype.brands)
            self.rng.shuffle(brands)
            models = list(ptype.models)
            self.rng.shuffle(models)
            for index in range(ptype.count):
                model = models[index % len(models)] if models else {}
                rows.extend(self._product(ptype, index, brands[index % len(brands)], model))
        return rows

    def _fields(
        self, ptype: ProductType, index: int, brand: str, model: Mapping[str, Any]
    ) -> tuple[dict[str, Value], str]:
        """Pick words and attributes until the English title is new to the catalog."""
        where = f"product type {ptype.key!r}"
        for _attempt in range(200):
            fields: dict[str, Value] = {"brand": en(model["brand"]) if "brand" in model else brand}
            for name, options in (*ptype.words.items(), *ptype.attrs.items()):
                if options:
                    fields[name] = self.rng.choice(options)
                elif name not in model:
                    raise CatalogBuildError(f"{where}: word {name!r} has no choices and no model gives it")
            for name in ptype.cycle:
                fields[name] = ptype.attrs[name][index % len(ptype.attrs[name])]
            for name, value in model.items():
                if name not in _SPECIAL_MODEL_KEYS and name not in ptype.variants:
                    fields[name] = value
            title = _fill(self.rng.choice(ptype.titles), fields, "en", where)
            if title not in self.titles:
                self.titles.add(title)
                return fields, title
        raise CatalogBuildError(f"{where}: cannot find a unique title; add more words or lower count")

    def _axes(self, ptype: ProductType, model: Mapping[str, Any]) -> list[tuple[str, list[Value]]]:
        axes: list[tuple[str, list[Value]]] = []
        for axis, options in ptype.variants.items():
            allowed = list(model[axis]) if axis in model else list(options)
            if not allowed:
                raise CatalogBuildError(f"product type {ptype.key!r}: axis {axis!r} has no options")
            if axis == "color":
                chosen = self.rng.sample(allowed, self.rng.randint(1, min(3, len(allowed))))
                chosen.sort(key=allowed.index)
            else:
                run = self.rng.randint((len(allowed) + 1) // 2, len(allowed))
                start = self.rng.randint(0, len(allowed) - run)
                chosen = allowed[start : start + run]
            axes.append((axis, chosen))
        while len(list(itertools.product(*(c for _, c in axes)))) > MAX_SKUS_PER_PRODUCT:
            colours = next(c for a, c in axes if a == "color")
            colours.pop()
        return axes

    def _base_minor(self, ptype: ProductType, model: Mapping[str, Any]) -> int:
        if ptype.currency == "XTR":
            low, high = ptype.price
            return max(low, round(self.rng.randint(low, high), -1))
        if "price_minor" in model:
            return int(model["price_minor"])
        if "price" in model:
            return int(model["price"]) * 100 + 99
        return self.rng.randint(*ptype.price) * 100 + self.rng.choice(_CENT_ENDINGS)

    def _variant_minor(
        self, ptype: ProductType, base: int, combo: Mapping[str, Value], axes: Sequence[tuple[str, list[Value]]]
    ) -> int:
        price = base
        for axis, chosen in axes:
            value = combo[axis]
            fixed = ptype.price_by.get(axis, {}).get(str(en(value)))
            if fixed is not None:
                return fixed
            steps = ptype.steps.get(axis)
            if steps:
                full = list(ptype.variants[axis])
                price += steps[full.index(value)] - min(steps[full.index(v)] for v in chosen)
        return price

    def _stock(self, ptype: ProductType, flash: bool) -> int:
        if ptype.digital:
            return DIGITAL_STOCK
        if flash:
            return self.rng.randint(150, 400)
        roll = self.rng.random()
        if roll < 0.07:
            return 0
        if roll < 0.17:
            return self.rng.randint(1, 5)
        return self.rng.randint(10, 300)

    def _product(self, ptype: ProductType, index: int, brand: str, model: Mapping[str, Any]) -> list[dict[str, Any]]:
        product_id = f"P{self.next_number:04d}"
        self.next_number += 1
        where = f"{product_id} ({ptype.key})"
        fields, title = self._fields(ptype, index, brand, model)
        axes = self._axes(ptype, model)
        extra: dict[str, Value] = {name: _human_list([str(en(v)) for v in chosen]) for name, chosen in axes}
        if "size" in extra:
            sizes = [str(en(v)) for v in dict(axes)["size"]]
            extra["sizes"] = sizes[0] if len(sizes) == 1 else f"{sizes[0]} to {sizes[-1]}"
        if "color" in extra:
            extra["colors"] = extra["color"]
        text_fields = {**fields, **extra}
        # An index per group, drawn exactly as choice(group) would draw: desc_zh reuses it without a draw.
        picks = [self.rng.choice(range(len(group))) for group in ptype.desc]
        description = " ".join(_fill(g[i], text_fields, "en", where) for g, i in zip(ptype.desc, picks, strict=True)
                               if g[i])
        zh_fields = {**fields, **zh_extras(axes)}
        description_zh = "".join(_fill(ptype.desc_zh[n][i], zh_fields, "zh", where)
                                 for n, i in enumerate(picks) if ptype.desc_zh and ptype.desc_zh[n][i])
        title_zh = _fill(ptype.zh, fields, "zh", where) if ptype.zh else None
        flash = not ptype.digital and self.rng.random() < 0.035
        on_sale = flash or (not ptype.digital and self.rng.random() < 0.12)
        rating = round(self.rng.uniform(1.8, 3.4) if self.rng.random() < 0.06 else self.rng.uniform(3.6, 5.0), 1)
        sales_count = min(60_000, int(self.rng.lognormvariate(5.0, 1.3)))
        tags = [_slug(_fill(t, fields, "en", where)) for t in (*ptype.tags, *model.get("extra_tags", ()))]
        tags += ["flash-sale"] * flash + ["sale"] * on_sale + ["digital"] * ptype.digital
        base = self._base_minor(ptype, model)
        product_attrs: dict[str, Any] = {
            name: en(value) for name, value in fields.items() if name != "brand" and name not in ptype.words
        }
        product_attrs.update(
            product_type=ptype.label, rating=rating, sales_count=sales_count, tags=list(dict.fromkeys(tags))
        )
        if title_zh:
            product_attrs["title_zh"] = title_zh
        if description_zh:
            product_attrs["description_zh"] = description_zh
        if ptype.digital:
            product_attrs["digital"] = True
        rows = []
        for combo_values in itertools.product(*(chosen for _, chosen in axes)):
            combo = {axis: value for (axis, _), value in zip(axes, combo_values, strict=True)}
            codes = [_code(axis, value) for axis, value in combo.items()] or ["STD"]
            sku = "-".join([product_id, *codes])
            if not _SKU_RE.match(sku) or sku in self.skus:
                raise CatalogBuildError(f"{where}: bad or duplicate SKU {sku!r}")
            self.skus.add(sku)
            price = self._variant_minor(ptype, base, combo, axes)
            attributes = {**product_attrs, **{axis: en(value) for axis, value in combo.items()}}
            if on_sale:
                attributes["list_price"] = _money_text((price * 125 // 10000) * 100 + 99, ptype.currency)
            rows.append(
                {
                    "product_id": product_id,
                    "sku": sku,
                    "title": title,
                    "description": description,
                    "category": ptype.path,
                    "brand": fields["brand"],
                    "price": _money_text(price, ptype.currency),
                    "currency": ptype.currency,
                    "stock": self._stock(ptype, flash),
                    "attributes": attributes,
                    "image_url": f"images/{product_id}.png",
                }
            )
        return rows


def build_catalog(seed: int = SEED, types: Sequence[ProductType] = ALL_TYPES) -> list[dict[str, Any]]:
    """Generate the catalog rows in memory; the same seed always yields the same rows."""
    return _Builder(random.Random(seed)).build(types)


def render_catalog(rows: Sequence[Mapping[str, Any]]) -> str:
    """The canonical JSON text of a catalog (sorted keys, real UTF-8, one trailing newline)."""
    return json.dumps(list(rows), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def write_catalog(path: Path = CATALOG_PATH, seed: int = SEED) -> int:
    """Build and write the catalog; returns the number of SKU rows written."""
    rows = build_catalog(seed)
    path.write_text(render_catalog(rows), encoding="utf-8", newline="\n")
    return len(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m store.demo.catalog_builder", description=__doc__)
    parser.add_argument("--output", type=Path, default=CATALOG_PATH, help="where to write catalog.json")
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the file differs from a fresh build"
    )
    args = parser.parse_args(argv)
    if args.check:
        fresh = render_catalog(build_catalog())
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if fresh != current:
            print(f"{args.output} is stale: run python -m store.demo.catalog_builder", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    count = write_catalog(args.output)
    print(f"wrote {count} SKUs to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
